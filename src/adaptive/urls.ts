/**
 * Which URLs the converted card may carry. Card content is untrusted: links only open http(s),
 * images follow the one image policy of `card/behaviour.ts` (http(s), or PNG, JPEG or GIF data URIs
 * up to 1 MB; no SVG), the preview's and the rules' too, so nothing in an Adaptive Card we produce
 * can run script (`javascript:`) or reach the local file system.
 */
import { drawnImageUrl } from '../card/behaviour.ts';

const LINK = /^https?:\/\/\S/i;

/** The URL, trimmed, when a button or a Markdown link may open it; undefined otherwise. */
export function safeLinkUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  return url && LINK.test(url) ? url : undefined;
}

/** The URL, trimmed, when the image policy draws it; undefined otherwise. */
export function safeImageUrl(value: string | undefined): string | undefined {
  return drawnImageUrl(value);
}

/** A URL written inside Markdown `(...)`: spaces and parentheses would end it early, so they are encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

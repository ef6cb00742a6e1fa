/**
 * Which URLs the converted card may carry. Card content is untrusted: links only open http(s),
 * images only load http(s) or inline `data:image/*`, so nothing in an Adaptive Card we produce can
 * run script (`javascript:`) or reach the local file system.
 */

const LINK = /^https?:\/\/\S/i;
const IMAGE_DATA = /^data:image\/[a-z0-9.+-]{1,40}[;,]/i;

/** The URL, trimmed, when a button or a Markdown link may open it; undefined otherwise. */
export function safeLinkUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  return url && LINK.test(url) ? url : undefined;
}

/** The URL, trimmed, when an image may load it (http(s) or a `data:image/*` URI); undefined otherwise. */
export function safeImageUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  return url && (LINK.test(url) || IMAGE_DATA.test(url)) ? url : undefined;
}

/** A URL written inside Markdown `(...)`: spaces and parentheses would end it early, so they are encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

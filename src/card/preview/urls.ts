/**
 * Which URLs the preview may open or load. Card content is untrusted (it may come from a share
 * link), so the preview follows the strictest of the hosts: links only over http(s); images by the
 * one image policy of `card/behaviour.ts` (http(s), or PNG, JPEG or GIF data URIs up to 1 MB; no SVG),
 * which the rules and the Adaptive Card converter follow too.
 */
import { drawnImageUrl } from '../behaviour.ts';

const LINK = /^https?:\/\/[^\s]/i;

/** The URL to open for a link or button, or undefined when it is not an http(s) URL. */
export function safeLinkUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url || !LINK.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The URL to load for an image, or undefined when the image policy refuses it. */
export function safeImageUrl(value: string | undefined): string | undefined {
  const url = drawnImageUrl(value);
  if (!url) return undefined;
  return /^data:/i.test(url) ? url : safeLinkUrl(url);
}

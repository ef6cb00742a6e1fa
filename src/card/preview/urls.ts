/**
 * Which URLs the preview may open or load. Card content is untrusted (it may come from a share
 * link), so the preview follows the strictest of the hosts: links only over http(s), images only
 * over http(s) or as an inline raster `data:image/*` (the 2016 connector reference allowed data
 * URIs for images; SVG is refused because it is a document format, not a picture).
 */

const LINK = /^https?:\/\/[^\s]/i;
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|bmp);/i;

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

/** The URL to load for an image, or undefined when it is neither http(s) nor a raster data URI. */
export function safeImageUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  if (DATA_IMAGE.test(url)) return url;
  return safeLinkUrl(url);
}

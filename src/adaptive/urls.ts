/**
 * The URLs the converted card may carry: the card's one URL policy (`card/urls.ts`), so nothing in
 * an Adaptive Card we produce can run script or reach the local file system, and the encoding of a
 * URL inside Markdown.
 */
export { drawnImageUrl as safeImageUrl, safeLinkUrl } from '../card/urls.ts';

/** A URL written inside Markdown `(...)`: spaces and parentheses would end it early, so they are encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

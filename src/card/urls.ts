/**
 * The one URL policy of the card: which URLs a link or button may open and which images are
 * drawn. Card content is untrusted (it may come from a share link), so the preview
 * (`features/preview`, `card/preview`), the rule catalogue (`card/rules/urls.ts`), the forms and
 * the Adaptive Card converter (`adaptive/`) all ask this module and never decide on their own:
 * what the preview draws, what a rule says and what the converter writes cannot disagree, and no
 * URL that could run script (`javascript:`, an SVG document) or reach the file system gets through.
 */

/**
 * Whether `text` starts with `http://` or `https://` and has something after it: the schema's
 * pattern for OpenUri `uri` and ViewAction `target`, and the first test of every URL here.
 */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S/i.test(text);
}

/** An http(s) URL with the first character of a host: the test every link and image passes. */
const HTTP_WITH_HOST = /^https?:\/\/[^\s/?#]/i;

/** The host of an http(s) URL, lower-cased, or undefined. */
export function urlHost(text: string): string | undefined {
  const match = /^https?:\/\/(?:[^@/?#\s]{0,256}@)?(\[[^\]/]{0,64}\]|[^:/?#\s]{0,256})/i.exec(text);
  return match?.[1]?.toLowerCase();
}

/**
 * The URL, trimmed, when a link or button may open it: http(s) only, and it must parse as a URL.
 * Undefined for anything else (`javascript:`, `data:`, `file:`, relative or protocol-relative URLs).
 */
export function safeLinkUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url || !HTTP_WITH_HOST.test(url)) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Teams draws images under 1 MB (reference §3). */
export const MAX_IMAGE_BYTES = 1024 * 1024;

/** Why an image is not drawn. */
export type ImageRefusal = 'empty' | 'not-http' | 'svg' | 'format' | 'too-large';

export type ImageVerdict =
  | { drawn: true; url: string }
  | { drawn: false; reason: ImageRefusal; /** A sentence for notes and rules. */ why: string };

const DATA_URI = /^data:([^;,]{0,100})((?:;[^;,]{0,100}){0,10}),/i;
const RASTER_TYPES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/gif']);
/** Picture formats a URL's extension can name that Teams does not draw (it draws PNG, JPEG, GIF). */
const OTHER_IMAGE_EXTENSIONS = new Set(['svg', 'svgz', 'webp', 'bmp', 'tif', 'tiff', 'ico', 'heic', 'heif', 'avif']);

/** The bytes a base64 (or percent-encoded) data URI payload stands for. */
function dataUriBytes(payload: string, base64: boolean): number {
  if (base64) {
    const clean = payload.replace(/[\s=]/g, '');
    return Math.floor((clean.length * 3) / 4);
  }
  return payload.replace(/%[0-9a-f]{2}/gi, '_').length;
}

/**
 * Whether an image URL is drawn, and the URL to load (trimmed). One policy for every image of the
 * card (activity images, hero image, `images[]`, Markdown and HTML images) in every host, checked
 * without fetching anything (reference §2, §3): http(s) URLs, unless their extension names a format
 * other than PNG, JPEG or GIF; `data:` URIs of type PNG, JPEG or GIF up to 1 MB (the 2016 connector
 * reference allowed data URIs). SVG is refused everywhere: it is a document that can hold script,
 * and Teams does not list it.
 */
export function imageVerdict(value: unknown): ImageVerdict {
  const url = typeof value === 'string' ? value.trim() : '';
  if (!url) return { drawn: false, reason: 'empty', why: 'it has no URL' };
  if (/^data:/i.test(url)) {
    const match = DATA_URI.exec(url);
    const type = match?.[1]?.trim().toLowerCase() ?? '';
    if (type.startsWith('image/svg')) {
      return { drawn: false, reason: 'svg', why: 'SVG images are not drawn (Teams draws PNG, JPEG or GIF)' };
    }
    if (!match || !RASTER_TYPES.has(type)) {
      return {
        drawn: false,
        reason: 'format',
        why: `a data URI of type ${type ? `“${type}”` : '(none)'} is not drawn: Teams draws PNG, JPEG or GIF`,
      };
    }
    const base64 = /;base64/i.test(match[2] ?? '');
    const bytes = dataUriBytes(url.slice(match[0].length), base64);
    if (bytes > MAX_IMAGE_BYTES) {
      return {
        drawn: false,
        reason: 'too-large',
        why: `this data URI holds ${(bytes / MAX_IMAGE_BYTES).toFixed(1)} MB: Teams draws images under 1 MB`,
      };
    }
    return { drawn: true, url };
  }
  if (!HTTP_WITH_HOST.test(url)) return { drawn: false, reason: 'not-http', why: 'it is not an http(s) URL' };
  const pathname = url.replace(/^https?:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  const extension = /\.([a-z0-9]{1,5})$/i.exec(pathname)?.[1]?.toLowerCase();
  if (extension === 'svg' || extension === 'svgz') {
    return { drawn: false, reason: 'svg', why: 'SVG images are not drawn (Teams draws PNG, JPEG or GIF)' };
  }
  if (extension && OTHER_IMAGE_EXTENSIONS.has(extension)) {
    return { drawn: false, reason: 'format', why: `a .${extension} image is not drawn: Teams draws PNG, JPEG or GIF` };
  }
  return { drawn: true, url };
}

/** The URL to load for an image, trimmed, or undefined when {@link imageVerdict} refuses it. */
export function drawnImageUrl(value: unknown): string | undefined {
  const verdict = imageVerdict(value);
  return verdict.drawn ? verdict.url : undefined;
}

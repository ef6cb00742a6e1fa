import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { drawnImageUrl, safeLinkUrl } from '../../card/urls.ts';

/**
 * How a text field is drawn (reference/messagecard.md §6.2):
 * - `markdown`: Teams' Markdown (bold, italic, strike, headings 1-3, lists, code, quotes, links, images);
 * - `html`: the HTML subset Teams draws in `markdown: false` sections;
 * - `inline`, `inline-html`: titles and subtitles, which take inline formatting only.
 */
export type TextMode = 'markdown' | 'html' | 'inline' | 'inline-html';

/** How a host reads a text beyond its mode (decided in `card/behaviour.ts`). */
export interface TextOptions {
  /** Whether Markdown links (and `<a>`) are links; false in titles, which show `[text](url)` as written. */
  links?: boolean;
  /** The deepest heading level drawn as a heading: Teams 3, Outlook 6. */
  headingLevels?: 3 | 6;
}

// Raw HTML is off: in a Markdown section, `<b>` is shown as the text `<b>`, as Teams shows it.
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
// Tables and rules are not part of what Teams draws for connector cards: they stay as text.
markdown.disable(['table', 'hr']);
// Titles: a link is not a link there, so `[text](url)` stays as written (images still are images).
const titleMarkdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
titleMarkdown.disable(['table', 'hr', 'link', 'autolink']);

// Images are inline content: Teams draws `![alt](url)` in a title too (its own connector example does).
const INLINE_TAGS = ['strong', 'em', 's', 'strike', 'del', 'code', 'a', 'br', 'img'];
const BLOCK_TAGS = ['p', 'br', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'pre', 'blockquote', 'img'];
const TAGS: Record<TextMode, string[]> = {
  markdown: [...INLINE_TAGS, ...BLOCK_TAGS],
  // The subset Teams documents for `markdown: false` (§6.2), nothing else.
  html: ['strong', 'em', 'h1', 'h2', 'h3', 'strike', 'ul', 'ol', 'li', 'pre', 'blockquote', 'a', 'img', 'p', 'br'],
  inline: INLINE_TAGS,
  'inline-html': ['strong', 'em', 'strike', 'a', 'br', 'img'],
};

/** The tags a mode allows once the host's options are applied. */
function allowedTags(mode: TextMode, options: TextOptions): string[] {
  let tags = TAGS[mode];
  if (options.links === false) tags = tags.filter((t) => t !== 'a');
  if (options.headingLevels === 6 && tags.includes('h3')) tags = [...tags, 'h4', 'h5', 'h6'];
  return tags;
}

let purifier: ReturnType<typeof DOMPurify> | undefined;

/** One DOMPurify instance of our own, so our hooks never leak into another user of the library. */
function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = safeLinkUrl(node.getAttribute('href') ?? undefined);
      if (href) {
        node.setAttribute('href', href);
        // A link never replaces the designer: it opens a new tab that cannot reach back to it.
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        node.removeAttribute('href');
      }
    } else if (node.nodeName === 'IMG') {
      const src = drawnImageUrl(node.getAttribute('src') ?? undefined);
      if (src) {
        node.setAttribute('src', src);
        node.setAttribute('referrerpolicy', 'no-referrer');
      } else {
        node.removeAttribute('src');
      }
    }
  });
  return purifier;
}

const cache = new Map<string, string>();
const CACHE_SIZE = 2000;

/**
 * The safe HTML for a card text in a mode. Markdown is rendered with raw HTML off; the result, and
 * the HTML of `markdown: false` sections, goes through DOMPurify with an allow-list of tags and of
 * the attributes `href`, `src`, `alt`; links keep only http(s) and open in a new tab, images load
 * only http(s) or raster `data:image/*`.
 */
export function renderCardText(text: string, mode: TextMode, options: TextOptions = {}): string {
  const key = `${mode}\u0000${options.links === false ? 'nolinks' : ''}\u0000${options.headingLevels ?? 3}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const md = options.links === false ? titleMarkdown : markdown;
  const raw =
    mode === 'markdown' ? md.render(text) : mode === 'inline' ? md.renderInline(text) : text.replace(/\r\n?/g, '\n');
  // Wrapped in an element no mode allows, which DOMPurify removes keeping its content: in a browser the
  // output is the same. happy-dom (the unit tests' DOM) stops iterating at the first node DOMPurify
  // removes; without the wrapper that node was the text's own first one (a title's inline image), lost.
  const html = purify().sanitize(`<div>${raw}</div>`, {
    ALLOWED_TAGS: allowedTags(mode, options),
    ALLOWED_ATTR: ['href', 'src', 'alt'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_TRUSTED_TYPE: false,
  }) as string;
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, html);
  return html;
}

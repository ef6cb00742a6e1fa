/**
 * Rules about text formatting (reference/messagecard.md §6): HTML in Markdown texts, HTML outside
 * Teams' subset, Markdown links in plain-text titles, and Markdown Teams does not render.
 * Every scan is bounded (first {@link SCAN_LIMIT} characters, bounded regular expressions), so a
 * megabyte of hostile text costs no more than 20 KB of it.
 */
import { isTeamsRenderer, titleLinksAreLinks } from '../behaviour.ts';
import { imageVerdict } from '../urls.ts';
import type { JsonPath, JsonSegment } from '../types.ts';
import type { LintContext } from './context.ts';
import { scanned } from './read.ts';

/** Tag names that make `<name ...>` HTML rather than a generic type like `<TResult>` in a stack trace. */
const HTML_TAGS = new Set(
  (
    'a abbr b big blockquote body br button center code col dd del details div dl dt em font form h1 h2 h3 h4 h5 h6 ' +
    'head hr html i iframe img input ins kbd label li link mark meta ol option p pre q s script section select small ' +
    'span strike strong style sub summary sup table tbody td textarea tfoot th thead title tr tt u ul video audio'
  ).split(' '),
);

/** The HTML subset Teams renders in a `"markdown": false` section (§6.2, TEAMS-FORMAT). */
const TEAMS_HTML_SUBSET = new Set([
  'strong',
  'em',
  'h1',
  'h2',
  'h3',
  'strike',
  'ul',
  'ol',
  'li',
  'pre',
  'blockquote',
  'a',
  'img',
  'p',
]);

// A tag: `<`, optional `/`, a name, then attributes up to `>` (bounded, so no quadratic scans).
const TAG = /<\/?([A-Za-z][A-Za-z0-9]{0,15})(?:[\s/][^<>]{0,300})?>/g;
const MARKDOWN_LINK = /\[([^[\]\r\n]{1,500})\]\([^()\s]{1,2048}\)/g;
const HAS_MARKDOWN_LINK = /\[[^[\]\r\n]{1,500}\]\([^()\s]{1,2048}\)/;

/** Distinct HTML tag names in the text (lower case, at most `max`). */
export function htmlTagsIn(text: string, max = 5): string[] {
  const found: string[] = [];
  if (!text.includes('<')) return found;
  for (const match of scanned(text).matchAll(TAG)) {
    const name = (match[1] ?? '').toLowerCase();
    if (HTML_TAGS.has(name) && !found.includes(name)) {
      found.push(name);
      if (found.length >= max) break;
    }
  }
  return found;
}

function tagList(names: readonly string[]): string {
  return names.map((n) => `<${n}>`).join(', ');
}

/** Where a text sits: decides which checks apply. */
export interface TextPlace {
  /** The section's path when the text is in a section (for the "use markdown: false" fix). */
  sectionPath?: JsonPath;
  /** The section has `"markdown": false`: its texts are the HTML subset, not Markdown. */
  html: boolean;
  /** The field renders block Markdown (headings, lists): card/section `text` and `activityText`. */
  blocks: boolean;
  /** The deepest heading level the host draws (card/behaviour.ts: Teams 3, Outlook 6). */
  headingLevels?: 3 | 6;
}

/**
 * HTML in a Markdown text, tags outside the subset in an HTML text, and unsupported Markdown, for
 * the text at `parent[key]` (the path is only built when there is something to report).
 */
export function checkFormattedText(
  ctx: LintContext,
  value: unknown,
  parent: JsonPath,
  key: JsonSegment,
  place: TextPlace,
): void {
  if (typeof value !== 'string' || value.length === 0) return;
  if (!value.includes('<') && !(place.blocks && (value.includes('#') || value.includes('|')))) return;
  const name = String(key);
  const path = [...parent, key];
  if (place.html) {
    const outside = htmlTagsIn(value, 20).filter((tag) => !TEAMS_HTML_SUBSET.has(tag));
    if (outside.length > 0) {
      ctx.report(
        'unsupported-html',
        path,
        `\`${name}\` uses ${tagList(outside.slice(0, 3))}, outside the HTML subset Teams renders in a "markdown": false section (<strong> <em> <h1>-<h3> <strike> <ul> <ol> <li> <pre> <blockquote> <a> <img> <p>); it may show as text or be dropped.`,
      );
    }
    return;
  }
  const tags = htmlTagsIn(value, 3);
  if (tags.length > 0) {
    // Outlook reads HTML as plain text (§6.1), whatever `markdown` says.
    const outlook = !isTeamsRenderer(ctx.host);
    const fixable = place.sectionPath !== undefined && !outlook;
    ctx.report(
      'html-in-markdown',
      path,
      outlook
        ? `\`${name}\` contains HTML (${tagList(tags)}); Outlook treats HTML as plain text, so the tags show as written. Use Markdown.`
        : `\`${name}\` contains HTML (${tagList(tags)}) but is read as Markdown: Teams may show the tags as plain text. ` +
            (place.sectionPath
              ? 'Set "markdown": false on the section to use Teams\' HTML subset, or write Markdown.'
              : 'Write Markdown instead.'),
      fixable && place.sectionPath
        ? { fix: { title: 'Set markdown to false', path: [...place.sectionPath, 'markdown'], value: false } }
        : {},
    );
  }
  if (place.blocks && (value.includes('#') || value.includes('|'))) {
    checkBlockMarkdown(ctx, value, path, name, place.headingLevels ?? 3);
  }
}

function checkBlockMarkdown(ctx: LintContext, value: string, path: JsonPath, name: string, levels: 3 | 6): void {
  let deepHeading = false;
  let table = false;
  for (const line of scanned(value).split(/\r\n|\r|\n/)) {
    if (line.length > 2000) continue;
    if (!deepHeading && /^ {0,3}#{4,6}(\s|$)/.test(line)) deepHeading = true;
    // A table's delimiter row: only pipes, dashes, colons and spaces, with a pipe and three dashes.
    if (!table && line.includes('|') && line.includes('---') && /^[\s|:-]+$/.test(line)) table = true;
  }
  // Outlook renders heading levels 1 to 6 (§6.1); Teams only 1 to 3 (§6.2).
  if (deepHeading && levels < 6) {
    ctx.report(
      'unsupported-markdown',
      path,
      `\`${name}\` uses a heading of level 4 to 6 (####); Teams renders only levels 1 to 3, so it may show as plain text with the # signs. Use ### at most.`,
    );
  }
  if (table) {
    ctx.report(
      'unsupported-markdown',
      path,
      `\`${name}\` contains a Markdown table; connector cards do not render tables, so the pipes and dashes show as text. Use facts for name/value rows.`,
    );
  }
}

/** Markdown links in a plain-text field (card and section `title`, `summary`). */
export function checkPlainTitle(ctx: LintContext, value: unknown, parent: JsonPath, key: string): void {
  if (typeof value !== 'string' || !value.includes('](')) return;
  // Whether a title's link is a link is decided once (card/behaviour.ts): in no host.
  if (key !== 'summary' && titleLinksAreLinks(ctx.host)) return;
  const text = scanned(value);
  if (!HAS_MARKDOWN_LINK.test(text)) return;
  const name = key;
  const path = [...parent, key];
  const where =
    name === 'summary'
      ? 'The summary is plain text (the notification and the Outlook list show it as is)'
      : `\`${name}\` is plain text`;
  const fixed = value.length <= text.length ? value.replace(MARKDOWN_LINK, '$1') : undefined;
  ctx.report(
    'markdown-link-in-title',
    path,
    `${where}: the Markdown link shows as raw [text](url). Put the link in a text field or a button.`,
    fixed !== undefined ? { fix: { title: 'Keep only the link text', path, value: fixed } } : {},
  );
}

/** A Markdown image `![alt](url)`: bounded parts, the URL up to its first space or `)`. */
const MARKDOWN_IMAGE = /!\[[^\]\n]{0,300}\]\(\s{0,10}<?([^\s)>]{1,4000})/g;

/**
 * Markdown images in a text that the one image policy (card/behaviour.ts) refuses without fetching:
 * SVG, another format named by the extension or data URI type, a data URI over 1 MB. The preview
 * and the Adaptive Card export leave them out; reported once per field.
 */
export function checkTextImages(ctx: LintContext, value: unknown, parent: JsonPath, key: JsonSegment): void {
  if (typeof value !== 'string' || !value.includes('![')) return;
  let checked = 0;
  for (const match of scanned(value).matchAll(MARKDOWN_IMAGE)) {
    if (++checked > 20) return;
    const verdict = imageVerdict(match[1]);
    if (verdict.drawn || verdict.reason === 'not-http' || verdict.reason === 'empty') continue;
    ctx.report('image-not-drawn', [...parent, key], `An image in \`${String(key)}\` is not drawn: ${verdict.why}.`);
    return;
  }
}

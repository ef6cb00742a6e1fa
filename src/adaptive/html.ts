/**
 * The HTML of a `"markdown": false` section (Teams' subset: strong, em, h1-h3, strike, lists, pre,
 * blockquote, a, img, p, reference section 6.2) rewritten as Markdown, because Adaptive Card text is
 * Markdown only. Plain string work, no DOM: the result is fed to the Markdown converter, which
 * decides what Adaptive Cards can show, so this step never has to be exact about looks, only
 * about content. Script and style contents are dropped, never turned into text.
 */
import { decodeHTMLStrict } from 'entities/decode';
import { markdownUrl, safeImageUrl, safeLinkUrl } from './urls.ts';

/** What the rewrite did, for the report. */
export interface HtmlRewrite {
  markdown: string;
  /** Tag names met (lower case, distinct, in order of appearance). */
  tags: string[];
  /** Tags whose meaning has no Markdown form (`u`, `font`, `span`, ...): their text is kept. */
  ignoredTags: string[];
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'center',
  'dl',
  'dt',
  'dd',
]);
// `<at>` is a Teams mention: it stays as written so that `teams.ts` can attach its entity.
const KNOWN_INLINE = new Set([
  'strong',
  'b',
  'em',
  'i',
  'strike',
  's',
  'del',
  'a',
  'code',
  'tt',
  'kbd',
  'td',
  'th',
  'at',
]);
const DROPPED_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'iframe', 'object', 'noscript']);
const VOID_TAGS = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'col', 'wbr', 'source', 'area', 'base']);
// Text of a structural tag (html, body, tbody) is kept without a word in the report: it has no look of its own.
const STRUCTURAL = new Set(['html', 'body', 'thead', 'tbody', 'tfoot', 'span']);

/** Open elements kept at once; tags nested deeper are read as if absent (their text stays). */
const MAX_DEPTH = 64;

/**
 * Decodes HTML character references, named (all of HTML's, `entities`' table) and numeric, each
 * ended by a semicolon; references that are not ones stay as written.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/** Backslash-escapes every character Markdown could read as syntax, so HTML text stays text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]#>+\-!|~<.(){}]/g, '\\$&');
}

function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

interface Frame {
  tag: string;
  attrs: string;
  out: string;
  /** Inside <pre>: text is kept as it is. */
  raw: boolean;
  /** Inside <script> and friends: text is dropped. */
  drop: boolean;
  /** For ul/ol: the next item number (ol) and whether numbered. */
  list?: { ordered: boolean; next: number };
}

/** Surrounds `inner` with `mark` while keeping its outer spaces outside (`** bold**` is not bold). */
function wrap(inner: string, mark: string): string {
  let start = 0;
  let end = inner.length;
  while (start < end && /\s/.test(inner[start]!)) start++;
  while (end > start && /\s/.test(inner[end - 1]!)) end--;
  if (start === end) return inner;
  return `${inner.slice(0, start)}${mark}${inner.slice(start, end)}${mark}${inner.slice(end)}`;
}

/** Indents the continuation lines of a list item under its marker. */
function listItem(marker: string, inner: string): string {
  const lines = inner
    .trim()
    .split(/\n+/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return '';
  const pad = ' '.repeat(marker.length);
  return `\n${marker}${lines[0]!.trim()}${lines
    .slice(1)
    .map((line) => `\n${pad}${line}`)
    .join('')}`;
}

/**
 * Rewrites HTML as Markdown. With `escapeText` (HTML mode, `markdown: false`) text outside tags is
 * escaped and its whitespace collapsed as a browser would; without it (HTML tags sprinkled in a
 * Markdown text) the text between tags is Markdown already and stays as it is.
 */
export function htmlToMarkdown(html: string, options: { escapeText: boolean }): HtmlRewrite {
  const tags: string[] = [];
  const ignoredTags: string[] = [];
  const stack: Frame[] = [{ tag: '#root', attrs: '', out: '', raw: false, drop: false }];
  const top = () => stack[stack.length - 1]!;
  const note = (list: string[], tag: string) => {
    if (!list.includes(tag)) list.push(tag);
  };

  const text = (chunk: string) => {
    const frame = top();
    if (frame.drop) return;
    const decoded = decodeEntities(chunk);
    if (frame.raw) frame.out += decoded;
    else if (options.escapeText) frame.out += escapeMarkdown(decoded.replace(/\s+/g, ' '));
    else frame.out += decoded;
  };

  const render = (frame: Frame): string => {
    const inner = frame.out;
    switch (frame.tag) {
      case 'strong':
      case 'b':
        return wrap(inner, '**');
      case 'em':
      case 'i':
        return wrap(inner, '*');
      case 'strike':
      case 's':
      case 'del':
        return wrap(inner, '~~');
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const line = inner.replace(/\s*\n\s*/g, ' ').trim();
        return line ? `\n\n${'#'.repeat(Number(frame.tag[1]))} ${line}\n\n` : '';
      }
      case 'a': {
        const href = safeLinkUrl(attribute(frame.attrs, 'href'));
        return href && inner.trim() ? `[${inner.trim()}](${markdownUrl(href)})` : inner;
      }
      case 'pre': {
        const body = inner.replace(/^\n/, '').replace(/\s+$/, '');
        const fence = body.includes('```') ? '~~~~' : '```';
        return body ? `\n\n${fence}\n${body}\n${fence}\n\n` : '';
      }
      case 'blockquote': {
        const body = inner.trim().replace(/\n{3,}/g, '\n\n');
        return body ? `\n\n${body.replace(/^/gm, '> ')}\n\n` : '';
      }
      case 'ul':
      case 'ol':
        return `\n\n${inner.trim()}\n\n`;
      case 'li': {
        const parent = top();
        const list = parent.list ?? { ordered: false, next: 1 };
        const marker = list.ordered ? `${list.next++}. ` : '- ';
        return listItem(marker, inner);
      }
      case 'td':
      case 'th':
        return `${inner.trim()} `;
      case 'at':
        return inner.trim() ? `<at>${inner}</at>` : inner;
      default:
        if (DROPPED_CONTENT.has(frame.tag)) return '';
        return BLOCK_TAGS.has(frame.tag) ? `\n\n${inner}\n\n` : inner;
    }
  };

  const close = (tag: string) => {
    const at = stack.map((f) => f.tag).lastIndexOf(tag);
    if (at <= 0) return; // a stray closing tag: nothing to close
    while (stack.length > at) {
      const frame = stack.pop()!;
      top().out += render(frame);
    }
  };

  const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})((?:\s[^<>]{0,2000})?)\s*(\/?)>|<|[^<]+/g;
  for (const match of html.matchAll(TOKEN)) {
    const [whole, slash, rawName, attrs = '', selfClosing] = match;
    if (whole.startsWith('<!--')) continue;
    if (!rawName) {
      text(whole);
      continue;
    }
    const tag = rawName.toLowerCase();
    const frame = top();
    if (frame.drop && !(slash && tag === frame.tag)) continue;
    if (frame.raw && tag !== 'pre' && tag !== 'br') continue;
    note(tags, tag);
    if (!KNOWN_INLINE.has(tag) && !BLOCK_TAGS.has(tag) && !STRUCTURAL.has(tag) && !DROPPED_CONTENT.has(tag)) {
      if (
        !['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'pre', 'blockquote', 'br', 'img', 'hr'].includes(tag)
      ) {
        note(ignoredTags, tag);
      }
    }
    if (slash) {
      close(tag);
      continue;
    }
    if (tag === 'br') {
      frame.out += frame.raw ? '\n' : '\\\n';
      continue;
    }
    if (tag === 'hr') {
      frame.out += '\n\n---\n\n';
      continue;
    }
    if (tag === 'img') {
      const src = safeImageUrl(attribute(attrs, 'src'));
      const alt = (attribute(attrs, 'alt') ?? attribute(attrs, 'title') ?? '').replace(/[[\]\\]/g, '');
      if (src) frame.out += `![${alt}](${markdownUrl(src)})`;
      else if (alt) frame.out += escapeMarkdown(alt);
      continue;
    }
    if (VOID_TAGS.has(tag) || selfClosing) continue;
    // Deeper nesting than any real card has only costs time (each level copies its text once more).
    if (stack.length > MAX_DEPTH) continue;
    if (tag === 'li' && frame.tag === 'li') close('li'); // <li>one<li>two: HTML closes the first item
    if (tag === 'p' && frame.tag === 'p') close('p');
    stack.push({
      tag,
      attrs,
      out: '',
      raw: frame.raw || tag === 'pre',
      drop: DROPPED_CONTENT.has(tag),
      ...(tag === 'ul' || tag === 'ol'
        ? { list: { ordered: tag === 'ol', next: Number(attribute(attrs, 'start')) || 1 } }
        : {}),
    });
  }
  while (stack.length > 1) {
    const frame = stack.pop()!;
    top().out += render(frame);
  }
  const markdown = stack[0]!.out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, tags, ignoredTags };
}

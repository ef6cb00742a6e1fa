/**
 * MessageCard Markdown (reference section 6.2) turned into what an Adaptive Card can show.
 *
 * Adaptive Card text blocks understand a subset: bold, italic, bulleted and numbered lists and
 * links. Everything else Teams drew in a connector card (headings, inline images, blockquotes,
 * strikethrough, code) either becomes an element of its own (a bold text block, an Image, a shaded
 * container, a monospace block) or loses its formatting, and each such change is a finding the
 * report puts into words. The text is parsed with markdown-it (raw HTML off) and written back
 * from its tokens, so bold, italic, links and lists come out in one canonical spelling.
 */
import MarkdownIt from 'markdown-it';
import { htmlToMarkdown } from './html.ts';
import { markdownUrl, safeImageUrl, safeLinkUrl } from './urls.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** One piece of converted text, in reading order. */
export type TextPart =
  | { kind: 'text'; markdown: string }
  | { kind: 'heading'; level: number; markdown: string }
  | { kind: 'image'; url: string; alt: string }
  | { kind: 'quote'; parts: TextPart[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/** Formatting that Adaptive Card text lacks, met while converting. */
export type MarkdownConstruct =
  | 'heading'
  | 'image'
  | 'blockquote'
  | 'strikethrough'
  | 'code-block'
  | 'inline-code'
  | 'rule'
  | 'unsafe-link'
  | 'unsafe-image'
  | 'html'
  | 'too-long';

/** A construct met in a text, with a short excerpt of it for the report. */
export interface MarkdownFinding {
  construct: MarkdownConstruct;
  excerpt: string;
  /** For `html`: the tag names met; tags without a Markdown form are listed in `ignoredTags`. */
  tags?: string[];
  ignoredTags?: string[];
}

export interface ConvertedText {
  parts: TextPart[];
  findings: MarkdownFinding[];
}

export interface TextOptions {
  /** The section's `markdown` flag: false means the text is Teams' HTML subset. */
  html: boolean;
  /**
   * Whether a link is a link (card/behaviour.ts `titleLinksAreLinks`): false in titles, where the
   * host shows `[text](url)` as written, so the converted text shows it as written too.
   */
  links?: boolean;
}

// Tables are not Teams connector-card Markdown (section 6.2): Teams showed their pipes as text, and so will we.
const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).disable(['table']);
// markdown-it leaves `[x](javascript:…)` as literal text, which another Markdown renderer might still read as
// a link. Letting every scheme become a link token means `safeLinkUrl` decides, and the brackets go away.
md.validateLink = () => true;

const EXCERPT_LENGTH = 60;

/**
 * Texts longer than this (three times what a whole card may weigh in Teams) are passed on as they
 * are: parsing them would cost seconds on every keystroke for a card no webhook accepts anyway.
 */
export const MAX_CONVERTED_TEXT = 100_000;

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH - 1)}…` : oneLine;
}

/** Teams rendered HTML tags in Markdown texts too; a tag among Teams' subset marks such a text. */
const HTML_TAG =
  /<\/?(?:p|br|b|strong|i|em|a|img|ul|ol|li|h[1-6]|pre|blockquote|strike|s|del|div|span|u|font|table|tr|td|hr|code)\b[^<>]{0,300}>/i;

/**
 * Re-escapes text for Adaptive Card Markdown: `*`, backticks and backslashes always (they could
 * start formatting), underscores only at a word edge (inside a word CommonMark never reads them).
 */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '*' || c === '`') out += `\\${c}`;
    else if (c === '\\') out += /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '') ? '\\\\' : '\\';
    else if (c === '_') {
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      out += /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? '_' : '\\_';
    } else out += c;
  }
  return out;
}

type InlinePiece = { kind: 'text'; markdown: string } | { kind: 'image'; url: string; alt: string };

class Converter {
  readonly findings: MarkdownFinding[] = [];

  /** Links are written back as their literal `[text](url)` (titles), not as links. */
  private readonly literalLinks: boolean;

  constructor(literalLinks = false) {
    this.literalLinks = literalLinks;
  }

  private find(construct: MarkdownConstruct, text: string, extra: Partial<MarkdownFinding> = {}): void {
    // One finding per construct and text is enough for the report; the first excerpt names it.
    if (this.findings.some((f) => f.construct === construct)) return;
    this.findings.push({ construct, excerpt: excerpt(text), ...extra });
  }

  /** Inline tokens to Markdown, images split out (they cannot stay inside an Adaptive Card text). */
  inline(tokens: readonly Token[]): InlinePiece[] {
    const pieces: InlinePiece[] = [];
    let out = '';
    const links: (string | undefined)[] = [];
    for (const token of tokens) {
      switch (token.type) {
        case 'text':
          out += escapeText(token.content);
          break;
        case 'softbreak':
        case 'hardbreak':
          out += '\n';
          break;
        case 'strong_open':
        case 'strong_close':
          out += '**';
          break;
        case 'em_open':
        case 'em_close':
          out += '_';
          break;
        case 's_open':
          this.find('strikethrough', `~~${this.textOfRange(tokens, token)}~~`);
          break;
        case 's_close':
          break;
        case 'code_inline':
          this.find('inline-code', `\`${token.content}\``);
          out += `\`${token.content.replace(/`/g, "'")}\``;
          break;
        case 'link_open': {
          const rawHref = String(token.attrGet('href') ?? '');
          if (this.literalLinks) {
            out += '\\[';
            links.push(rawHref);
            break;
          }
          const href = safeLinkUrl(rawHref);
          if (!href) this.find('unsafe-link', rawHref);
          links.push(href);
          if (href) out += '[';
          break;
        }
        case 'link_close': {
          const href = links.pop();
          // Every bracket escaped: no Markdown reader can take the literal text for a link.
          if (this.literalLinks) out += `\\]\\(${escapeText(href ?? '').replace(/[()]/g, '\\$&')}\\)`;
          else if (href) out += `](${markdownUrl(href)})`;
          break;
        }
        case 'image': {
          const src = String(token.attrGet('src') ?? '');
          const url = safeImageUrl(src);
          const alt = token.content;
          if (!url) {
            this.find('unsafe-image', src);
            if (alt) out += escapeText(alt);
            break;
          }
          this.find('image', `![${alt}](${src})`);
          if (out) pieces.push({ kind: 'text', markdown: out });
          out = '';
          pieces.push({ kind: 'image', url, alt });
          break;
        }
        case 'html_inline':
          out += escapeText(token.content);
          break;
        default:
          out += escapeText(token.content ?? '');
      }
    }
    if (out) pieces.push({ kind: 'text', markdown: out });
    return pieces;
  }

  private textOfRange(tokens: readonly Token[], open: Token): string {
    const start = tokens.indexOf(open);
    let text = '';
    for (let i = start + 1; i < tokens.length && tokens[i]!.type !== 's_close'; i++) text += tokens[i]!.content;
    return text;
  }

  /** Block tokens to parts; consecutive paragraphs and lists share one text part. */
  blocks(tokens: readonly Token[]): TextPart[] {
    const parts: TextPart[] = [];
    const group: string[] = [];
    let line: string | undefined; // the list item line being built
    const lists: { ordered: boolean; next: number }[] = [];
    let itemFresh = false;

    const flush = () => {
      if (line !== undefined) {
        group.push(line);
        line = undefined;
      }
      const text = group
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
      group.length = 0;
      if (text) parts.push({ kind: 'text', markdown: text });
    };
    const emitPieces = (pieces: InlinePiece[], prefix: string) => {
      let first = true;
      for (const piece of pieces) {
        if (piece.kind === 'image') {
          flush();
          parts.push(piece);
          continue;
        }
        if (line !== undefined && first && itemFresh) {
          line += piece.markdown.replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
        } else if (lists.length > 0) {
          if (line !== undefined) group.push(line);
          line = ' '.repeat(prefix.length) + piece.markdown.replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
        } else {
          group.push(piece.markdown, '');
        }
        first = false;
      }
      itemFresh = false;
    };

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      switch (token.type) {
        case 'heading_open': {
          flush();
          const inline = tokens[i + 1]!;
          const level = Number(token.tag.slice(1));
          this.find('heading', `${token.markup} ${inline.content}`);
          const pieces = this.inline(inline.children ?? []);
          for (const piece of pieces) {
            if (piece.kind === 'image') parts.push(piece);
            else parts.push({ kind: 'heading', level, markdown: piece.markdown.replace(/\n/g, ' ') });
          }
          i += 2;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open':
          if (lists.length === 0) {
            // A list after a paragraph starts on its own line.
            if (group.length > 0 && group[group.length - 1] !== '') group.push('');
          }
          lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start')) || 1 });
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          lists.pop();
          if (lists.length === 0) {
            if (line !== undefined) group.push(line);
            line = undefined;
            group.push('');
          }
          break;
        case 'list_item_open': {
          if (line !== undefined) group.push(line);
          const list = lists[lists.length - 1]!;
          const indent = '   '.repeat(lists.length - 1);
          line = `${indent}${list.ordered ? `${list.next++}. ` : '- '}`;
          itemFresh = true;
          break;
        }
        case 'list_item_close':
          break;
        case 'inline': {
          const prefix = lists.length > 0 ? '   '.repeat(lists.length) : '';
          emitPieces(this.inline(token.children ?? []), prefix);
          break;
        }
        case 'blockquote_open': {
          flush();
          let depth = 1;
          let j = i + 1;
          for (; j < tokens.length; j++) {
            if (tokens[j]!.type === 'blockquote_open') depth++;
            if (tokens[j]!.type === 'blockquote_close' && --depth === 0) break;
          }
          const inner = tokens.slice(i + 1, j);
          this.find('blockquote', `> ${inner.find((t) => t.type === 'inline')?.content ?? ''}`);
          const quoted = this.blocks(inner);
          if (quoted.length > 0) parts.push({ kind: 'quote', parts: quoted });
          i = j;
          break;
        }
        case 'fence':
        case 'code_block': {
          flush();
          const code = token.content.replace(/\n$/, '');
          this.find('code-block', code);
          if (code.trim()) parts.push({ kind: 'code', text: code });
          break;
        }
        case 'hr':
          flush();
          this.find('rule', token.markup);
          parts.push({ kind: 'rule' });
          break;
        default:
          break;
      }
    }
    flush();
    return parts;
  }
}

function rewriteHtml(converter: Converter, text: string, options: TextOptions): string {
  if (!options.html && !HTML_TAG.test(text)) return text;
  const rewrite = htmlToMarkdown(text, { escapeText: options.html });
  if (rewrite.tags.length > 0) {
    converter.findings.push({
      construct: 'html',
      excerpt: excerpt(text),
      tags: rewrite.tags,
      ignoredTags: rewrite.ignoredTags,
    });
  }
  return rewrite.markdown;
}

/**
 * Converts a text field that may hold paragraphs (card `text`, section `text`, `activityText`)
 * into parts an Adaptive Card can draw, with the findings the report explains.
 */
export function convertText(text: string, options: TextOptions): ConvertedText {
  if (text.length > MAX_CONVERTED_TEXT) {
    return { parts: [{ kind: 'text', markdown: text }], findings: [{ construct: 'too-long', excerpt: excerpt(text) }] };
  }
  const converter = new Converter();
  const source = rewriteHtml(converter, text, options);
  const parts = converter.blocks(md.parse(source, {}));
  return { parts, findings: converter.findings };
}

/**
 * Converts a one-line field (titles, fact names and values) to Adaptive Card Markdown. Only inline
 * syntax counts there, as in Teams; an inline image cannot be shown and becomes its alt text.
 */
export function convertInlineText(
  text: string,
  options: TextOptions,
): {
  markdown: string;
  findings: MarkdownFinding[];
  /** The images of the text, and the text without them (for a caller that draws them apart). */
  images: { url: string; alt: string }[];
  withoutImages: string;
} {
  if (text.length > MAX_CONVERTED_TEXT) {
    const findings: MarkdownFinding[] = [{ construct: 'too-long', excerpt: excerpt(text) }];
    return { markdown: text, findings, images: [], withoutImages: text };
  }
  const converter = new Converter(options.links === false);
  const source = rewriteHtml(converter, text, options);
  const pieces = converter.inline(md.parseInline(source, {})[0]?.children ?? []);
  const line = (parts: string[]) =>
    parts
      .join('')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
  const markdown = line(pieces.map((piece) => (piece.kind === 'text' ? piece.markdown : escapeText(piece.alt))));
  const withoutImages = line(pieces.map((piece) => (piece.kind === 'text' ? piece.markdown : '')));
  const images = pieces.flatMap((piece) => (piece.kind === 'image' ? [{ url: piece.url, alt: piece.alt }] : []));
  return { markdown, findings: converter.findings, images, withoutImages };
}

/**
 * Texts of the card: one-line texts (titles, fact names and values) and texts with paragraphs,
 * converted by `markdown.ts` and drawn as the elements that show them.
 */
import { asString } from '../../json/read.ts';
import type { JsonPath } from '../../card/types.ts';
import { convertInlineText, convertText, type TextPart } from '../markdown.ts';
import type { AdaptiveObject } from '../types.ts';
import type { Conversion } from './context.ts';
import { noteMarkdownFindings } from './markdownNotes.ts';

/** One-line text (titles, fact names and values); undefined when empty. */
export function inlineText(
  cx: Conversion,
  value: unknown,
  path: JsonPath,
  html: boolean,
  links = true,
): string | undefined {
  const text = asString(value);
  if (text === undefined || text.trim() === '') return undefined;
  const { markdown, findings } = convertInlineText(text, { html, links });
  noteMarkdownFindings(cx, findings, path, true);
  return markdown || undefined;
}

/** A text field with paragraphs, as the elements that draw it. */
export function blockText(cx: Conversion, value: unknown, path: JsonPath, html: boolean): AdaptiveObject[] {
  const text = asString(value);
  if (text === undefined || text.trim() === '') return [];
  const { parts, findings } = convertText(text, { html });
  noteMarkdownFindings(cx, findings, path, false);
  return partsToElements(parts);
}

function partsToElements(parts: readonly TextPart[]): AdaptiveObject[] {
  const elements: AdaptiveObject[] = [];
  let separatorNext = false;
  for (const part of parts) {
    let element: AdaptiveObject | undefined;
    switch (part.kind) {
      case 'text':
        element = { type: 'TextBlock', text: part.markdown, wrap: true };
        break;
      case 'heading':
        element = {
          type: 'TextBlock',
          text: part.markdown,
          wrap: true,
          weight: 'Bolder',
          size: part.level === 1 ? 'Large' : part.level === 2 ? 'Medium' : 'Default',
        };
        break;
      case 'image':
        element = { type: 'Image', url: part.url, ...(part.alt ? { altText: part.alt } : {}) };
        break;
      case 'quote': {
        const items = partsToElements(part.parts);
        if (items.length > 0) element = { type: 'Container', style: 'emphasis', items };
        break;
      }
      case 'code': {
        // One block per line: a single Adaptive Card text would join the lines (a lone newline is a space in Markdown).
        const lines = part.text.split('\n').map((line) => ({
          type: 'TextBlock',
          text: escapeCode(line),
          wrap: true,
          fontType: 'Monospace',
          spacing: 'None',
        }));
        element = lines.length === 1 ? lines[0]! : { type: 'Container', items: lines };
        break;
      }
      case 'rule':
        separatorNext = true;
        break;
    }
    if (!element) continue;
    if (separatorNext) {
      element.separator = true;
      separatorNext = false;
    }
    elements.push(element);
  }
  return elements;
}

/** Code is shown as it is: backslash-escape everything Markdown could read; a blank line stays a line. */
function escapeCode(line: string): string {
  const escaped = line.replace(/[\\`*_[\]<>#~|-]/g, '\\$&');
  return escaped.trim() === '' ? '\u00a0' : escaped.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
}

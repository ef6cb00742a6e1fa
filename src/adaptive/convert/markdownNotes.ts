/**
 * The report's sentences for what the Markdown conversion met (`markdown.ts` findings), as a table:
 * one row per construct, with the note's kind, topic and sentence. A row may depend on whether the
 * text was one line (a title, a fact) or a text with paragraphs.
 */
import type { JsonPath } from '../../card/types.ts';
import { MAX_CONVERTED_TEXT, type MarkdownConstruct, type MarkdownFinding } from '../markdown.ts';
import type { NoteKind } from '../types.ts';
import { quote, type Conversion } from './context.ts';

/** A note of the report, without its path. */
interface NoteText {
  kind: NoteKind;
  topic: string;
  message: string;
}

/** What the row is given: the finding, its excerpt quoted, and whether the text was one line. */
interface FindingContext {
  finding: MarkdownFinding;
  sample: string;
  inline: boolean;
}

const tagList = (tags: readonly string[]): string => tags.map((t) => `<${t}>`).join(', ');

/** For each construct, the notes it adds to the report. */
export const MARKDOWN_NOTES: Record<MarkdownConstruct, (context: FindingContext) => NoteText[]> = {
  heading: ({ sample }) => [
    {
      kind: 'approximated',
      topic: 'markdown-heading',
      message: `Adaptive Card text has no headings: ${sample} is shown as bold text.`,
    },
  ],
  image: ({ sample, inline }) => [
    inline
      ? {
          kind: 'lost',
          topic: 'markdown-image',
          message: `An image inside this text cannot be shown here: ${sample} is replaced by its description.`,
        }
      : {
          kind: 'approximated',
          topic: 'markdown-image',
          message: `Adaptive Card text cannot hold images: ${sample} is shown as an image of its own below the text before it.`,
        },
  ],
  blockquote: ({ sample }) => [
    {
      kind: 'approximated',
      topic: 'markdown-blockquote',
      message: `Adaptive Card text has no quotes: ${sample} is shown in a shaded box.`,
    },
  ],
  strikethrough: ({ sample }) => [
    {
      kind: 'lost',
      topic: 'markdown-strikethrough',
      message: `Adaptive Card text has no strikethrough: ${sample} is shown as plain text, without the line through it.`,
    },
  ],
  'code-block': ({ sample }) => [
    {
      kind: 'approximated',
      topic: 'markdown-code-block',
      message: `Adaptive Card text has no code blocks: ${sample} is shown line by line in a monospace font, without the grey background.`,
    },
  ],
  'inline-code': ({ sample }) => [
    {
      kind: 'approximated',
      topic: 'markdown-inline-code',
      message: `Adaptive Card text has no code font: ${sample} keeps its backticks but is shown in the normal font.`,
    },
  ],
  rule: () => [
    {
      kind: 'approximated',
      topic: 'markdown-rule',
      message: 'A horizontal rule in this text is shown as a separator line between text blocks.',
    },
  ],
  'unsafe-link': ({ sample }) => [
    {
      kind: 'lost',
      topic: 'unsafe-link',
      message: `A link to ${sample} is not an http(s) address; only its text is kept.`,
    },
  ],
  'unsafe-image': ({ sample }) => [
    {
      kind: 'lost',
      topic: 'unsafe-image',
      message: `An image at ${sample} is not an http(s) address; it is left out.`,
    },
  ],
  'too-long': () => [
    {
      kind: 'limit',
      topic: 'text-too-long',
      message: `This text is over ${MAX_CONVERTED_TEXT.toLocaleString('en')} characters: it is passed on as it is, its formatting not converted.`,
    },
  ],
  html: ({ finding }) => {
    const ignored = finding.ignoredTags ?? [];
    return [
      {
        kind: 'approximated',
        topic: 'html-to-markdown',
        message: `This text is HTML (${tagList(finding.tags ?? [])}); Adaptive Cards only understand Markdown, so it was rewritten as Markdown.`,
      },
      ...(ignored.length > 0
        ? [
            {
              kind: 'lost' as const,
              topic: 'html-unsupported-tag',
              message: `${tagList(ignored)} ${ignored.length === 1 ? 'has' : 'have'} no Markdown form: the text is kept without that formatting.`,
            },
          ]
        : []),
    ];
  },
};

/** Adds the report's notes for the findings of one text at `path`. */
export function noteMarkdownFindings(
  cx: Conversion,
  findings: readonly MarkdownFinding[],
  path: JsonPath,
  inline: boolean,
): void {
  for (const finding of findings) {
    for (const { kind, topic, message } of MARKDOWN_NOTES[finding.construct]({
      finding,
      sample: quote(finding.excerpt),
      inline,
    })) {
      cx.note(kind, path, topic, message);
    }
  }
}

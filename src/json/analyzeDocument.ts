/**
 * The analysis of a JSON document checked by a rule catalogue: strict parse, then the catalogue's
 * issues placed in the text. The card (`card/analyze.ts`) and the app manifest (`manifest/analyze.ts`)
 * both go through it, so their markers and problems lists behave alike.
 */
import { lineColumnAt, nearestRange, nodeAtPath } from './locate.ts';
import { parseText, type ParsedText } from './parse.ts';
import type { DocumentName } from './parseMessages.ts';
import type { Issue, LocatedIssue, Severity, TextRange } from './types.ts';

/** Rule id of issues that come from the JSON parser rather than a rule catalogue. */
export const JSON_SYNTAX_RULE = 'json-syntax';

/** The analysis of any JSON document checked by a rule catalogue (the card, the app manifest). */
export interface DocumentAnalysis {
  parsed: ParsedText;
  /** The document when the text is a JSON object (best effort while it has syntax errors). */
  object: Record<string, unknown> | undefined;
  /** Syntax errors (rule `json-syntax`) or rule findings, in text order. */
  issues: LocatedIssue[];
  counts: Record<Severity, number>;
}

/**
 * Parses a JSON document strictly and, when it parses, runs `lint` on its value and places each
 * issue in the text. Syntax errors come alone: the rules never judge a value still being written.
 * `document` names the document in the parser's messages (the card unless given).
 */
export function analyzeDocument(
  text: string,
  lint: (value: unknown) => Issue[],
  document?: DocumentName,
): DocumentAnalysis {
  const parsed = parseText(text, document);
  const value = parsed.value;
  const object =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;

  let issues: LocatedIssue[];
  if (!parsed.ok) {
    issues = parsed.errors.map((e) => ({
      rule: JSON_SYNTAX_RULE,
      severity: 'error',
      message: e.message,
      path: [],
      range: e.range,
      line: e.line,
      column: e.column,
    }));
  } else {
    issues = lint(value).map((issue) => locate(parsed, issue));
    issues.sort(byPosition);
  }

  const counts: Record<Severity, number> = { error: 0, warning: 0, hint: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return { parsed, object, issues, counts };
}

/**
 * Places an issue in the text. An issue about a whole object or array written over several lines
 * (the card, a section, an action) marks only its opening bracket, as VS Code's JSON service does
 * for object-level problems: a squiggle across every line of a section would hide the issues
 * inside it. One-line containers and scalars are marked whole.
 */
function locate(parsed: ParsedText, issue: Issue): LocatedIssue {
  const target = issue.target === 'key' ? 'key' : 'value';
  let range = nearestRange(parsed, issue.path, target);
  if (target === 'value' && range.length > 1) {
    const node = nodeAtPath(parsed.root, issue.path);
    const isContainer = node?.type === 'object' || node?.type === 'array';
    if (isContainer && spansLines(parsed.text, range)) range = { offset: range.offset, length: 1 };
  }
  return { ...issue, range, ...lineColumnAt(parsed.text, range.offset) };
}

function spansLines(text: string, range: TextRange): boolean {
  const end = range.offset + range.length;
  const lf = text.indexOf('\n', range.offset);
  const cr = text.indexOf('\r', range.offset);
  return (lf >= 0 && lf < end) || (cr >= 0 && cr < end);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

/** Text order; at one position errors before warnings before hints, then by rule id for stable output. */
function byPosition(a: LocatedIssue, b: LocatedIssue): number {
  return (
    a.range.offset - b.range.offset ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

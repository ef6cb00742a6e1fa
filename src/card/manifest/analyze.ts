/**
 * The analysis of `manifest.json` text, as `card/analyze.ts` does it for the card: parse strictly,
 * run the manifest rules, and place each issue in the text. The package view's problems list, the
 * editor markers and the download button all read this one result.
 */
import { lineColumnAt, nearestRange } from '../locate.ts';
import { parseText, type ParsedText } from '../parse.ts';
import type { Issue, LocatedIssue, Severity } from '../types.ts';
import { lintManifest } from './rules.ts';

/** Everything derived from one manifest text. */
export interface ManifestAnalysis {
  parsed: ParsedText;
  /** The manifest when the text is a JSON object (best effort while it has syntax errors). */
  manifest: Record<string, unknown> | undefined;
  issues: LocatedIssue[];
  counts: Record<Severity, number>;
}

let last: { text: string; analysis: ManifestAnalysis } | undefined;

/** Parses and checks manifest text; the last result is memoized on the text. */
export function analyzeManifest(text: string): ManifestAnalysis {
  if (last?.text === text) return last.analysis;
  const parsed = parseText(text);
  const value = parsed.value;
  const manifest =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  let issues: LocatedIssue[];
  if (!parsed.ok) {
    issues = parsed.errors.map((e) => ({
      rule: 'json-syntax',
      severity: 'error',
      message: e.message,
      path: [],
      range: e.range,
      line: e.line,
      column: e.column,
    }));
  } else {
    issues = lintManifest(value)
      .map((issue) => place(parsed, issue))
      .sort((a, b) => a.range.offset - b.range.offset || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, hint: 0 };
  for (const issue of issues) counts[issue.severity]++;
  const analysis = { parsed, manifest, issues, counts };
  last = { text, analysis };
  return analysis;
}

function place(parsed: ParsedText, issue: Issue): LocatedIssue {
  const range = nearestRange(parsed, issue.path, issue.target === 'key' ? 'key' : 'value');
  // An object written over several lines is marked at its opening bracket only, as the card does.
  const slice = parsed.text.slice(range.offset, range.offset + range.length);
  const marked = /[\r\n]/.test(slice) ? { offset: range.offset, length: 1 } : range;
  return { ...issue, range: marked, ...lineColumnAt(parsed.text, marked.offset) };
}

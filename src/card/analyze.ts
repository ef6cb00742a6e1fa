/**
 * The analysis every consumer shares: editor markers, the problems list, form fields, the send
 * pre-flight and the command line all call {@link analyze}, so they can never disagree.
 */
import { analyzeDocument, JSON_SYNTAX_RULE } from '../json/analyzeDocument.ts';
import type { ParsedText } from '../json/parse.ts';
import { lintCard } from './rules/lint.ts';
import { compactJsonBytes } from './size.ts';
import type { HostProfile, LocatedIssue, Severity } from './types.ts';

/** Everything derived from one card text for one host. Shared by the memo: do not mutate. */
export interface Analysis {
  parsed: ParsedText;
  /** The card when the text is a JSON object (best effort while it has syntax errors). */
  card: Record<string, unknown> | undefined;
  /** Syntax errors (rule `json-syntax`) or rule findings, in text order. */
  issues: LocatedIssue[];
  /** UTF-8 bytes of the compact JSON, what a sender posts; undefined while the text does not parse. */
  sizeBytes: number | undefined;
  counts: Record<Severity, number>;
}

export { JSON_SYNTAX_RULE };

// A few entries only: each pins a parse tree (about 70 MB for a 5 MB card).
const MEMO_SIZE = 3;
const memo: { text: string; host: HostProfile; analysis: Analysis }[] = [];

/**
 * Parses and lints card text for a host (default `teams`), and places every issue in the text.
 *
 * Syntax errors come first and alone: while the text is not strict JSON the rules are not run,
 * because they would judge a value the user has not finished writing. A rule's issue points at
 * the deepest part of its path that exists (a missing `summary` points at the card's `{`), at
 * the property name when the rule asks for `key`, and at the opening bracket of an object or
 * array that spans several lines. The last few results are memoized on
 * (text, host), so the editor, preview and problems list can all call this on every keystroke.
 */
export function analyze(text: string, options: { host?: HostProfile } = {}): Analysis {
  const host = options.host ?? 'teams';
  for (const entry of memo) {
    if (entry.text === text && entry.host === host) return entry.analysis;
  }
  const analysis = analyzeUncached(text, host);
  memo.unshift({ text, host, analysis });
  if (memo.length > MEMO_SIZE) memo.pop();
  return analysis;
}

function analyzeUncached(text: string, host: HostProfile): Analysis {
  const { parsed, object, issues, counts } = analyzeDocument(text, (value) => lintCard(value, { host }));
  return { parsed, card: object, issues, sizeBytes: parsed.ok ? compactJsonBytes(parsed.value) : undefined, counts };
}

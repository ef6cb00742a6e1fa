/**
 * The analysis of `manifest.json` text, as `card/analyze.ts` does it for the card: parse strictly,
 * run the manifest rules, and place each issue in the text. The package view's problems list, the
 * editor markers and the download button all read this one result.
 */
import { analyzeDocument } from '../json/analyzeDocument.ts';
import type { ParsedText } from '../json/parse.ts';
import type { DocumentName } from '../json/parseMessages.ts';
import type { LocatedIssue, Severity } from '../json/types.ts';
import { lintManifest } from './rules.ts';

/** Everything derived from one manifest text. */
export interface ManifestAnalysis {
  parsed: ParsedText;
  /** The manifest when the text is a JSON object (best effort while it has syntax errors). */
  manifest: Record<string, unknown> | undefined;
  issues: LocatedIssue[];
  counts: Record<Severity, number>;
}

/** How the parser's messages name the manifest ("The app manifest is empty"). */
export const MANIFEST_DOCUMENT: DocumentName = { the: 'the app manifest', a: 'an app manifest' };

let last: { text: string; analysis: ManifestAnalysis } | undefined;

/** Parses and checks manifest text; the last result is memoized on the text. */
export function analyzeManifest(text: string): ManifestAnalysis {
  if (last?.text === text) return last.analysis;
  const { parsed, object, issues, counts } = analyzeDocument(text, lintManifest, MANIFEST_DOCUMENT);
  const analysis = { parsed, manifest: object, issues, counts };
  last = { text, analysis };
  return analysis;
}

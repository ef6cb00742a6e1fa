/**
 * The vocabulary of JSON documents that every layer shares: paths, text ranges, edits and the issues a
 * rule catalogue reports (for the card and the app manifest alike).
 */

/** A step into JSON: a property name or an array index. */
export type JsonSegment = string | number;

/** The location of a value inside the card JSON, e.g. `['sections', 0, 'facts', 2]`. */
export type JsonPath = readonly JsonSegment[];

/** A span of the card text, in UTF-16 code units as JavaScript strings count them. */
export interface TextRange {
  offset: number;
  length: number;
}

/** A 1-based line and column, as editors and the command line show them. */
export interface LineColumn {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'hint';

/** One text replacement: replace `length` characters at `offset` with `content`. */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

/** A quick fix: a value to write at the issue's path (or `remove` it). */
export interface QuickFix {
  /** Button text, e.g. `Use false`. */
  title: string;
  /** Path to write. Usually the issue's path. */
  path: JsonPath;
  /** Write this value, or remove the property/element when `remove` is true. */
  value?: unknown;
  remove?: boolean;
  /** For renames (`Sections` -> `sections`): the new property name at the same parent. */
  renameTo?: string;
}

/** One finding of the rule catalogue (or of the JSON parser). */
export interface Issue {
  /** Stable id, e.g. `summary-or-text-required`. */
  rule: string;
  severity: Severity;
  /** What is wrong and what Teams will do about it, in a sentence or two. */
  message: string;
  /** The element the issue concerns. Empty for the whole card. */
  path: JsonPath;
  /**
   * Where to point in the text. Rules name a path; the analyser turns it into a range.
   * `key` points at the property name instead of its value (unknown fields, renames).
   */
  target?: 'value' | 'key';
  fix?: QuickFix;
}

/** An issue with its place in the text resolved. */
export interface LocatedIssue extends Issue, LineColumn {
  range: TextRange;
}

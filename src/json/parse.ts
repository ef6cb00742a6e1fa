/**
 * Strict JSON parsing with positions, for card text that may be half typed.
 *
 * Built on jsonc-parser's tolerant parser, so a broken card still yields a best-effort tree and
 * value (the preview keeps drawing while the user types), while comments and trailing commas are
 * reported as errors because Teams parses strict JSON. The parser's error codes are turned into
 * sentences a designer understands (the table in `parseMessages.ts`), naming the document as the
 * caller names it (the card, the app manifest), and cascades of follow-up errors are dropped.
 */
import { getNodeValue, parseTree, type Node, type ParseError as JsoncParseError } from 'jsonc-parser';
import { lineColumnAt } from './locate.ts';
import { CARD_DOCUMENT, PARSE_MESSAGES as M, type DocumentName } from './parseMessages.ts';
import type { TextRange } from './types.ts';

/**
 * A node of the parse tree, with offsets into the text. Only `card/` looks inside it; other
 * layers pass it around as an opaque handle.
 */
export type JsonNode = Node;

/** A syntax error, with a message in plain English and a 1-based line and column. */
export interface ParseError {
  message: string;
  range: TextRange;
  line: number;
  column: number;
}

/** The result of {@link parseText}. Treat it as immutable: it is shared by the memo. */
export interface ParsedText {
  /** The text that was parsed. */
  readonly text: string;
  /** The parse tree, also when there are errors; undefined for empty or too deeply nested text. */
  readonly root: JsonNode | undefined;
  /** The best-effort value of the text (the tolerant parser's reading when there are errors). */
  readonly value: unknown;
  /** Syntax errors in text order; empty when the text is strict JSON. */
  readonly errors: ParseError[];
  /** True when the text is strict JSON (no errors). */
  readonly ok: boolean;
}

/**
 * Bracket depth above which we refuse to build a tree. Real cards are under 10 levels deep; the
 * limit keeps jsonc-parser's recursive descent (and ours in locate/edit) far from the call stack
 * limit, which 10,000 nested arrays would otherwise overflow.
 */
export const MAX_DEPTH = 100;

// jsonc-parser's ParseErrorCode is an ambient `const enum`, which `isolatedModules` cannot read,
// so the values are mirrored here (they are part of its published API and stable since 2.x).
const Code = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

// A few entries only: the tree of a 5 MB card takes about 70 MB.
const MEMO_SIZE = 3;
const memo: { document: DocumentName; parsed: ParsedText }[] = [];

/**
 * Parses card text as strict JSON, tolerantly: it never throws, and returns a tree and a value
 * even when the text has errors.
 *
 * Comments, trailing commas, single quotes and raw control characters inside strings are errors,
 * as they are for Teams. Text nested deeper than {@link MAX_DEPTH} levels is rejected by a linear
 * pre-scan before any tree is built, so hostile input cannot overflow the stack. For valid text
 * the tree is built lazily, on the first read of `root`. The last few results are memoized by
 * text, so every consumer can call this freely with the same string.
 *
 * `document` names what is parsed in the messages ("The card is empty", "The app manifest is
 * empty"); the card unless given.
 */
export function parseText(text: string, document: DocumentName = CARD_DOCUMENT): ParsedText {
  for (const entry of memo) {
    if (entry.parsed.text === text && entry.document === document) return entry.parsed;
  }
  const parsed = parseUncached(text, document);
  memo.unshift({ document, parsed });
  if (memo.length > MEMO_SIZE) memo.pop();
  return parsed;
}

function parseUncached(text: string, document: DocumentName): ParsedText {
  if (text.trim() === '') {
    return failed(text, [error(text, M.empty(document), { offset: 0, length: text.length })]);
  }
  const tooDeep = scanDepth(text);
  if (tooDeep) {
    return failed(text, [error(text, M.tooDeep(document, tooDeep.depth), { offset: tooDeep.offset, length: 1 })]);
  }

  // Valid text, the usual case, is read by JSON.parse (native, about five times faster than
  // building jsonc-parser's tree) and the tree is built only when a position is first needed.
  // JSON.parse also keeps a `__proto__` key as data instead of making it the prototype.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseBroken(text, document);
  }
  return validText(text, value);
}

function validText(text: string, value: unknown): ParsedText {
  let root: JsonNode | undefined;
  let built = false;
  return {
    text,
    value,
    errors: [],
    ok: true,
    get root() {
      if (!built) {
        root = parseTree(text, [], PARSE_OPTIONS);
        built = true;
      }
      return root;
    },
  };
}

/** Text JSON.parse rejects: the tolerant parser gives a best-effort tree, value and the errors. */
function parseBroken(text: string, document: DocumentName): ParsedText {
  const raw: JsoncParseError[] = [];
  const root = parseTree(text, raw, PARSE_OPTIONS);
  const errors = describeErrors(text, document, raw, root ? root.offset + root.length : text.length);
  if (errors.length === 0) {
    // Both parsers implement RFC 8259, so this should not happen; never call broken text valid.
    errors.push(error(text, M.invalid, { offset: 0, length: 0 }));
  }
  return { text, root, value: root ? safeNodeValue(root) : undefined, errors, ok: false };
}

function failed(text: string, errors: ParseError[]): ParsedText {
  return { text, root: undefined, value: undefined, errors, ok: false };
}

function error(text: string, message: string, range: TextRange): ParseError {
  const { line, column } = lineColumnAt(text, range.offset);
  return { message, range, line, column };
}

/**
 * Finds how deep brackets nest outside strings, in one pass without recursion. Returns the depth
 * reached and where the limit was first crossed, or undefined when the text stays within it.
 */
function scanDepth(text: string): { depth: number; offset: number } | undefined {
  let depth = 0;
  let max = 0;
  let crossedAt = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */ || c === 0x0a || c === 0x0d) inString = false; // a line break ends a broken string
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max === MAX_DEPTH + 1) crossedAt = i;
      }
    } else if ((c === 0x7d /* } */ || c === 0x5d) /* ] */ && depth > 0) {
      depth--;
    }
  }
  return crossedAt >= 0 ? { depth: max, offset: crossedAt } : undefined;
}

/**
 * The value of a tree from a text with errors. Like jsonc-parser's getNodeValue, but a
 * `"__proto__"` key becomes an own property, as JSON.parse makes it, not the object's prototype.
 */
function safeNodeValue(node: Node): unknown {
  if (node.type === 'array') return (node.children ?? []).map(safeNodeValue);
  if (node.type !== 'object') return getNodeValue(node);
  const obj: Record<string, unknown> = {};
  for (const prop of node.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (!key || typeof key.value !== 'string') continue;
    Object.defineProperty(obj, key.value, {
      value: value ? safeNodeValue(value) : undefined,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}

// ---------------------------------------------------------------------------------------------
// Errors described (the words are in parseMessages.ts)

/**
 * Turns jsonc-parser's error list into designer-facing errors. The tolerant parser reports a
 * cascade after one mistake (a trailing comma gives "property name expected" and "value
 * expected" at the same place; an unclosed string garbles the rest of its line), so we keep the
 * first error of each line and skip errors on the line after an unclosed string.
 */
function describeErrors(text: string, document: DocumentName, raw: JsoncParseError[], rootEnd: number): ParseError[] {
  const sorted = [...raw].sort((a, b) => a.offset - b.offset);
  const ctx: DescribeContext = { text, document, contentEnd: text.trimEnd().length, openers: openerTracker(text) };
  const out: ParseError[] = [];
  let lastLine = -1;
  let openStringLine = -2;
  let symbolLine = -2;
  let reportedUnclosed = false;
  for (const e of sorted) {
    const code = e.error;
    const line = lineColumnAt(text, e.offset).line;
    // After an invalid word or character the parser misses the name, colon or value it should
    // have been, up to the next line; a bracket reported as unclosed is reported again at the end.
    if (SYMBOL_CASCADE.has(code) && line <= symbolLine + 1) continue;
    if (reportedUnclosed && (code === Code.CloseBraceExpected || code === Code.CloseBracketExpected)) continue;
    if (code === Code.InvalidSymbol) symbolLine = line;
    // Checked before describing too, so minified garbage with errors on one line stays linear.
    if (line === lastLine) continue;
    const described = e.offset >= rootEnd && rootEnd < ctx.contentEnd ? trailingText(ctx, e.offset) : describe(ctx, e);
    const err = error(text, described.message, described.range);
    if (err.line === lastLine) continue;
    // An unclosed string swallows the next line's opening quote, garbling that line too.
    if (err.line === openStringLine + 1) continue;
    out.push(err);
    lastLine = err.line;
    if (code === Code.UnexpectedEndOfString) openStringLine = err.line;
    reportedUnclosed ||= described.unclosed === true;
    if (out.length >= 100) break;
  }
  return out;
}

interface DescribeContext {
  text: string;
  /** How the messages name the document. */
  document: DocumentName;
  /** Where the text ends without its trailing whitespace. */
  contentEnd: number;
  openers: (offset: number, open: string) => number;
}

const SYMBOL_CASCADE: ReadonlySet<number> = new Set([
  Code.ValueExpected,
  Code.PropertyNameExpected,
  Code.ColonExpected,
  Code.CommaExpected,
]);

interface Described {
  message: string;
  range: TextRange;
  /** Set when the message says a bracket is not closed (later reports of it are dropped). */
  unclosed?: boolean;
}

function describe(ctx: DescribeContext, e: JsoncParseError): Described {
  const { text } = ctx;
  const at: TextRange = { offset: e.offset, length: e.length };
  const atEnd = e.offset >= text.length;

  // A trailing comma shows up as "value expected" or "property name expected" at the closing
  // bracket; point at the comma itself, which is what the user has to delete.
  if (
    (e.error === Code.ValueExpected || e.error === Code.PropertyNameExpected) &&
    (text[e.offset] === '}' || text[e.offset] === ']')
  ) {
    const comma = previousNonSpace(text, e.offset);
    if (comma >= 0 && text[comma] === ',') {
      return {
        message: M.trailingComma(text[e.offset]!),
        range: { offset: comma, length: 1 },
      };
    }
  }

  switch (e.error) {
    case Code.ValueExpected:
      return {
        message: atEnd ? M.valueExpectedAtEnd(ctx.document) : M.valueExpected(found(ctx, e.offset)),
        range: at,
      };
    case Code.PropertyNameExpected:
      return { message: M.propertyNameExpected(found(ctx, e.offset)), range: at };
    case Code.ColonExpected:
      return { message: M.colonExpected, range: at };
    case Code.CommaExpected:
      return describeMissingComma(ctx, e, at);
    case Code.CloseBraceExpected:
      return describeUnclosed(ctx, e.offset, '{', '}');
    case Code.CloseBracketExpected:
      return describeUnclosed(ctx, e.offset, '[', ']');
    case Code.EndOfFileExpected:
      return trailingText(ctx, e.offset);
    case Code.InvalidCommentToken:
      return { message: M.comment, range: at };
    case Code.UnexpectedEndOfComment:
      return { message: M.openComment, range: at };
    case Code.UnexpectedEndOfString:
      return describeOpenString(text, e, at);
    case Code.InvalidUnicode:
      return { message: M.invalidUnicode, range: at };
    case Code.InvalidEscapeCharacter:
      return describeBadEscape(text, at);
    case Code.InvalidCharacter:
      return describeControlCharacter(text, at);
    case Code.InvalidNumberFormat:
    case Code.UnexpectedEndOfNumber:
      return { message: M.invalidNumber(quote(text.slice(e.offset, e.offset + e.length))), range: at };
    case Code.InvalidSymbol:
      return describeSymbol(text, at);
    default:
      return { message: M.invalid, range: at };
  }
}

/** Anything but whitespace after the card's closing bracket (a second card, a stray `}`). */
function trailingText(ctx: DescribeContext, offset: number): Described {
  return { message: M.trailingText(ctx.document), range: { offset, length: Math.max(0, ctx.contentEnd - offset) } };
}

function describeMissingComma(ctx: DescribeContext, e: JsoncParseError, at: TextRange): Described {
  const ch = ctx.text[e.offset];
  if (ch === '}' || ch === ']') {
    const open = ch === '}' ? '[' : '{';
    const close = ch === '}' ? ']' : '}';
    return { message: M.closeExpectedBefore(close, ch, open), range: { ...at, length: 1 }, unclosed: true };
  }
  return { message: M.commaExpected(found(ctx, e.offset)), range: at };
}

/** "Missing closing }", naming where the unclosed bracket was opened when we can find it. */
function describeUnclosed(ctx: DescribeContext, offset: number, open: string, close: string): Described {
  const opener = ctx.openers(offset, open);
  if (opener < 0) return { message: M.closeExpected(close), range: { offset, length: 0 }, unclosed: true };
  const { line, column } = lineColumnAt(ctx.text, opener);
  return { message: M.closeExpectedFor(close, open, line, column), range: { offset, length: 0 }, unclosed: true };
}

/**
 * Finds the innermost bracket of a kind still open at an offset. Errors are described in text
 * order, so one forward scan serves them all (queries must not go backwards).
 */
function openerTracker(text: string): (offset: number, open: string) => number {
  const stack: number[] = [];
  let position = 0;
  let inString = false;
  return (offset, open) => {
    for (; position < offset && position < text.length; position++) {
      const c = text[position];
      if (inString) {
        if (c === '\\') position++;
        else if (c === '"' || c === '\n' || c === '\r') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') stack.push(position);
      else if (c === '}' || c === ']') stack.pop();
    }
    for (let k = stack.length - 1; k >= 0; k--) {
      if (text[stack[k]!] === open) return stack[k]!;
    }
    return -1;
  };
}

function describeOpenString(text: string, e: JsoncParseError, at: TextRange): Described {
  const end = e.offset + e.length;
  if (end < text.length && (text[end] === '\n' || text[end] === '\r')) {
    return {
      message: M.lineBreakInString,
      range: { offset: end, length: 1 },
    };
  }
  return { message: M.openString, range: at };
}

function describeBadEscape(text: string, at: TextRange): Described {
  const end = at.offset + at.length;
  for (let i = at.offset + 1; i < end; i++) {
    if (text[i] !== '\\') continue;
    const next = text[i + 1] ?? '';
    if ('"\\/bfnrtu'.includes(next)) {
      i++;
      continue;
    }
    return {
      message: M.invalidEscape(quote('\\' + next)),
      range: { offset: i, length: 2 },
    };
  }
  return { message: M.invalidEscapeSomewhere, range: at };
}

function describeControlCharacter(text: string, at: TextRange): Described {
  const end = at.offset + at.length;
  for (let i = at.offset; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20) continue;
    const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
    const named = M.controlNames[code];
    const escape = named ? named[1] : '\\u' + code.toString(16).padStart(4, '0');
    const name = named ? ` (${named[0]})` : '';
    return {
      message: M.controlCharacter(hex, name, escape),
      range: { offset: i, length: 1 },
    };
  }
  return { message: M.invalidCharacter, range: at };
}

function describeSymbol(text: string, at: TextRange): Described {
  const symbol = text.slice(at.offset, at.offset + at.length);
  if (at.offset === 0 && symbol.startsWith('\ufeff')) {
    return {
      message: M.byteOrderMark,
      range: { offset: 0, length: 1 },
    };
  }
  // Text pasted from Word, Outlook or Teams itself often carries typographic quotes.
  if (/^[\u201c\u201d\u2018\u2019\u00ab\u00bb]/.test(symbol)) {
    return {
      message: M.curlyQuotes(symbol[0]!),
      range: { offset: at.offset, length: 1 },
    };
  }
  if (symbol.startsWith("'")) {
    return { message: M.singleQuotes, range: at };
  }
  if (/^[A-Za-z_$]/.test(symbol)) {
    const word = symbol.match(/^[\w$]+/)?.[0] ?? symbol;
    const close = ['true', 'false', 'null'].find((k) => k.startsWith(word.toLowerCase()) || word.startsWith(k));
    if (close && close !== word) {
      return { message: M.didYouMean(quote(word), close), range: at };
    }
    return { message: M.unquotedWord(quote(word)), range: at };
  }
  if (symbol === '-') return { message: M.loneMinus, range: at };
  // `#0076D7` unquoted: show the whole run up to the next delimiter, as the user typed it.
  const run = text.slice(at.offset).match(/^[^\s,:[\]{}"]+/)?.[0] ?? symbol.slice(0, 1);
  const shown = run.length > 20 ? run.slice(0, 20) + '…' : run;
  return {
    message: M.unquotedText(quote(shown)),
    range: { offset: at.offset, length: Math.min(run.length, 200) },
  };
}

/** A short description of what stands at `offset`, for "expected X, found Y". */
function found(ctx: DescribeContext, offset: number): string {
  const { text } = ctx;
  if (offset >= text.length) return M.foundEnd(ctx.document);
  const ch = text[offset]!;
  if (ch === '"') {
    const end = text.indexOf('"', offset + 1);
    const s = end > offset && end - offset <= 40 ? text.slice(offset, end + 1) : '"…';
    return `the string ${s}`;
  }
  const word = text.slice(offset).match(/^[\w$.+-]+/)?.[0];
  if (word) return quote(word.length > 20 ? word.slice(0, 20) + '…' : word);
  return quote(ch);
}

function quote(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && ' \t\r\n'.includes(text[i]!)) i--;
  return i;
}

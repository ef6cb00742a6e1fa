/**
 * The parser's messages, in one table: what `parse.ts` says about each kind of syntax error, in
 * words a designer understands. Messages that name the document say what the caller parses (the
 * card, the app manifest), never a guess.
 */

/** How messages name the document being parsed. */
export interface DocumentName {
  /** With the definite article, lower case: "the card". */
  readonly the: string;
  /** With the indefinite article, lower case but for proper names: "a MessageCard". */
  readonly a: string;
}

/** The card, which most text in the app is. */
export const CARD_DOCUMENT: DocumentName = { the: 'the card', a: 'a MessageCard' };

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Every message the parser gives, by situation. */
export const PARSE_MESSAGES = {
  empty: (doc: DocumentName) => `${capitalised(doc.the)} is empty`,
  tooDeep: (doc: DocumentName, depth: number) =>
    `The JSON is nested ${depth} levels deep; ${doc.a} is never deeper than about 10 levels`,
  invalid: 'Invalid JSON',
  trailingComma: (bracket: string) => `Unexpected comma before ${bracket}: JSON does not allow a trailing comma`,
  valueExpectedAtEnd: (doc: DocumentName) => `Expected a value, but ${doc.the} ends here`,
  valueExpected: (found: string) => `Expected a value, found ${found}`,
  propertyNameExpected: (found: string) => `Expected a property name in double quotes, found ${found}`,
  colonExpected: 'Missing colon (:) after the property name',
  commaExpected: (found: string) => `Missing comma before ${found}`,
  closeExpectedBefore: (close: string, bracket: string, open: string) =>
    `Missing closing ${close} before ${bracket} (a ${open} is not closed)`,
  closeExpected: (close: string) => `Missing closing ${close}`,
  closeExpectedFor: (close: string, open: string, line: number, column: number) =>
    `Missing closing ${close} for the ${open} at line ${line}, column ${column}`,
  trailingText: (doc: DocumentName) => `Text after the end of ${doc.the}`,
  comment: 'Comments are not allowed in JSON',
  openComment: 'A /* comment is never closed (and JSON does not allow comments)',
  lineBreakInString: 'Missing closing quote: a string cannot contain a line break (write \\n for a new line)',
  openString: 'Missing closing quote of a string',
  invalidUnicode: 'Invalid \\u escape: write \\u followed by exactly four hex digits',
  invalidEscape: (escape: string) => `Invalid escape ${escape} in a string: write \\\\ for a backslash`,
  invalidEscapeSomewhere: 'Invalid escape in a string: write \\\\ for a backslash',
  controlCharacter: (hex: string, name: string, escape: string) =>
    `Control character ${hex}${name} is not allowed inside a string: write it as ${escape}`,
  invalidCharacter: 'Invalid character in a string',
  invalidNumber: (number: string) => `Invalid number ${number}`,
  byteOrderMark: 'The text starts with an invisible byte order mark (U+FEFF); remove it',
  curlyQuotes: (quote: string) => `Curly quotes (${quote}) are not JSON quotes: use straight double quotes (")`,
  singleQuotes: 'JSON needs double quotes ("), not single quotes',
  didYouMean: (word: string, keyword: string) => `Unexpected word ${word}: did you mean ${keyword}?`,
  unquotedWord: (word: string) => `Unexpected word ${word}: property names and text need double quotes`,
  loneMinus: 'A minus sign must be followed by digits',
  unquotedText: (text: string) => `Unexpected ${text}: text values need double quotes`,
  /** What stands where a value was expected, when nothing does. */
  foundEnd: (doc: DocumentName) => `the end of ${doc.the}`,
  /** A control character's name, and the escape that writes it. */
  controlNames: {
    0x09: ['tab', '\\t'],
    0x0a: ['line feed', '\\n'],
    0x0d: ['carriage return', '\\r'],
    0x08: ['backspace', '\\b'],
    0x0c: ['form feed', '\\f'],
  } as Readonly<Record<number, readonly [string, string]>>,
} as const;

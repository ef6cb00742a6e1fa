import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseText } from './parse.ts';
import { PARSE_MESSAGES, type DocumentName } from './parseMessages.ts';

// The shared corpus, read from its folder at test time. A Vite glob rather than node:fs, because
// src/ is type-checked without Node's types (they would leak Node globals into browser code).
const corpus = import.meta.glob<string>('../../fixtures/corpus/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const corpusFiles = Object.keys(corpus).map((path) => path.slice(path.lastIndexOf('/') + 1));
const readCorpus = (name: string) => corpus[`../../fixtures/corpus/${name}`]!;

function firstError(text: string) {
  const parsed = parseText(text);
  expect(parsed.ok).toBe(false);
  return parsed.errors[0]!;
}

describe('parseText', () => {
  it('reads a valid card with its value and tree', () => {
    const parsed = parseText('{"summary": "Hi", "sections": [{"title": "A"}]}');
    expect(parsed.ok).toBe(true);
    expect(parsed.errors).toEqual([]);
    expect(parsed.value).toEqual({ summary: 'Hi', sections: [{ title: 'A' }] });
    expect(parsed.root?.type).toBe('object');
  });

  it('parses every corpus file except 047 without errors', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(34);
    for (const name of corpusFiles) {
      const parsed = parseText(readCorpus(name));
      expect(parsed.ok, name).toBe(!name.startsWith('047-'));
    }
  });

  it('reports the trailing comma of corpus file 047 at the comma, in plain words', () => {
    const name = corpusFiles.find((n) => n.startsWith('047-'))!;
    const text = readCorpus(name);
    const parsed = parseText(text);
    expect(parsed.errors).toHaveLength(1);
    const [error] = parsed.errors;
    expect(error!.message).toBe('Unexpected comma before }: JSON does not allow a trailing comma');
    expect(text[error!.range.offset]).toBe(',');
    // The best-effort value is still there, so the preview keeps drawing.
    expect((parsed.value as Record<string, unknown>)['@type']).toBe('MessageCard');
  });

  it('gives 1-based lines and columns', () => {
    const error = firstError('{\n  "a": 1,\n}');
    expect(error).toMatchObject({ line: 2, column: 9, range: { offset: 10, length: 1 } });
  });

  it('treats a trailing comma in an array the same way', () => {
    expect(firstError('[1, 2, ]').message).toBe('Unexpected comma before ]: JSON does not allow a trailing comma');
  });

  it('says which bracket is never closed', () => {
    const error = firstError('{\n  "a": 1\n');
    expect(error.message).toBe('Missing closing } for the { at line 1, column 1');
    expect(error.range.offset).toBe(11);
  });

  it('asks for a value where one is missing', () => {
    expect(firstError('{"a": }').message).toBe("Expected a value, found '}'");
    expect(firstError('{"a":').message).toBe('Expected a value, but the card ends here');
  });

  it('reports text after the end of the card', () => {
    const error = firstError('{"a": 1} x');
    expect(error.message).toBe('Text after the end of the card');
    expect(error.range).toEqual({ offset: 9, length: 1 });
  });

  it('rejects comments, as Teams does', () => {
    expect(firstError('{"a": 1 // note\n}').message).toBe('Comments are not allowed in JSON');
    expect(firstError('/* card */ {}').message).toBe('Comments are not allowed in JSON');
  });

  it('explains single quotes and unquoted names', () => {
    expect(firstError("{'a': 1}").message).toBe('JSON needs double quotes ("), not single quotes');
    expect(firstError('{a: 1}').message).toBe("Unexpected word 'a': property names and text need double quotes");
    expect(firstError('{"a": tru}').message).toBe("Unexpected word 'tru': did you mean true?");
  });

  it('reports a missing comma and a missing colon', () => {
    expect(firstError('{"a": 1 "b": 2}').message).toBe('Missing comma before the string "b"');
    expect(firstError('{"a" 1}').message).toBe('Missing colon (:) after the property name');
  });

  it('points at a raw control character inside a string and names its escape', () => {
    const error = firstError('{"a": "x\ty"}');
    expect(error.message).toBe('Control character U+0009 (tab) is not allowed inside a string: write it as \\t');
    expect(error.range).toEqual({ offset: 8, length: 1 });
    expect(firstError('{"a": "\u0000"}').message).toContain('U+0000');
  });

  it('explains a line break inside a string once, not as a cascade', () => {
    const parsed = parseText('{\n  "a": "one\ntwo"\n}');
    expect(parsed.errors[0]!.message).toBe(
      'Missing closing quote: a string cannot contain a line break (write \\n for a new line)',
    );
    expect(parsed.errors[0]!.line).toBe(2);
    expect(parsed.errors.filter((e) => e.line === 3)).toEqual([]);
  });

  it('points at an invalid escape', () => {
    const error = firstError('{"path": "C:\\temp\\x"}');
    expect(error.message).toBe("Invalid escape '\\x' in a string: write \\\\ for a backslash");
  });

  it('reports one error per trailing comma, not the parser cascade', () => {
    expect(parseText('{"a": 1,}').errors).toHaveLength(1);
  });

  it('explains curly quotes pasted from a word processor, once', () => {
    const parsed = parseText('{\n  \u201csummary\u201d: "a"\n}');
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'Curly quotes (\u201c) are not JSON quotes: use straight double quotes (")',
    ]);
  });

  it('shows an unquoted value as typed', () => {
    expect(firstError('{"themeColor": #0076D7}')).toMatchObject({
      message: "Unexpected '#0076D7': text values need double quotes",
      range: { offset: 15, length: 7 },
    });
  });

  it('reports independent mistakes on different lines, each once', () => {
    const parsed = parseText('{\n  "summary": "a"\n  "text": "b",\n  "x": 1,\n  "y": \n}');
    expect(parsed.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '3: Missing comma before the string "text"',
      "6: Expected a value, found '}'",
    ]);
  });

  it('reports a bracket closed by the wrong one once, not again at the end', () => {
    const parsed = parseText('{\n  "facts": [\n    { "name": "a" }\n}\n');
    expect(parsed.errors.map((e) => e.message)).toEqual(['Missing closing ] before } (a [ is not closed)']);
  });

  it('reports a byte order mark', () => {
    expect(firstError('\ufeff{}').message).toBe(
      'The text starts with an invisible byte order mark (U+FEFF); remove it',
    );
  });

  it('says the card is empty for empty or blank text', () => {
    expect(firstError('').message).toBe('The card is empty');
    expect(firstError('  \n ').message).toBe('The card is empty');
    expect(parseText('').root).toBeUndefined();
  });

  it('names the document as its caller does: an empty or broken app manifest is not called a card', () => {
    const manifest: DocumentName = { the: 'the app manifest', a: 'an app manifest' };
    const messages = (text: string) => parseText(text, manifest).errors.map((e) => e.message);
    expect(messages('')).toEqual(['The app manifest is empty']);
    expect(messages('{"name":')).toEqual(['Expected a value, but the app manifest ends here']);
    expect(messages('{"name": "x"} {}')).toEqual(['Text after the end of the app manifest']);
    expect(messages('['.repeat(200))[0]).toBe(
      'The JSON is nested 200 levels deep; an app manifest is never deeper than about 10 levels',
    );
    const nothing = messages('{"a": 1, "b": ');
    expect(nothing.join(' ')).not.toMatch(/card/i);
    // The memo keeps the two readings of one text apart.
    expect(firstError('').message).toBe('The card is empty');
    expect(messages('')).toEqual(['The app manifest is empty']);
  });

  it('keeps every message in the table, none written in the parser', () => {
    const texts = Object.values(PARSE_MESSAGES).filter((m) => typeof m === 'string');
    expect(texts).toContain('Comments are not allowed in JSON');
    expect(firstError('{/* x */}').message).toBe(PARSE_MESSAGES.comment);
    expect(firstError('{"a": 1,}').message).toBe(PARSE_MESSAGES.trailingComma('}'));
  });

  it('refuses 10,000 nested arrays quickly, without building a tree', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000);
    const started = performance.now();
    const parsed = parseText(text);
    expect(performance.now() - started).toBeLessThan(100);
    expect(parsed.root).toBeUndefined();
    expect(parsed.errors[0]!.message).toBe(
      'The JSON is nested 10000 levels deep; a MessageCard is never deeper than about 10 levels',
    );
    expect(parsed.errors[0]!.range.offset).toBe(MAX_DEPTH);
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(parseText(JSON.stringify({ text: '['.repeat(5_000) })).ok).toBe(true);
  });

  it('parses 5 MB of card text in about a second at most', () => {
    const facts = Array.from({ length: 55_000 }, (_, i) => ({ name: `Fact ${i}`, value: `Value number ${i} ✓` }));
    const text = JSON.stringify({ summary: 'big', sections: [{ facts }] }, null, 2);
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const parsed = parseText(text);
    const parseTime = performance.now() - started;
    expect(parsed.root?.type).toBe('object'); // the tree is built on first use
    const withTree = performance.now() - started;
    expect(parsed.ok).toBe(true);
    // A guard against work that grows faster than the text (minutes on 5 MB), not a benchmark: about
    // 300 ms on an idle 2-core machine, and twice that when the machine is busy.
    expect(parseTime).toBeLessThan(1000);
    expect(withTree).toBeLessThan(2000);
  });

  it('reports errors in 5 MB of text in well under a second', () => {
    const facts = Array.from({ length: 55_000 }, (_, i) => ({ name: `Fact ${i}`, value: `Value number ${i}` }));
    const text = JSON.stringify({ summary: 'big', sections: [{ facts }] }, null, 2).slice(0, -2) + ',\n}';
    const started = performance.now();
    const parsed = parseText(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'Unexpected comma before }: JSON does not allow a trailing comma',
    ]);
  });

  it('stays fast and reports at most 100 errors on 5 MB of broken text', () => {
    for (const text of ['{]'.repeat(2_500_000), '{"a": tru\n'.repeat(500_000), '[1 2 3 '.repeat(800_000)]) {
      const started = performance.now();
      const parsed = parseText(text);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(parsed.ok).toBe(false);
      expect(parsed.errors.length).toBeGreaterThan(0);
      expect(parsed.errors.length).toBeLessThanOrEqual(100);
    }
  });

  it('never throws on random garbage', () => {
    const alphabet = '{}[]",:\\ \n\tatrufle0123.-e\u0000\u2028';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(() => parseText(text)).not.toThrow();
    }
  });

  it('keeps a __proto__ key as data', () => {
    const ok = parseText('{"__proto__": {"x": 1}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(ok)).toBe(Object.prototype);
    expect(Object.keys(ok)).toEqual(['__proto__']);
    const broken = parseText('{"__proto__": {"x": 1},}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(broken)).toBe(Object.prototype);
    expect(Object.keys(broken)).toEqual(['__proto__']);
  });

  it('returns the same result for the same text without parsing again', () => {
    const text = '{"summary": "memo"}';
    expect(parseText(text)).toBe(parseText(text));
    expect(parseText(text.slice(0))).toBe(parseText(text));
  });
});

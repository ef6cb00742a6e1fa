import { describe, expect, it } from 'vitest';
import { formatCardText, minifyCardText } from './format.ts';

describe('formatCardText', () => {
  it('indents with two spaces and changes nothing but whitespace', () => {
    const text = '{"summary":"a\\u00e9",   "n":1.50,"sections":[{"facts":[]}]}';
    expect(formatCardText(text)).toBe(
      '{\n  "summary": "a\\u00e9",\n  "n": 1.50,\n  "sections": [\n    {\n      "facts": []\n    }\n  ]\n}\n',
    );
  });

  it('keeps Windows line endings when the text uses them', () => {
    expect(formatCardText('{\r\n"a":1}')).toBe('{\r\n  "a": 1\r\n}\r\n');
  });
});

describe('minifyCardText', () => {
  it('returns one line of JSON, or undefined for text that does not parse', () => {
    expect(minifyCardText('{\n  "a": [1, 2]\n}')).toBe('{"a":[1,2]}');
    expect(minifyCardText('{"a":')).toBeUndefined();
  });
});

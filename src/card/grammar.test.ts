import { describe, expect, it } from 'vitest';
import { at, parsed } from '../json/testkit.ts';
import { parseText } from '../json/parse.ts';
import type { JsonPath } from '../json/types.ts';
import { elementPath, pathAtOffset } from './grammar.ts';

describe('pathAtOffset', () => {
  const cases: [string, string, number, JsonPath][] = [
    ['the name of the third fact of the second section', '"C"', 0, ['sections', 1, 'facts', 2]],
    ['a fact key', '"name": "B"', 0, ['sections', 1, 'facts', 1]],
    ['a section property', '"activityTitle"', 0, ['sections', 1]],
    ['the hero image', 'hero.png', 0, ['sections', 1, 'heroImage']],
    ['a gallery image', '1.png', 0, ['sections', 1, 'images', 0]],
    ['a section action', '"Open"', 0, ['sections', 1, 'potentialAction', 0]],
    ['an OpenUri target', '"default"', 0, ['sections', 1, 'potentialAction', 0, 'targets', 0]],
    ['a card-level action', '"Comment"', 0, ['potentialAction', 0]],
    ['an ActionCard input', '"id": "c"', 0, ['potentialAction', 0, 'inputs', 0]],
    ['a choice', '"Yes"', 0, ['potentialAction', 0, 'inputs', 0, 'choices', 0]],
    ['an ActionCard inner action', '"Send"', 0, ['potentialAction', 0, 'actions', 0]],
    ['an HttpPOST header', '"H"', 0, ['potentialAction', 0, 'actions', 0, 'headers', 0]],
    ['a card property', '"Build"', 0, []],
    ['the sections key', '"sections"', 0, []],
  ];
  for (const [what, needle, n, expected] of cases) {
    it(`finds ${what}`, () => {
      expect(pathAtOffset(parsed, at(needle, n) + 1)).toEqual(expected);
    });
  }

  it('selects the card outside the root value and in empty text', () => {
    expect(pathAtOffset(parseText('  {"a": 1}  '), 0)).toEqual([]);
    expect(pathAtOffset(parseText(''), 0)).toEqual([]);
  });

  it('counts a cursor right after a closing brace as inside that element', () => {
    const closing = at('{ "name": "A", "value": "1" }') + '{ "name": "A", "value": "1" }'.length;
    expect(pathAtOffset(parsed, closing)).toEqual(['sections', 1, 'facts', 0]);
  });

  it('selects the card for content under a miscased key, which Teams drops', () => {
    const miscased = parseText('{"Sections": [{"title": "x"}]}');
    expect(pathAtOffset(miscased, 18)).toEqual([]);
  });

  it('still works while the text has errors', () => {
    const broken = parseText('{"sections": [{"facts": [{"name": "A",}]}]}');
    expect(pathAtOffset(broken, 28)).toEqual(['sections', 0, 'facts', 0]);
  });
});

describe('elementPath', () => {
  it('trims a path to its card element', () => {
    expect(elementPath(['sections', 0, 'facts', 1, 'value'])).toEqual(['sections', 0, 'facts', 1]);
    expect(elementPath(['sections', 0, 'heroImage', 'image'])).toEqual(['sections', 0, 'heroImage']);
    expect(elementPath(['sections', 'x'])).toEqual([]);
    expect(elementPath(['potentialAction', 0, 'actions', 1, 'targets', 0, 'uri'])).toEqual([
      'potentialAction',
      0,
      'actions',
      1,
      'targets',
      0,
    ]);
  });
});

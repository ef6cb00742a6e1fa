import { applyEdits } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { insertAt, moveAt, removeAt, renameKey, setAt, type EditResult } from './edit.ts';
import { parseText } from './parse.ts';
import type { JsonPath } from './types.ts';

// The shared corpus, read from its folder at test time (see parse.test.ts for why not node:fs).
const corpus = import.meta.glob<string>('../../fixtures/corpus/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Checks what every edit must guarantee: the edits are sorted, disjoint, change something, and
 * applying them to the old text gives the new text, so all text outside them is byte for byte.
 */
function expectWellFormed(before: string, result: EditResult): void {
  let previousEnd = 0;
  for (const edit of result.edits) {
    expect(edit.offset).toBeGreaterThanOrEqual(previousEnd);
    expect(before.slice(edit.offset, edit.offset + edit.length)).not.toBe(edit.content);
    previousEnd = edit.offset + edit.length;
  }
  expect(applyEdits(before, result.edits)).toBe(result.text);
}

/** Runs an edit, checks it is well formed and valid JSON, and returns the new text. */
function edited(before: string, run: (text: string) => EditResult): string {
  const result = run(before);
  expectWellFormed(before, result);
  expect(parseText(result.text).errors).toEqual([]);
  return result.text;
}

const pretty = `{
  "@type": "MessageCard",
  "summary": "Build",
  "x-unknown" :   { "keep": [1,2,   3] },
  "sections": [
    {
      "facts": [
        { "name": "A", "value": "1" },
        { "name": "B", "value": "2" }
      ]
    },
    {
      "title": "Second"
    }
  ]
}
`;

describe('setAt', () => {
  it('replaces only the characters of the value', () => {
    const result = setAt(pretty, ['summary'], 'Deploy');
    expectWellFormed(pretty, result);
    expect(result.edits).toEqual([{ offset: pretty.indexOf('"Build"'), length: 7, content: '"Deploy"' }]);
  });

  it('keeps unknown fields, key order and odd spacing elsewhere', () => {
    const after = edited(pretty, (t) => setAt(t, ['sections', 1, 'title'], 'Renamed'));
    expect(after).toBe(pretty.replace('"Second"', '"Renamed"'));
  });

  it('appends a new property after the last one, at the same indentation', () => {
    const after = edited(pretty, (t) => setAt(t, ['themeColor'], '0076D7'));
    expect(after).toBe(pretty.replace('  ]\n}', '  ],\n  "themeColor": "0076D7"\n}'));
  });

  it('pretty-prints a new object at the depth where it lands', () => {
    const after = edited(pretty, (t) => setAt(t, ['sections', 1, 'heroImage'], { image: 'https://x/h.png' }));
    expect(after).toContain(
      '      "title": "Second",\n      "heroImage": {\n        "image": "https://x/h.png"\n      }\n    }',
    );
  });

  it('creates missing parents', () => {
    const after = edited(pretty, (t) => setAt(t, ['sections', 1, 'facts', 0, 'name'], 'New'));
    expect(after).toContain(
      '      "title": "Second",\n      "facts": [\n        {\n          "name": "New"\n        }\n      ]\n    }',
    );
  });

  it('appends to an array when the index equals its length', () => {
    const after = edited(pretty, (t) => setAt(t, ['sections', 2], { title: 'Third' }));
    expect(JSON.parse(after).sections[2]).toEqual({ title: 'Third' });
  });

  it('writes a new fact in the one-line style of its neighbours', () => {
    const after = edited(pretty, (t) => setAt(t, ['sections', 0, 'facts', 2], { name: 'C', value: '3' }));
    expect(after).toContain('        { "name": "B", "value": "2" },\n        { "name": "C", "value": "3" }\n      ]');
  });

  it('keeps a minified card on one line', () => {
    const minified = '{"@type":"MessageCard","summary":"a","sections":[{"facts":[{"name":"A","value":"1"}]}]}';
    const withText = edited(minified, (t) => setAt(t, ['text'], 'hi'));
    expect(withText).toBe(minified.slice(0, -1) + ',"text":"hi"}');
    const withFact = edited(minified, (t) => setAt(t, ['sections', 0, 'facts', 1], { name: 'B', value: '2' }));
    expect(withFact).toBe(minified.replace('"1"}]', '"1"},{"name":"B","value":"2"}]'));
    const withSection = edited(minified, (t) => setAt(t, ['potentialAction', 0, 'name'], 'Open'));
    expect(withSection).toBe(minified.slice(0, -1) + ',"potentialAction":[{"name":"Open"}]}');
  });

  it('follows tab indentation', () => {
    const tabs = '{\n\t"summary": "a",\n\t"sections": []\n}';
    const after = edited(tabs, (t) => setAt(t, ['sections', 0], { title: 'T', facts: [{ name: 'n' }] }));
    expect(after).toBe(
      '{\n\t"summary": "a",\n\t"sections": [\n\t\t{\n\t\t\t"title": "T",\n\t\t\t"facts": [\n\t\t\t\t{\n\t\t\t\t\t"name": "n"\n\t\t\t\t}\n\t\t\t]\n\t\t}\n\t]\n}',
    );
  });

  it('follows four-space indentation', () => {
    const four = '{\n    "summary": "a"\n}';
    expect(edited(four, (t) => setAt(t, ['sections'], [{ title: 'T' }]))).toBe(
      '{\n    "summary": "a",\n    "sections": [\n        {\n            "title": "T"\n        }\n    ]\n}',
    );
  });

  it('keeps Windows line endings and never introduces a lone \\n', () => {
    const crlf = pretty.replace(/\n/g, '\r\n');
    const after = edited(crlf, (t) => setAt(t, ['sections', 1, 'heroImage'], { image: 'x', title: 'y' }));
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(after).toBe(
      edited(pretty, (t) => setAt(t, ['sections', 1, 'heroImage'], { image: 'x', title: 'y' })).replace(/\n/g, '\r\n'),
    );
  });

  it('fills an empty card', () => {
    expect(edited('{}', (t) => setAt(t, ['summary'], 'S'))).toBe('{\n  "summary": "S"\n}');
    expect(edited('{}\n', (t) => setAt(t, ['sections', 0, 'title'], 'T'))).toBe(
      '{\n  "sections": [\n    {\n      "title": "T"\n    }\n  ]\n}\n',
    );
  });

  it('replaces the whole card at the empty path', () => {
    expect(edited(' {"a":1} ', (t) => setAt(t, [], { b: 2 }))).toBe(' {"b":2} ');
    expect(edited('{\n  "a": 1\n}\n', (t) => setAt(t, [], { b: [2] }))).toBe('{\n  "b": [\n    2\n  ]\n}\n');
  });

  it('removes the value when it is undefined', () => {
    expect(setAt('{"a": 1, "b": 2}', ['a'], undefined).text).toBe('{"b": 2}');
  });

  it('changes nothing when the value is already there', () => {
    expect(setAt('{"a": 1}', ['a'], 1).edits).toEqual([]);
  });

  it('refuses text that does not parse, so forms stay read-only', () => {
    expect(() => setAt('{"a": 1,}', ['a'], 2)).toThrow(
      'Cannot edit the card while its JSON has errors (line 1, column 8: Unexpected comma before }: JSON does not allow a trailing comma)',
    );
    expect(() => setAt('', ['a'], 2)).toThrow('Cannot edit the card while its JSON has errors');
  });

  it('refuses paths through values of the wrong kind', () => {
    expect(() => setAt(pretty, ['summary', 'x'], 1)).toThrow(
      'Cannot set summary.x: summary is a string, not an object',
    );
    expect(() => setAt(pretty, ['sections', 'x'], 1)).toThrow('sections is an array, not an object');
    expect(() => setAt(pretty, ['sections', 5], 1)).toThrow('Cannot set sections[5]: index 5 is past the end');
    expect(() => setAt(pretty, ['potentialAction', 3], 1)).toThrow('index 3 of an array that does not exist yet');
  });
});

describe('removeAt', () => {
  it('removes a property with its comma and line', () => {
    expect(edited(pretty, (t) => removeAt(t, ['summary']))).toBe(pretty.replace('  "summary": "Build",\n', ''));
  });

  it('removes the first, a middle and the last array element', () => {
    const list = '[\n  1,\n  2,\n  3\n]';
    expect(edited(list, (t) => removeAt(t, [0]))).toBe('[\n  2,\n  3\n]');
    expect(edited(list, (t) => removeAt(t, [1]))).toBe('[\n  1,\n  3\n]');
    expect(edited(list, (t) => removeAt(t, [2]))).toBe('[\n  1,\n  2\n]');
  });

  it('removes the last property of an object', () => {
    expect(edited(pretty, (t) => removeAt(t, ['sections']))).toBe(
      pretty.slice(0, pretty.indexOf(',\n  "sections"')) + '\n}\n',
    );
  });

  it('leaves an empty container when the only member goes', () => {
    expect(edited(pretty, (t) => removeAt(t, ['sections', 1, 'title']))).toContain('    },\n    {}\n  ]');
  });

  it('removes every occurrence of a duplicated key', () => {
    expect(edited('{"a": 1, "b": 2, "a": 3}', (t) => removeAt(t, ['a']))).toBe('{"b": 2}');
    expect(edited('{"a": 1, "a": 3, "b": 2}', (t) => removeAt(t, ['a']))).toBe('{"b": 2}');
  });

  it('changes nothing for a path that does not exist', () => {
    expect(removeAt(pretty, ['text']).edits).toEqual([]);
    expect(removeAt(pretty, ['sections', 7]).edits).toEqual([]);
    expect(removeAt(pretty, ['nothing', 'here']).edits).toEqual([]);
  });

  it('refuses to remove the whole card', () => {
    expect(() => removeAt(pretty, [])).toThrow('Cannot remove the whole card');
  });

  it('round-trips with setAt', () => {
    const added = setAt(pretty, ['text'], 'T').text;
    expect(removeAt(added, ['text']).text).toBe(pretty);
  });
});

describe('insertAt', () => {
  it('inserts before the element at the index', () => {
    const after = edited(pretty, (t) => insertAt(t, ['sections', 0, 'facts', 0], { name: 'Z', value: '0' }));
    expect(after).toContain(
      '"facts": [\n        { "name": "Z", "value": "0" },\n        { "name": "A", "value": "1" },',
    );
  });

  it('appends when the index equals the length', () => {
    const after = edited(pretty, (t) => insertAt(t, ['sections', 2], { title: 'Third' }));
    expect(after).toContain('      "title": "Second"\n    },\n    {\n      "title": "Third"\n    }\n  ]');
  });

  it('creates the array when it is missing', () => {
    const after = edited(pretty, (t) => insertAt(t, ['potentialAction', 0], { '@type': 'OpenUri', name: 'Open' }));
    expect(JSON.parse(after).potentialAction).toEqual([{ '@type': 'OpenUri', name: 'Open' }]);
    expect(after).toContain(
      '  "potentialAction": [\n    {\n      "@type": "OpenUri",\n      "name": "Open"\n    }\n  ]\n}',
    );
  });

  it('keeps one-line arrays on one line', () => {
    expect(edited('{"a": [1, 2]}', (t) => insertAt(t, ['a', 1], 9))).toBe('{"a": [1, 9, 2]}');
    expect(edited('{"a":[1,2]}', (t) => insertAt(t, ['a', 2], 9))).toBe('{"a":[1,2,9]}');
  });

  it('refuses bad indices and non-arrays', () => {
    expect(() => insertAt(pretty, ['sections', 3], {})).toThrow('Cannot insert at index 3: the array has 2 elements');
    expect(() => insertAt(pretty, ['summary', 0], 'x')).toThrow('Cannot insert into summary: it is a string');
    expect(() => insertAt(pretty, ['sections'], 'x')).toThrow('the path must end in an array index');
  });
});

describe('moveAt', () => {
  const facts = `{
  "sections": [
    {
      "facts": [
        { "name": "A", "value": "1" },
        { "name": "B", "value": "2", "x-extra":   true },
        { "name": "C", "value": "3" }
      ]
    },
    {
      "facts": [
        {
          "name": "D",
          "value": "4"
        }
      ]
    },
    {
      "title": "No facts yet"
    }
  ]
}`;
  const names = (text: string, section: number) =>
    (JSON.parse(text).sections[section].facts ?? []).map((f: { name: string }) => f.name);

  it('moves an element down within its array', () => {
    const after = edited(facts, (t) => moveAt(t, ['sections', 0, 'facts', 0], ['sections', 0, 'facts', 2]));
    expect(names(after, 0)).toEqual(['B', 'C', 'A']);
  });

  it('moves an element up within its array, keeping its text as written', () => {
    const after = edited(facts, (t) => moveAt(t, ['sections', 0, 'facts', 1], ['sections', 0, 'facts', 0]));
    expect(names(after, 0)).toEqual(['B', 'A', 'C']);
    expect(after).toContain('        { "name": "B", "value": "2", "x-extra":   true },\n        { "name": "A"');
  });

  it('moves a fact to another section', () => {
    const after = edited(facts, (t) => moveAt(t, ['sections', 0, 'facts', 2], ['sections', 1, 'facts', 0]));
    expect(names(after, 0)).toEqual(['A', 'B']);
    expect(names(after, 1)).toEqual(['C', 'D']);
  });

  it('re-indents a multi-line element that moves to another depth', () => {
    const after = edited(facts, (t) => moveAt(t, ['sections', 1, 'facts', 0], ['sections', 0, 'facts', 3]));
    expect(names(after, 0)).toEqual(['A', 'B', 'C', 'D']);
    expect(after).toContain('        {\n          "name": "D",\n          "value": "4"\n        }\n      ]');
    expect(after).toContain('    {\n      "facts": []\n    }');
  });

  it('creates the destination array when the section has none', () => {
    const after = edited(facts, (t) => moveAt(t, ['sections', 0, 'facts', 1], ['sections', 2, 'facts', 0]));
    expect(names(after, 2)).toEqual(['B']);
    expect(after).toContain(
      '"title": "No facts yet",\n      "facts": [\n        { "name": "B", "value": "2", "x-extra":   true }\n      ]',
    );
  });

  it('changes nothing when the element stays where it is', () => {
    expect(moveAt(facts, ['sections', 0, 'facts', 1], ['sections', 0, 'facts', 1]).edits).toEqual([]);
  });

  it('returns two small edits against the original text', () => {
    const result = moveAt(facts, ['sections', 0, 'facts', 0], ['sections', 1, 'facts', 1]);
    expect(result.edits).toHaveLength(2);
    expectWellFormed(facts, result);
  });

  it('refuses impossible moves', () => {
    expect(() => moveAt(facts, ['sections', 0, 'facts', 9], ['sections', 1, 'facts', 0])).toThrow('no such element');
    expect(() => moveAt(facts, ['sections', 0, 'facts', 0], ['sections', 0, 'facts', 3])).toThrow(
      'Cannot insert at index 3',
    );
    expect(() => moveAt(facts, ['sections', 0], ['sections', 0, 'facts', 0])).toThrow('into itself');
  });
});

describe('renameKey', () => {
  it('renames only the key, leaving the value text untouched', () => {
    const text = '{\n  "Sections" :[ {"title":"x"} ]\n}';
    const result = renameKey(text, ['Sections'], 'sections');
    expectWellFormed(text, result);
    expect(result.text).toBe('{\n  "sections" :[ {"title":"x"} ]\n}');
    expect(result.edits).toEqual([{ offset: 4, length: 10, content: '"sections"' }]);
  });

  it('refuses to create a duplicate key or rename what is not there', () => {
    expect(() => renameKey('{"Sections": [], "sections": []}', ['Sections'], 'sections')).toThrow(
      'the object already has a property "sections"',
    );
    expect(() => renameKey('{"a": 1}', ['b'], 'c')).toThrow('Cannot rename b: there is no such property');
    expect(() => renameKey('[1]', [0], 'c')).toThrow('there is no such property');
  });
});

describe('every corpus file', () => {
  const files = Object.entries(corpus);

  it('is in the corpus folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(34);
  });

  for (const [path, text] of files) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name.startsWith('047-')) {
      it(`${name} is refused for editing, because it is not valid JSON`, () => {
        expect(() => setAt(text, ['summary'], 'x')).toThrow('Cannot edit the card while its JSON has errors');
      });
      continue;
    }

    it(`${name} keeps every other byte when a field is set and removed`, () => {
      const card = JSON.parse(text) as Record<string, unknown>;
      const set = setAt(text, ['summary'], 'Edited by a form');
      expectWellFormed(text, set);
      expect(JSON.parse(set.text)).toEqual({ ...card, summary: 'Edited by a form' });
      const added = setAt(text, ['x-designer-test'], { nested: [1, 'two'] });
      expectWellFormed(text, added);
      expect(removeAt(added.text, ['x-designer-test']).text).toBe(text);

      const first: JsonPath = ['sections', 0];
      if (Array.isArray(card.sections) && card.sections.length > 1) {
        const removed = removeAt(text, first);
        expectWellFormed(text, removed);
        expect(JSON.parse(removed.text).sections).toEqual(card.sections.slice(1));
      }
    });
  }
});

describe('random edits over the corpus in four layouts', () => {
  // A small deterministic generator, so a failure can be replayed.
  function generator(seed: number) {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    return {
      int: (n: number) => Math.floor(next() * n),
      pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    };
  }

  function allPaths(value: unknown, path: JsonPath = []): { path: JsonPath; value: unknown }[] {
    const here = [{ path, value }];
    if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => allPaths(item, [...path, i])));
    if (typeof value === 'object' && value !== null) {
      return here.concat(Object.entries(value).flatMap(([k, v]) => allPaths(v, [...path, k])));
    }
    return here;
  }

  function parentOf(root: unknown, path: JsonPath): Record<string | number, unknown> {
    return path.slice(0, -1).reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], root) as Record<
      string | number,
      unknown
    >;
  }

  const layouts: [string, (card: unknown, original: string) => string][] = [
    ['as written', (_card, original) => original],
    ['minified', (card) => JSON.stringify(card)],
    ['with tabs', (card) => JSON.stringify(card, null, '\t') + '\n'],
    ['with CRLF', (_card, original) => original.replace(/\r?\n/g, '\r\n')],
  ];
  const values = ['text', 42, true, null, { name: 'n', value: 'v' }, [1, { a: [] }], {}, []];

  for (const [path, original] of Object.entries(corpus)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name.startsWith('047-')) continue;
    const card: unknown = JSON.parse(original);
    for (const [layout, write] of layouts) {
      it(`${name} ${layout}: 40 random edits give exactly the expected card and keep the layout`, () => {
        const text = write(card, original);
        const random = generator(name.length * 31 + layout.length);
        const paths = allPaths(card).filter((p) => p.path.length > 0);
        const arrays = allPaths(card).filter((p) => Array.isArray(p.value));
        for (let n = 0; n < 40; n++) {
          const expected = structuredClone(card) as Record<string, unknown>;
          let result: EditResult;
          const op = random.int(4);
          if (op === 0) {
            const target = random.pick(paths).path;
            const value = random.pick(values);
            parentOf(expected, target)[target[target.length - 1]!] = structuredClone(value);
            result = setAt(text, target, value);
          } else if (op === 1) {
            const target = random.pick(paths).path;
            const parent = parentOf(expected, target);
            const last = target[target.length - 1]!;
            if (Array.isArray(parent)) parent.splice(last as number, 1);
            else delete parent[last];
            result = removeAt(text, target);
          } else if (op === 2 || arrays.length === 0) {
            const array = arrays.length ? random.pick(arrays) : { path: ['x-new'] as JsonPath, value: [] };
            const length = (array.value as unknown[]).length;
            const index = random.int(length + 1);
            const value = random.pick(values);
            const target = [...array.path, index];
            if (arrays.length)
              (parentOf(expected, target) as unknown as unknown[]).splice(index, 0, structuredClone(value));
            else expected['x-new'] = [structuredClone(value)];
            result = insertAt(text, target, value);
          } else {
            const from = random.pick(arrays.filter((a) => (a.value as unknown[]).length > 0));
            if (!from) continue;
            const i = random.int((from.value as unknown[]).length);
            const fromPath = [...from.path, i];
            // Destinations nested in the source array would shift when the element leaves it.
            const nested = (a: { path: JsonPath }) =>
              a.path.length > from.path.length && from.path.every((s, k) => a.path[k] === s);
            const candidates = arrays.filter((a) => !nested(a));
            const to = random.pick(candidates);
            const source = parentOf(expected, fromPath) as unknown as unknown[];
            const [moved] = source.splice(i, 1);
            const destination = to.path.reduce<unknown>(
              (v, s) => (v as Record<string | number, unknown>)[s],
              expected,
            ) as unknown[];
            const j = random.int(destination.length + 1);
            destination.splice(j, 0, moved);
            result = moveAt(text, fromPath, [...to.path, j]);
          }
          expectWellFormed(text, result);
          expect(JSON.parse(result.text)).toEqual(expected);
          if (layout === 'minified') expect(result.text).not.toMatch(/[\r\n]/);
          if (layout === 'with CRLF') expect(result.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
          if (layout === 'with tabs') expect(result.text).not.toMatch(/\n +/);
        }
      });
    }
  }
});

import { describe, expect, it } from 'vitest';
import { insertAt, removeAt, setAt } from '../json/edit.ts';
import {
  acceptsMember,
  buildOutline,
  dropMove,
  duplicateOf,
  elementAt,
  enclosingActionCard,
  flattenOutline,
  nearestElement,
  newElement,
  stepMove,
  type ElementInfo,
} from './elements.ts';
import { childLists } from './grammar.ts';
import { lintCard } from './rules/lint.ts';
import { BLANK_CARD_TEXT } from './samples.ts';
import welcome from './samples/welcome.json';
import type { JsonPath } from './types.ts';

const card = {
  summary: 'S',
  sections: [
    {
      activityTitle: 'A',
      heroImage: { image: 'https://x/h.png' },
      facts: [
        { name: 'One', value: '1' },
        { name: 'Two', value: '2' },
      ],
      images: [{ image: 'https://x/1.png' }],
      potentialAction: [{ '@type': 'OpenUri', name: 'Go', targets: [{ os: 'default', uri: 'https://x' }] }],
    },
    { title: 'B', facts: [{ name: 'Three', value: '3' }] },
    { title: 'C' },
  ],
  potentialAction: [
    { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://x' }] },
    {
      '@type': 'ActionCard',
      name: 'Decide',
      inputs: [
        { '@type': 'MultichoiceInput', id: 'choice1', choices: [{ display: 'Yes', value: 'option1' }] },
        { '@type': 'TextInput', id: 'text1' },
      ],
      actions: [
        {
          '@type': 'HttpPOST',
          name: 'Send',
          target: 'https://x',
          headers: [{ name: 'X-A', value: '1' }],
          body: '{{choice1.value}}',
        },
      ],
    },
  ],
};

const info = (path: JsonPath) => elementAt(card, path)!;

describe('elementAt', () => {
  it('names the kind of every element of the card by its path', () => {
    const kinds: [JsonPath, string, string | undefined][] = [
      [[], 'card', undefined],
      [['sections', 0], 'section', undefined],
      [['sections', 0, 'heroImage'], 'heroImage', undefined],
      [['sections', 0, 'facts', 1], 'fact', undefined],
      [['sections', 0, 'images', 0], 'image', undefined],
      [['sections', 0, 'potentialAction', 0], 'action', 'OpenUri'],
      [['sections', 0, 'potentialAction', 0, 'targets', 0], 'target', undefined],
      [['potentialAction', 1], 'action', 'ActionCard'],
      [['potentialAction', 1, 'inputs', 0], 'input', 'MultichoiceInput'],
      [['potentialAction', 1, 'inputs', 0, 'choices', 0], 'choice', undefined],
      [['potentialAction', 1, 'actions', 0], 'action', 'HttpPOST'],
      [['potentialAction', 1, 'actions', 0, 'headers', 0], 'header', undefined],
    ];
    for (const [path, kind, type] of kinds)
      expect(elementAt(card, path), JSON.stringify(path)).toMatchObject({ kind, type });
  });

  it('marks an action inside an ActionCard as nested, and card actions as not', () => {
    expect(info(['potentialAction', 1, 'actions', 0]).nested).toBe(true);
    expect(info(['potentialAction', 0]).nested).toBe(false);
  });

  it('gives undefined for fields, missing elements and miscased lists', () => {
    expect(elementAt(card, ['summary'])).toBeUndefined();
    expect(elementAt(card, ['sections', 9])).toBeUndefined();
    expect(elementAt({ Sections: [{}] }, ['Sections', 0])).toBeUndefined();
  });

  it('falls back to the nearest existing element', () => {
    expect(nearestElement(card, ['sections', 1, 'facts', 5]).path).toEqual(['sections', 1]);
    expect(nearestElement(card, ['nothing']).path).toEqual([]);
  });
});

describe('child lists', () => {
  it('lets an ActionCard hold inputs and only OpenUri and HttpPOST actions', () => {
    const lists = childLists(info(['potentialAction', 1]));
    expect(lists.map((l) => l.key)).toEqual(['inputs', 'actions']);
    expect(lists[1]!.types).toEqual(['OpenUri', 'HttpPOST']);
  });

  it('offers every action type at card and section level', () => {
    expect(childLists(info([])).find((l) => l.key === 'potentialAction')!.types).toContain('ActionCard');
    expect(childLists(info(['sections', 0])).find((l) => l.key === 'potentialAction')!.types).toContain('ActionCard');
  });

  it('gives an ActionCard nested in an ActionCard nothing to hold, so nothing can be added under it', () => {
    const nested: ElementInfo = {
      path: ['potentialAction', 1, 'actions', 0],
      kind: 'action',
      type: 'ActionCard',
      nested: true,
    };
    expect(childLists(nested)).toEqual([]);
  });

  it('does not accept an ActionCard into an ActionCard', () => {
    const owner = info(['potentialAction', 1]);
    expect(acceptsMember(owner, 'actions', info(['potentialAction', 1]))).toBe(false);
    expect(acceptsMember(owner, 'actions', info(['potentialAction', 0]))).toBe(true);
  });
});

describe('new elements', () => {
  it('pass the rules for Teams in every list they can be added to', () => {
    let text = BLANK_CARD_TEXT;
    const add = (owner: JsonPath, key: string, kind: Parameters<typeof newElement>[2], type?: string) => {
      const value = newElement(JSON.parse(text), owner, kind, type);
      if (kind === 'heroImage') text = setAt(text, [...owner, key], value).text;
      else {
        const list = (JSON.parse(text) as Record<string, unknown>)[key];
        const at = owner.length === 0 && Array.isArray(list) ? list.length : 0;
        text = insertAt(text, [...owner, key, at], value).text;
      }
    };
    add([], 'sections', 'section');
    add(['sections', 0], 'heroImage', 'heroImage');
    add(['sections', 0], 'facts', 'fact');
    add(['sections', 0], 'images', 'image');
    add(['sections', 0], 'potentialAction', 'action', 'OpenUri');
    add([], 'potentialAction', 'action', 'ActionCard');
    add(['potentialAction', 0], 'inputs', 'input', 'TextInput');
    text = insertAt(
      text,
      ['potentialAction', 0, 'inputs', 1],
      newElement(JSON.parse(text), ['potentialAction', 0], 'input', 'DateInput'),
    ).text;
    text = insertAt(
      text,
      ['potentialAction', 0, 'inputs', 2],
      newElement(JSON.parse(text), ['potentialAction', 0], 'input', 'MultichoiceInput'),
    ).text;
    text = insertAt(
      text,
      ['potentialAction', 0, 'inputs', 2, 'choices', 1],
      newElement(JSON.parse(text), ['potentialAction', 0, 'inputs', 2], 'choice'),
    ).text;
    text = insertAt(
      text,
      ['potentialAction', 0, 'actions', 1],
      newElement(JSON.parse(text), ['potentialAction', 0], 'action', 'OpenUri'),
    ).text;
    text = insertAt(
      text,
      ['potentialAction', 0, 'actions', 1, 'targets', 1],
      newElement(JSON.parse(text), ['potentialAction', 0, 'actions', 1], 'target'),
    ).text;
    add(['potentialAction', 0, 'actions', 0], 'headers', 'header');
    text = insertAt(text, ['potentialAction', 1], newElement(JSON.parse(text), [], 'action', 'HttpPOST')).text;
    text = insertAt(text, ['potentialAction', 2], newElement(JSON.parse(text), [], 'action', 'ViewAction')).text;

    const value = JSON.parse(text);
    // A hero image is a field Teams ignores: a warning by reference §11 (issue 13), expected here.
    const errors = lintCard(value).filter((i) => i.severity !== 'hint' && i.rule !== 'ignored-field');
    expect(errors).toEqual([]);
    const inputs = value.potentialAction[0].inputs.map((i: { id: string }) => i.id);
    expect(new Set(inputs).size).toBe(3);
    expect(value.potentialAction[0].inputs[2].choices.map((c: { value: string }) => c.value)).toEqual([
      'option1',
      'option2',
    ]);
    expect(value.potentialAction[0].actions[1].targets.map((t: { os: string }) => t.os)).toEqual(['default', 'iOS']);
  });

  it('starts a new card from a blank card that passes every rule for Teams', () => {
    expect(lintCard(JSON.parse(BLANK_CARD_TEXT), { host: 'teams' })).toEqual([]);
  });

  it('gives a duplicated input a fresh id and a duplicated choice a fresh value', () => {
    const input = duplicateOf(card, info(['potentialAction', 1, 'inputs', 1])) as { id: string };
    expect(input.id).toBe('text2');
    const choice = duplicateOf(card, info(['potentialAction', 1, 'inputs', 0, 'choices', 0])) as { value: string };
    expect(choice.value).toBe('option2');
  });

  it('keeps unknown fields in a duplicate', () => {
    const withExtra = { sections: [{ facts: [{ name: 'a', value: 'b', extra: { deep: 1 } }] }] };
    expect(duplicateOf(withExtra, elementAt(withExtra, ['sections', 0, 'facts', 0])!)).toEqual({
      name: 'a',
      value: 'b',
      extra: { deep: 1 },
    });
  });

  it('finds the ActionCard whose inputs an HttpPOST body can read', () => {
    expect(enclosingActionCard(['potentialAction', 1, 'actions', 0])).toEqual(['potentialAction', 1]);
    expect(enclosingActionCard(['potentialAction', 0])).toBeUndefined();
  });
});

describe('the outline', () => {
  it('lists every element of the welcome card with its path, in reading order', () => {
    const rows = flattenOutline(buildOutline(welcome)).map((r) => `${'  '.repeat(r.depth)}${r.node.label}`);
    expect(rows.slice(0, 8)).toEqual([
      'Card: Release 2.4 is ready for review',
      '  Section 1: Dana Whitfield',
      '    Fact: Version',
      '    Fact: Pipeline',
      '    Fact: Changes',
      '    Fact: Sign-off due',
      '  Section 2: What changed',
      '  ActionCard: Comment',
    ]);
    expect(rows).toContain('      Choice: Hold the release');
    expect(rows).toContain('    HttpPOST: Set date');
    expect(rows.at(-1)).toBe('    Target: default https://releases.example.com/2.4');
  });

  it('keeps members that are not objects, so they can be found and deleted', () => {
    const rows = flattenOutline(buildOutline({ sections: [null, 3] }));
    expect(rows.map((r) => r.node.label)).toEqual(['Card', 'Section 1: (null)', 'Section 2: (not an object)']);
  });

  it('gives each member its list and index', () => {
    const fact = flattenOutline(buildOutline(card)).find((r) => r.node.label === 'Fact: Two')!.node;
    expect(fact.list).toEqual({ path: ['sections', 0, 'facts'], index: 1, length: 2 });
  });
});

describe('moves', () => {
  it('moves a member one step within its list', () => {
    expect(stepMove(card, ['sections', 0, 'facts', 0], 1)).toEqual({
      from: ['sections', 0, 'facts', 0],
      to: ['sections', 0, 'facts', 1],
    });
  });

  it('moves a fact past the end of its list into the neighbouring section', () => {
    expect(stepMove(card, ['sections', 0, 'facts', 1], 1)).toEqual({
      from: ['sections', 0, 'facts', 1],
      to: ['sections', 1, 'facts', 0],
    });
    expect(stepMove(card, ['sections', 1, 'facts', 0], -1)?.to).toEqual(['sections', 0, 'facts', 2]);
    // Section 3 has no facts yet: the list is created.
    expect(stepMove(card, ['sections', 1, 'facts', 0], 1)?.to).toEqual(['sections', 2, 'facts', 0]);
  });

  it('has nowhere to move the first card action up, nor the card', () => {
    expect(stepMove(card, ['potentialAction', 0], -1)).toBeUndefined();
    expect(stepMove(card, [], 1)).toBeUndefined();
  });

  it('drops a fact onto a fact of another section at its place, and onto a section at its end', () => {
    expect(dropMove(card, ['sections', 0, 'facts', 0], ['sections', 1, 'facts', 0])?.to).toEqual([
      'sections',
      1,
      'facts',
      0,
    ]);
    expect(dropMove(card, ['sections', 0, 'facts', 0], ['sections', 1])?.to).toEqual(['sections', 1, 'facts', 1]);
    expect(dropMove(card, ['sections', 0, 'facts', 0], ['sections', 0])?.to).toEqual(['sections', 0, 'facts', 1]);
  });

  it('refuses drops that the card grammar does not allow', () => {
    expect(dropMove(card, ['sections', 0, 'facts', 0], ['sections', 0, 'images', 0])).toBeUndefined();
    expect(dropMove(card, ['potentialAction', 1], ['potentialAction', 1, 'actions', 0])).toBeUndefined();
    expect(dropMove(card, ['sections', 0], ['sections', 0, 'facts', 0])).toBeUndefined();
  });

  it('reorders when an action is dropped on a sibling action, even an ActionCard', () => {
    expect(dropMove(card, ['potentialAction', 0], ['potentialAction', 1])?.to).toEqual(['potentialAction', 1]);
  });

  it('drops a card action into a later ActionCard, counting the place it left', () => {
    const move = dropMove(card, ['potentialAction', 0], ['potentialAction', 1, 'actions', 0])!;
    expect(move).toEqual({
      from: ['potentialAction', 0],
      to: ['potentialAction', 0, 'actions', 0],
      insertAt: ['potentialAction', 1, 'actions', 0],
    });
    const text = JSON.stringify(card, null, 2);
    const inserted = insertAt(text, move.insertAt!, card.potentialAction[0]).text;
    const moved = JSON.parse(removeAt(inserted, move.from).text);
    expect(moved.potentialAction).toHaveLength(1);
    expect(moved.potentialAction[0].actions.map((a: { name: string }) => a.name)).toEqual(['Open', 'Send']);
  });
});

import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../card/analyze.ts';
import { CardView } from './CardView.tsx';

// Fluent's components are slow under happy-dom (each inserts its styles into a simulated CSSOM): plain
// stand-ins keep thousands of cards affordable. What this test proves is that the preview's own code
// never throws on any card; the real components and the sanitizer run in Chromium in e2e/preview*.spec.ts.
vi.mock('@fluentui/react-components', () => {
  const plain = (tag: string) =>
    function Stand({ children }: { children?: ReactNode }) {
      const Tag = tag as 'div';
      return <Tag>{children}</Tag>;
    };
  const stands = Object.fromEntries(
    [
      'Button',
      'Checkbox',
      'Dropdown',
      'Field',
      'Input',
      'Option',
      'Radio',
      'RadioGroup',
      'Select',
      'Textarea',
      'Dialog',
      'DialogActions',
      'DialogBody',
      'DialogContent',
      'DialogSurface',
      'DialogTitle',
    ].map((name) => [name, plain(name === 'Button' ? 'button' : 'div')]),
  );
  return { ...stands, useRestoreFocusTarget: () => ({}) };
});

const noop = () => {};

// ------------------------------------------------------------------------------------------------
// Robustness: random and mutated cards go through parse, rules and render without an exception
// (fast-check: a failure is shrunk to a small card and reported with its seed).

const STRINGS = [
  '',
  'text',
  '**bold** _it_ ~~s~~ `c`',
  '# h\n\n- a\r- b',
  '<script>throw 1</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'https://example.com/a.png',
  'data:image/png;base64,iVBORw0KGgo=',
  '{{id.value}}',
  'avatar',
  'article',
  'expanded',
  'compact',
  'true',
  'false',
  '6264A7',
  '\u0000\u202e',
  'x'.repeat(300),
];
const TYPES = ['MessageCard', 'OpenUri', 'HttpPOST', 'ActionCard', 'ViewAction', 'InvokeAddInCommand', 'TextInput'];
const INPUT_TYPES = ['TextInput', 'DateInput', 'MultichoiceInput', 'Nope'];

/** A text field: mostly the hostile and meaningful strings above, sometimes any code points at all. */
const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Any JSON value, for fields that get the wrong type. */
const anyValue = fc.oneof(text, fc.jsonValue({ maxDepth: 2 }));

/** Mostly a few, sometimes past Teams' limits (ten sections, five images or actions per section). */
function list<T>(item: fc.Arbitrary<T>, small: number, large: number): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(item, { maxLength: small }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: small, maxLength: large }) },
  );
}

const input = fc.record({
  '@type': fc.constantFrom(...INPUT_TYPES),
  id: fc.constantFrom('id', 'a', ''),
  title: text,
  value: text,
  isRequired: fc.constantFrom(true, 'true', false, 1),
  isMultiline: fc.constantFrom(true, 'false', undefined),
  maxLength: fc.constantFrom(5, -1, '10', undefined),
  includeTime: fc.constantFrom(true, 'yes'),
  isMultiSelect: fc.constantFrom(true, false, 'true', undefined),
  style: fc.constantFrom('expanded', 'compact', 'normal', true, undefined),
  choices: fc.tuple(fc.record({ display: text, value: text }), text, fc.constant(null)),
});

const action = fc.record({
  '@type': fc.constantFrom(...TYPES),
  name: text,
  targets: fc.tuple(fc.record({ os: fc.constantFrom('default', 'iOS', ''), uri: text }), text),
  target: fc.oneof(text, fc.tuple(text, text), fc.constant(5)),
  body: text,
  headers: fc.tuple(fc.record({ name: text, value: text }), fc.constant(null)),
  bodyContentType: fc.oneof(fc.constantFrom('application/json', 'application/x-www-form-urlencoded'), text),
  inputs: list(input, 3, 4),
  actions: list(fc.record({ '@type': fc.constantFrom(...TYPES), name: text, target: text }), 2, 3),
});

const image = fc.oneof(fc.record({ image: text, title: text }), text);

const section = fc.record({
  title: text,
  activityTitle: text,
  activitySubtitle: text,
  activityText: text,
  activityImage: text,
  activityImageType: text,
  heroImage: fc.oneof(fc.record({ image: text, title: text }), text, fc.constant(null)),
  text,
  markdown: fc.constantFrom(true, false, 'false', undefined),
  facts: list(fc.oneof(fc.record({ name: text, value: text }), text, fc.constant(null), fc.constant(7)), 3, 6),
  images: list(image, 2, 8),
  potentialAction: list(action, 2, 7),
});

const wellShaped = fc.record({
  '@type': fc.constant('MessageCard'),
  summary: text,
  title: text,
  text,
  themeColor: text,
  sections: list(section, 4, 13),
  potentialAction: list(action, 3, 6),
});

/** One change somewhere in the card: walk a few steps down, then replace or remove what is there. */
const mutation = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 4 }),
  remove: fc.boolean(),
  value: anyValue,
});

function mutate(
  card: Record<string, unknown>,
  changes: readonly { steps: number[]; remove: boolean; value: unknown }[],
) {
  for (const change of changes) {
    let node: Record<string, unknown> = card;
    for (const [depth, step] of change.steps.entries()) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[step % keys.length]!;
      const child = node[key];
      const last = depth === change.steps.length - 1;
      if (last || typeof child !== 'object' || child === null) {
        if (change.remove) delete node[key];
        else node[key] = change.value;
        break;
      }
      node = child as Record<string, unknown>;
    }
  }
  return card;
}

/** A card of the right shape, then mutated: fields replaced by values of any type, or removed. */
const mutatedCard = fc
  .tuple(wellShaped, fc.array(mutation, { maxLength: 5 }))
  .map(([card, changes]) => mutate(structuredClone(card) as Record<string, unknown>, changes));

const ROUNDS = Number(process.env.ROUNDS ?? 2000);

/**
 * The ActionCard panel is loaded on first use. Server rendering cannot wait for it, so one mount in the
 * DOM (Outlook opens a lone ActionCard) loads it first; from then on every render draws it at once.
 */
async function loadLazyParts() {
  const card = {
    '@type': 'MessageCard',
    summary: 's',
    potentialAction: [{ '@type': 'ActionCard', name: 'Comment', inputs: [], actions: [] }],
  };
  const view = render(<CardView card={card} renderer="outlook" newTeams={false} primary onSelect={noop} />);
  await screen.findByRole('group', { name: 'Comment panel' });
  view.unmount();
}

describe('robustness', () => {
  it('sends 2,000 random and mutated cards through parse, rules and render in every renderer without an exception', async () => {
    await loadLazyParts();
    let runs = 0;
    let panels = 0;
    const spy = vi.spyOn(console, 'error');
    fc.assert(
      fc.property(
        mutatedCard,
        fc.constantFrom('teams', 'outlook', 'workflows'),
        fc.boolean(),
        (card, renderer, newTeams) => {
          const analysis = analyze(JSON.stringify(card));
          expect(analysis.parsed.ok).toBe(true);
          const value = analysis.card!;
          // Server rendering has no error boundaries: any exception in any section fails the property.
          const html = renderToString(
            <CardView card={value} renderer={renderer} newTeams={newTeams} primary onSelect={noop} />,
          );
          expect(html).toContain('mc-card');
          // No part was left out waiting for its code (the fallback of a lazy part is marked busy).
          expect(html).not.toContain('aria-busy');
          if (html.includes('mc-action-panel')) panels++;
          // Every 25th card is also mounted in the DOM, with effects and the error boundaries.
          if (runs++ % 25 === 0) {
            const view = render(
              <CardView card={value} renderer={renderer} newTeams={newTeams} primary onSelect={noop} />,
            );
            expect(view.queryByText(/could not be drawn/)).toBeNull();
            view.unmount();
          }
        },
      ),
      { numRuns: ROUNDS, seed: Number(process.env.SEED ?? 20261129) },
    );
    expect(runs).toBe(ROUNDS);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    // Lone ActionCards in Outlook drew their panels, inputs included.
    expect(panels).toBeGreaterThan(0);
  }, 600_000);
});

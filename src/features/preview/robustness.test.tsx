import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
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
// Robustness: random and mutated cards go through parse, rules and render without an exception.

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function randomValue(r: () => number, depth: number): unknown {
  const k = Math.floor(r() * 9);
  if (depth <= 0 || k < 3) return STRINGS[Math.floor(r() * STRINGS.length)];
  if (k === 3) return Math.floor(r() * 2000) - 1000;
  if (k === 4) return r() < 0.5;
  if (k === 5) return null;
  if (k === 6) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth - 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(r() * 4) }, () => [STRINGS[Math.floor(r() * 6)]!, randomValue(r, depth - 1)]),
  );
}

/** Mostly small counts, sometimes past Teams' limits (ten sections, five images or actions). */
function count(r: () => number, small: number, large: number): number {
  return Math.floor(r() * (r() < 0.15 ? large : small));
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** A card of the right shape, then mutated: fields replaced by values of any type, removed or duplicated. */
function randomCard(r: () => number): unknown {
  const s = () => pick(r, STRINGS);
  const input = () => ({
    '@type': pick(r, INPUT_TYPES),
    id: pick(r, ['id', 'a', '']),
    title: s(),
    value: s(),
    isRequired: pick(r, [true, 'true', false, 1]),
    isMultiline: pick(r, [true, 'false', undefined]),
    maxLength: pick(r, [5, -1, '10', undefined]),
    includeTime: pick(r, [true, 'yes']),
    isMultiSelect: pick(r, [true, false, 'true', undefined]),
    style: pick(r, ['expanded', 'compact', 'normal', true, undefined]),
    choices: [{ display: s(), value: s() }, s(), null],
  });
  const action = (): unknown => ({
    '@type': pick(r, TYPES),
    name: s(),
    targets: [{ os: pick(r, ['default', 'iOS', '']), uri: s() }, s()],
    target: pick(r, [s(), [s(), s()], 5]),
    body: s(),
    headers: [{ name: s(), value: s() }, null],
    bodyContentType: pick(r, ['application/json', 'application/x-www-form-urlencoded', s()]),
    inputs: Array.from({ length: count(r, 3, 4) }, input),
    actions: Array.from({ length: count(r, 2, 3) }, () => ({ '@type': pick(r, TYPES), name: s(), target: s() })),
  });
  const section = () => ({
    title: s(),
    activityTitle: s(),
    activitySubtitle: s(),
    activityText: s(),
    activityImage: s(),
    activityImageType: s(),
    heroImage: pick(r, [{ image: s(), title: s() }, s(), null]),
    text: s(),
    markdown: pick(r, [true, false, 'false', undefined]),
    facts: Array.from({ length: count(r, 3, 6) }, () => pick(r, [{ name: s(), value: s() }, s(), null, 7])),
    images: Array.from({ length: count(r, 2, 8) }, () => pick(r, [{ image: s(), title: s() }, s()])),
    potentialAction: Array.from({ length: count(r, 2, 7) }, action),
  });
  const card: Record<string, unknown> = {
    '@type': 'MessageCard',
    summary: s(),
    title: s(),
    text: s(),
    themeColor: s(),
    sections: Array.from({ length: count(r, 4, 13) }, section),
    potentialAction: Array.from({ length: count(r, 3, 6) }, action),
  };
  // Mutations: walk a few random paths and replace, remove or retype what is there.
  for (let m = Math.floor(r() * 6); m > 0; m--) {
    let node: unknown = card;
    for (let depth = 0; depth < 4; depth++) {
      if (typeof node !== 'object' || node === null) break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = pick(r, keys);
      const child = (node as Record<string, unknown>)[key];
      if (r() < 0.35 || typeof child !== 'object' || child === null) {
        if (r() < 0.3) delete (node as Record<string, unknown>)[key];
        else (node as Record<string, unknown>)[key] = randomValue(r, 2);
        break;
      }
      node = child;
    }
  }
  return card;
}

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
    const r = rng(20261129);
    let panels = 0;
    const spy = vi.spyOn(console, 'error');
    for (let i = 0; i < ROUNDS; i++) {
      const text = JSON.stringify(randomCard(r));
      const analysis = analyze(text);
      expect(analysis.parsed.ok).toBe(true);
      const card = analysis.card!;
      // Server rendering has no error boundaries: any exception in any section fails the test.
      const html = renderToString(
        <CardView card={card} renderer={i % 2 ? 'outlook' : 'teams'} newTeams={i % 3 === 0} primary onSelect={noop} />,
      );
      expect(html).toContain('mc-card');
      // No part was left out waiting for its code (the fallback of a lazy part is marked busy).
      expect(html).not.toContain('aria-busy');
      if (html.includes('mc-action-panel')) panels++;
      // Every 25th card is also mounted in the DOM, with effects and the error boundaries.
      if (i % 25 === 0) {
        const view = render(
          <CardView
            card={card}
            renderer={i % 2 ? 'outlook' : 'teams'}
            newTeams={i % 3 === 0}
            primary
            onSelect={noop}
          />,
        );
        expect(view.queryByText(/could not be drawn/)).toBeNull();
        view.unmount();
      }
    }
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    // Lone ActionCards in Outlook drew their panels, inputs included.
    expect(panels).toBeGreaterThan(0);
  }, 600_000);
});

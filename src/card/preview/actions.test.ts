import { describe, expect, it } from 'vitest';
import {
  defaultTarget,
  initialValues,
  missingRequired,
  multichoiceLayout,
  readAction,
  readInput,
  resolveBody,
  resolveRequest,
} from './actions.ts';

describe('multichoiceLayout', () => {
  it.each([
    [undefined, undefined, 'dropdown'],
    [false, undefined, 'dropdown'],
    ['false', undefined, 'dropdown'],
    [true, undefined, 'checkbox'],
    ['true', undefined, 'checkbox'],
    [false, 'expanded', 'radio'],
    [true, 'compact', 'multi-dropdown'],
    [true, 'normal', 'multi-dropdown'],
    [undefined, 'Expanded', 'radio'],
    // The Teams page's recipe for a compact multi-select (reference §5).
    [true, true, 'multi-dropdown'],
    [true, 'sideways', 'checkbox'],
  ])('draws isMultiSelect %j with style %j as %s in Teams', (multi, style, layout) => {
    expect(multichoiceLayout({ isMultiSelect: multi, style }, 'teams')).toBe(layout);
    expect(multichoiceLayout({ isMultiSelect: multi, style }, 'workflows')).toBe(layout);
  });

  it('draws a multi-select compact in Outlook unless it asks for expanded', () => {
    expect(multichoiceLayout({ isMultiSelect: true }, 'outlook')).toBe('multi-dropdown');
    expect(multichoiceLayout({ isMultiSelect: true, style: 'expanded' }, 'outlook')).toBe('checkbox');
    expect(multichoiceLayout({}, 'outlook')).toBe('dropdown');
  });
});

describe('readAction', () => {
  it('opens the default OpenUri target, or the first when there is no default', () => {
    const withDefault = readAction({
      '@type': 'OpenUri',
      name: 'Open',
      targets: [
        { os: 'iOS', uri: 'https://m.example.com' },
        { os: 'default', uri: 'https://example.com' },
      ],
    });
    expect(withDefault.kind === 'OpenUri' && withDefault.open?.uri).toBe('https://example.com');
    const targets = [{ os: 'android', uri: 'https://a.example.com', safe: 'https://a.example.com/' }];
    expect(defaultTarget(targets)?.os).toBe('android');
  });

  it('refuses to open targets that are not http(s)', () => {
    const action = readAction({ '@type': 'OpenUri', targets: [{ os: 'default', uri: 'javascript:alert(1)' }] });
    expect(action.kind === 'OpenUri' && action.open?.safe).toBeUndefined();
  });

  it('reads a ViewAction by its first target only', () => {
    const action = readAction({ '@type': 'ViewAction', name: 'View', target: ['https://one.example', 'https://two'] });
    expect(action.kind === 'ViewAction' && action.open?.uri).toBe('https://one.example');
  });

  it('never throws on odd values and names unknown types', () => {
    for (const value of [null, 3, 'x', [], { '@type': 7 }, { '@type': 'Transaction' }]) {
      expect(() => readAction(value)).not.toThrow();
    }
    expect(readAction({ '@type': 'Transaction' })).toEqual({ kind: 'unknown', name: '', type: 'Transaction' });
  });

  it('reads an ActionCard with its inputs and inner actions', () => {
    const action = readAction({
      '@type': 'ActionCard',
      name: 'Comment',
      inputs: [{ '@type': 'TextInput', id: 'c', isMultiline: 'true', maxLength: 20, isRequired: true }],
      actions: [{ '@type': 'HttpPOST', name: 'Save', target: 'https://x.example', body: '{{c.value}}' }],
    });
    expect(action.kind).toBe('ActionCard');
    if (action.kind !== 'ActionCard') return;
    expect(action.inputs[0]).toMatchObject({ kind: 'TextInput', multiline: true, maxLength: 20, required: true });
    expect(action.actions[0]).toMatchObject({ kind: 'HttpPOST', bodyContentType: 'application/json' });
  });
});

describe('resolveBody', () => {
  it('replaces every placeholder with the typed value, escaped for a JSON body', () => {
    expect(resolveBody('{"a":"{{x.value}}","b":"{{x.value}}"}', { x: 'say "hi"\n' }, 'application/json')).toBe(
      '{"a":"say \\"hi\\"\\n","b":"say \\"hi\\"\\n"}',
    );
  });

  it('URL-encodes values in a form body', () => {
    expect(resolveBody('q={{x.value}}', { x: 'a b&c' }, 'application/x-www-form-urlencoded')).toBe('q=a%20b%26c');
  });

  it('leaves placeholders of unknown inputs as written', () => {
    expect(resolveBody('{{nope.value}}', {}, 'application/json')).toBe('{{nope.value}}');
  });
});

describe('resolveRequest', () => {
  const post = readAction({
    '@type': 'HttpPOST',
    target: 'https://api.example.com/x',
    headers: [{ name: 'X-Key', value: 'k' }],
    body: '{"v":"{{v.value}}","w":"{{w.value}}"}',
  });

  it('lists the card headers, then what Microsoft adds, and the substituted body', () => {
    if (post.kind !== 'HttpPOST') throw new Error('not an HttpPOST');
    const request = resolveRequest(post, { v: 'yes' });
    expect(request.method).toBe('POST');
    expect(request.targetOk).toBe(true);
    expect(request.headers.map((h) => h.name)).toEqual([
      'X-Key',
      'Content-Type',
      'Authorization',
      'Card-Correlation-Id',
      'Action-Request-Id',
    ]);
    expect(request.body).toBe('{"v":"yes","w":"{{w.value}}"}');
    expect(request.unknownPlaceholders).toEqual(['w']);
  });

  it('leaves out the Authorization header when the card sets its own', () => {
    const own = readAction({
      '@type': 'HttpPOST',
      target: 'http://x',
      headers: [{ name: 'authorization', value: '' }],
    });
    if (own.kind !== 'HttpPOST') throw new Error('not an HttpPOST');
    const request = resolveRequest(own, {});
    expect(request.headers.filter((h) => h.name.toLowerCase() === 'authorization')).toHaveLength(1);
    expect(request.targetOk).toBe(false);
  });
});

describe('required inputs', () => {
  it('reports required inputs left empty or blank, by position', () => {
    const inputs = [
      readInput({ '@type': 'TextInput', id: 'a', isRequired: true }),
      readInput({ '@type': 'DateInput', id: 'b', isRequired: 'true', value: '2024-01-01' }),
      readInput({ '@type': 'TextInput', isRequired: true }),
    ];
    const values = initialValues(inputs);
    expect(missingRequired(inputs, values)).toEqual([0, 2]);
    expect(missingRequired(inputs, { ...values, a: '  ', '#2': 'x' })).toEqual([0]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ElementInfo } from './elements.ts';
import { fieldsOf, knownKeys, normaliseHexColor, placeholderFor } from './formFields.ts';
import { childLists, type ElementKind, type SchemaKind } from './grammar.ts';
import { elementSchema } from './schema.ts';
import { ACTION_TYPES, INPUT_TYPES } from './types.ts';

const el = (kind: ElementKind, type?: string, nested = false): ElementInfo => ({ path: [], kind, type, nested });

/** Every element of the reference, with the schema definitions that describe its fields. */
const ELEMENTS: [ElementInfo, SchemaKind[]][] = [
  [el('card'), ['card']],
  [el('section'), ['section']],
  [el('fact'), ['fact']],
  [el('image'), ['image']],
  [el('heroImage'), ['image']],
  [el('target'), ['openUriTarget']],
  [el('header'), ['httpHeader']],
  [el('choice'), ['choice']],
  ...ACTION_TYPES.map((t): [ElementInfo, SchemaKind[]] => [el('action', t), ['action', t]]),
  ...INPUT_TYPES.map((t): [ElementInfo, SchemaKind[]] => [el('input', t), ['input', t]]),
];

describe('form fields', () => {
  it.each(ELEMENTS)('cover every field of the reference for %o (lists through the outline)', (info, kinds) => {
    const names = new Set(fieldsOf(info).map((f) => f.name));
    const lists = new Set(childLists(info).map((l) => l.key));
    for (const kind of kinds) {
      for (const name of Object.keys(elementSchema(kind).properties ?? {})) {
        expect(names.has(name) || lists.has(name), `${kind}.${name}`).toBe(true);
      }
    }
  });

  it('give every field a hint from the schema', () => {
    for (const [info] of ELEMENTS) {
      for (const field of fieldsOf(info)) expect(field.hint, `${info.kind} ${info.type} ${field.name}`).not.toBe('');
    }
  });

  it('use the fitting control for the fields the issue names', () => {
    const control = (info: ElementInfo, name: string) => fieldsOf(info).find((f) => f.name === name)?.control;
    expect(control(el('card'), 'themeColor')).toBe('color');
    expect(control(el('card'), 'text')).toBe('textarea');
    expect(control(el('section'), 'activityImage')).toBe('image');
    expect(control(el('section'), 'activityImageType')).toBe('enum');
    expect(control(el('section'), 'markdown')).toBe('boolean');
    expect(control(el('target'), 'os')).toBe('enum');
    expect(control(el('action', 'HttpPOST'), 'body')).toBe('body');
    expect(control(el('action', 'HttpPOST'), 'bodyContentType')).toBe('enum');
    expect(control(el('input', 'MultichoiceInput'), 'style')).toBe('enum');
    expect(control(el('input', 'MultichoiceInput'), 'value')).toBe('choiceDefault');
    expect(control(el('input', 'TextInput'), 'value')).toBe('text');
    expect(control(el('image'), 'image')).toBe('image');
  });

  it('offer only OpenUri and HttpPOST as the type of an action inside an ActionCard', () => {
    const type = fieldsOf(el('action', 'HttpPOST', true)).find((f) => f.name === '@type')!;
    expect(type.options).toEqual(['OpenUri', 'HttpPOST']);
    expect(fieldsOf(el('action', 'HttpPOST')).find((f) => f.name === '@type')!.options).toContain('ActionCard');
  });

  it('know the list fields too, so only truly unknown fields are listed apart', () => {
    expect(knownKeys(el('section')).has('facts')).toBe(true);
    expect(knownKeys(el('action', 'HttpPOST')).has('isPrimary')).toBe(false);
  });
});

describe('field helpers', () => {
  it('read theme colours with or without # and in short form', () => {
    expect(normaliseHexColor('#d13438')).toBe('D13438');
    expect(normaliseHexColor('0076D7')).toBe('0076D7');
    expect(normaliseHexColor('abc')).toBe('AABBCC');
    expect(normaliseHexColor('red')).toBeUndefined();
  });

  it('write the placeholder an HttpPOST body reads an input with', () => {
    expect(placeholderFor('comment')).toBe('{{comment.value}}');
  });
});

import { describe, expect, it } from 'vitest';
import { asArray, asBoolean, asObject, asString, getAt } from './read.ts';

describe('asObject', () => {
  it('accepts plain objects only', () => {
    expect(asObject({ a: 1 })).toEqual({ a: 1 });
    expect(asObject([])).toBeUndefined();
    expect(asObject(null)).toBeUndefined();
    expect(asObject('x')).toBeUndefined();
  });
});

describe('asArray', () => {
  it('accepts arrays only, not a lone object', () => {
    expect(asArray([1])).toEqual([1]);
    expect(asArray({ 0: 1 })).toBeUndefined();
    expect(asArray(undefined)).toBeUndefined();
  });
});

describe('asString', () => {
  it('shows numbers and booleans the way Teams prints them', () => {
    expect(asString('text')).toBe('text');
    expect(asString('')).toBe('');
    expect(asString(42)).toBe('42');
    expect(asString(1.5)).toBe('1.5');
    expect(asString(true)).toBe('true');
  });

  it('gives nothing for null, undefined, objects and arrays', () => {
    expect(asString(null)).toBeUndefined();
    expect(asString(undefined)).toBeUndefined();
    expect(asString({})).toBeUndefined();
    expect(asString(['a'])).toBeUndefined();
  });
});

describe('asBoolean', () => {
  it('accepts booleans and the strings Teams tolerates', () => {
    expect(asBoolean(true)).toBe(true);
    expect(asBoolean('false')).toBe(false);
    expect(asBoolean(' True ')).toBe(true);
  });

  it('gives nothing for anything else, so the default applies', () => {
    expect(asBoolean('yes')).toBeUndefined();
    expect(asBoolean(1)).toBeUndefined();
    expect(asBoolean(null)).toBeUndefined();
  });
});

describe('getAt', () => {
  const card = { sections: [{ facts: [{ name: 'A' }] }], summary: 's' };

  it('follows properties and indices', () => {
    expect(getAt(card, ['sections', 0, 'facts', 0, 'name'])).toBe('A');
    expect(getAt(card, [])).toBe(card);
  });

  it('gives undefined for missing steps and steps of the wrong kind', () => {
    expect(getAt(card, ['sections', 3])).toBeUndefined();
    expect(getAt(card, ['sections', 'length'])).toBeUndefined();
    expect(getAt(card, ['summary', 0])).toBeUndefined();
    expect(getAt(card, ['summary', 'length'])).toBeUndefined();
    expect(getAt(null, ['a'])).toBeUndefined();
  });

  it('never reaches inherited properties', () => {
    expect(getAt(card, ['constructor'])).toBeUndefined();
    expect(getAt(card, ['__proto__'])).toBeUndefined();
  });
});

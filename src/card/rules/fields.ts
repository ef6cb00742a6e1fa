/**
 * Field-level rules shared by every element: unknown fields (with "did you mean"), field names in
 * the wrong case, and the kind of each value (null, strings for booleans, numbers for text, lists
 * where a scalar belongs...). The known fields of each element are read from the JSON Schema, so
 * the schema and the rules cannot disagree about which fields exist.
 */
import { SCHEMA_KINDS, SCHEMA_PHRASES, type SchemaKind } from '../grammar.ts';
import { elementSchema, FIELD_KINDS, STRING_BOOLEAN_PATTERN, type FieldKind } from '../schema.ts';
import { ACTION_TYPES, INPUT_TYPES, type JsonPath } from '../types.ts';
import type { LintContext } from './context.ts';
import { asBoolean, describe, isRecord, quote } from './read.ts';

/** The fields an element may have, with their kinds; merged over several element kinds. */
export interface FieldSet {
  readonly kinds: ReadonlyMap<string, FieldKind>;
  /** Lower-cased name to the proper name, for the wrong-case rule. */
  readonly lower: ReadonlyMap<string, string>;
  /** Fields the schema requires: their absence or null is reported by the element's own rule. */
  readonly required: ReadonlySet<string>;
  readonly own: readonly SchemaKind[];
}

const fieldSetCache = new Map<string, FieldSet>();

/**
 * The fields of an element made of the given kinds (an action is `['action', 'OpenUri']`), read
 * from the schema's `properties`, with the kinds the schema was built from.
 */
export function fieldSet(kinds: readonly SchemaKind[]): FieldSet {
  const key = kinds.join('+');
  const cached = fieldSetCache.get(key);
  if (cached) return cached;
  const fieldKinds = new Map<string, FieldKind>();
  const lower = new Map<string, string>();
  const required = new Set<string>();
  for (const kind of kinds) {
    const schema = elementSchema(kind);
    for (const name of Object.keys(schema.properties ?? {})) {
      const fieldKind = FIELD_KINDS[kind]?.[name] ?? 'any';
      // Merged kinds that disagree (HttpPOST `target` is text, ViewAction `target` a list) are not checked.
      const previous = fieldKinds.get(name);
      fieldKinds.set(name, previous === undefined || previous === fieldKind ? fieldKind : 'any');
      lower.set(name.toLowerCase(), name);
    }
    for (const name of schema.required ?? []) required.add(name);
  }
  const set: FieldSet = { kinds: fieldKinds, lower, required, own: kinds };
  fieldSetCache.set(key, set);
  return set;
}

/** Fields of every action type (used when an action's type is unknown, to avoid noise). */
export const ANY_ACTION_KINDS: readonly SchemaKind[] = ['action', ...ACTION_TYPES];
/** Fields of every input type. */
export const ANY_INPUT_KINDS: readonly SchemaKind[] = ['input', ...INPUT_TYPES];

/** Names people use for a field that edit distance does not find. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['actions', 'potentialAction'],
  ['buttons', 'potentialAction'],
  ['color', 'themeColor'],
  ['colour', 'themeColor'],
  ['themecolour', 'themeColor'],
  ['url', 'uri'],
]);

/**
 * Checks every field of `record`: unknown names, wrong case, and the kind of each known value.
 * `label` names the element in messages ("an HttpPOST action").
 */
export function checkFields(
  ctx: LintContext,
  record: Record<string, unknown>,
  path: JsonPath,
  kinds: readonly SchemaKind[],
  label: string,
): void {
  const set = fieldSet(kinds);
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue; // Not JSON; a caller's object may carry it, meaning absent.
    const kind = set.kinds.get(key);
    if (kind !== undefined) {
      checkValue(ctx, value, path, key, kind, set.required.has(key));
      continue;
    }
    const fieldPath = [...path, key];
    const proper = set.lower.get(key.toLowerCase());
    if (proper !== undefined) {
      reportWrongCase(ctx, record, key, proper, fieldPath, label);
      continue;
    }
    reportUnknown(ctx, record, key, fieldPath, set, label);
  }
}

function reportWrongCase(
  ctx: LintContext,
  record: Record<string, unknown>,
  key: string,
  proper: string,
  path: JsonPath,
  label: string,
): void {
  if (ctx.isFull('field-wrong-case')) {
    ctx.report('field-wrong-case', path, '', { target: 'key' }); // counted for the summary only
    return;
  }
  const lost = lostContent(proper, record[key]);
  const clash = Object.prototype.hasOwnProperty.call(record, proper);
  ctx.report(
    'field-wrong-case',
    path,
    `Field names are case-sensitive: Teams does not recognise \`${key}\` on ${label} and drops ${lost}. ` +
      (clash ? `The element also has \`${proper}\`; remove one of them.` : `Did you mean \`${proper}\`?`),
    { target: 'key', fix: clash ? undefined : { title: `Rename to ${proper}`, path, renameTo: proper } },
  );
}

/** What is lost when a field is not recognised, for the wrong-case message. */
function lostContent(field: string, value: unknown): string {
  const plural = (n: number, word: string) => `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;
  if (Array.isArray(value)) {
    const nouns: Record<string, string> = {
      sections: 'section',
      facts: 'fact',
      images: 'image',
      potentialAction: 'action',
      actions: 'action',
      inputs: 'input',
      choices: 'choice',
      targets: 'target',
      headers: 'header',
    };
    const noun = nouns[field];
    if (noun) return `the ${plural(value.length, noun)} it holds`;
  }
  return 'its value';
}

function reportUnknown(
  ctx: LintContext,
  record: Record<string, unknown>,
  key: string,
  path: JsonPath,
  set: FieldSet,
  label: string,
): void {
  if (ctx.isFull('unknown-field')) {
    ctx.report('unknown-field', path, '', { target: 'key' }); // counted for the summary only
    return;
  }
  const suggestion = suggestField(key, set);
  const clash = suggestion !== undefined && Object.prototype.hasOwnProperty.call(record, suggestion);
  const elsewhere = ownerElsewhere(key, set.own);
  if (suggestion !== undefined && (!clash || elsewhere === undefined)) {
    ctx.report(
      'unknown-field',
      path,
      `Unknown field \`${shortKey(key)}\` on ${label}: Teams ignores it. Did you mean \`${suggestion}\`?`,
      { target: 'key', fix: clash ? undefined : { title: `Rename to ${suggestion}`, path, renameTo: suggestion } },
    );
    return;
  }
  if (elsewhere !== undefined) {
    ctx.report(
      'unknown-field',
      path,
      `\`${key}\` is a field of ${SCHEMA_PHRASES[elsewhere]}, not of ${label}: Teams ignores it here.`,
      { target: 'key' },
    );
    return;
  }
  ctx.report(
    'unknown-field',
    path,
    `Unknown field \`${shortKey(key)}\` on ${label}: it is not in the MessageCard reference, so Teams ignores it.`,
    { target: 'key' },
  );
}

function shortKey(key: string): string {
  return key.length > 60 ? `${key.slice(0, 59)}…` : key;
}

/** A known field close to `key`: an alias, or within a small edit distance (case ignored). */
function suggestField(key: string, set: FieldSet): string | undefined {
  const lower = key.toLowerCase();
  const alias = ALIASES.get(lower);
  if (alias !== undefined && set.kinds.has(alias)) return alias;
  if (key.length > 64) return undefined;
  const limit = lower.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of set.kinds.keys()) {
    const distance = boundedEditDistance(lower, name.toLowerCase(), limit);
    if (distance < bestDistance && distance < name.length) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Another element kind that has the field `key` (same family first: actions, inputs). */
function ownerElsewhere(key: string, own: readonly SchemaKind[]): SchemaKind | undefined {
  const family: readonly SchemaKind[] = own.some((k) => ANY_ACTION_KINDS.includes(k))
    ? ACTION_TYPES
    : own.some((k) => ANY_INPUT_KINDS.includes(k))
      ? INPUT_TYPES
      : [];
  for (const kind of [...family, ...SCHEMA_KINDS]) {
    if (own.includes(kind) || kind === 'action' || kind === 'input') continue;
    if (Object.prototype.hasOwnProperty.call(elementSchema(kind).properties ?? {}, key)) return kind;
  }
  return undefined;
}

/**
 * Levenshtein distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`
 * (keeps the unknown-field check cheap on long, hostile keys).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

// The same strings the schema accepts for booleans: one definition of the tolerance.
const BOOLEAN_TEXT = new RegExp(STRING_BOOLEAN_PATTERN);
const DIGITS = /^\s*\d+\s*$/;

/**
 * The kind check of one known field. Tolerated coercions are warnings with a fix (SOURCES.md
 * contract: string booleans, numbers for text, null); lists and objects where a scalar belongs,
 * and the reverse, are errors. Absent or null required fields are left to the element's rule.
 */
export function checkValue(
  ctx: LintContext,
  value: unknown,
  parent: JsonPath,
  name: string,
  kind: FieldKind,
  required: boolean,
): void {
  if (kind === 'type' || kind === 'any') return;
  // The common cases first, without building a path.
  if (typeof value === 'string' && (kind === 'text' || kind === 'url' || kind === 'enum')) return;
  if (typeof value === 'boolean' && kind === 'boolean') return;
  if (Array.isArray(value) ? kind === 'array' : kind === 'object' && isRecord(value)) return;
  const path = [...parent, name];
  if (value === null) {
    if (!required) {
      ctx.report(
        'null-value',
        path,
        `\`${name}\` is null: Teams treats it as if it were absent. Remove it or give it a value.`,
        {
          fix: { title: `Remove ${name}`, path, remove: true },
        },
      );
    }
    return;
  }
  switch (kind) {
    case 'text':
    case 'url':
    case 'enum':
      if (typeof value === 'string') return;
      if (typeof value === 'number' || typeof value === 'boolean') {
        // Enum and link values that are not text are reported by their own rules.
        if (kind === 'enum' || (kind === 'url' && required)) return;
        ctx.report(
          'number-as-string',
          path,
          `\`${name}\` is ${typeof value === 'number' ? `the number ${value}` : `\`${value}\``} where text belongs; Teams converts it to text. Write it as a string.`,
          { fix: { title: `Use "${String(value)}"`, path, value: String(value) } },
        );
        return;
      }
      ctx.report(
        'wrong-type',
        path,
        `\`${name}\` is ${describe(value)}, but Teams expects text here and cannot read the card.`,
      );
      return;
    case 'boolean': {
      if (typeof value === 'boolean') return;
      if (typeof value === 'string' && BOOLEAN_TEXT.test(value)) {
        const parsed = asBoolean(value) ?? false;
        ctx.report(
          'string-boolean',
          path,
          `\`${name}\` is the string ${quote(value)}; Teams reads it as ${parsed}, but the documented form is the plain boolean \`${parsed}\` without quotes.`,
          { fix: { title: `Use ${parsed}`, path, value: parsed } },
        );
        return;
      }
      ctx.report(
        'wrong-type',
        path,
        `\`${name}\` is ${typeof value === 'string' ? quote(value) : describe(value)}: Teams expects true or false and cannot read it.`,
      );
      return;
    }
    case 'number': {
      if (typeof value === 'number') return;
      if (typeof value === 'string' && DIGITS.test(value)) {
        const parsed = Number(value.trim());
        ctx.report(
          'string-number',
          path,
          `\`${name}\` is the string ${quote(value)}; Teams converts it, but the documented form is the number ${parsed}.`,
          {
            fix: { title: `Use ${parsed}`, path, value: parsed },
          },
        );
        return;
      }
      ctx.report(
        'wrong-type',
        path,
        `\`${name}\` is ${typeof value === 'string' ? quote(value) : describe(value)}: Teams expects a number and cannot read it.`,
      );
      return;
    }
    case 'array':
      if (Array.isArray(value)) return;
      ctx.report(
        'wrong-type',
        path,
        `\`${name}\` must be a list ([...]) but is ${describe(value)}: Teams cannot read the card.`,
        { fix: { title: 'Put it in a list', path, value: [value] } },
      );
      return;
    case 'object':
      if (isRecord(value)) return;
      ctx.report(
        'wrong-type',
        path,
        `\`${name}\` must be an object ({...}) but is ${describe(value)}: Teams cannot read the card.`,
      );
      return;
  }
}

/**
 * Visits the elements of a list: `null` elements are tolerated (a warning), scalars and lists are
 * errors, objects go to `visit`.
 */
export function forEachElement(
  ctx: LintContext,
  list: readonly unknown[],
  path: JsonPath,
  noun: string,
  visit: (element: Record<string, unknown>, elementPath: JsonPath, index: number) => void,
): void {
  for (let index = 0; index < list.length; index++) {
    const element = list[index];
    const elementPath = [...path, index];
    if (isRecord(element)) visit(element, elementPath, index);
    else if (element === null) {
      ctx.report('null-value', elementPath, `This ${noun} is null: Teams skips it. Remove it.`, {
        fix: { title: `Remove the ${noun}`, path: elementPath, remove: true },
      });
    } else {
      ctx.report(
        'wrong-type',
        elementPath,
        `This ${noun} is ${describe(element)}, but ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun} must be an object ({...}): Teams cannot read the card.`,
      );
    }
  }
}

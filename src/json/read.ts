/**
 * Typed readers for loose card values.
 *
 * A parsed card is whatever its sender wrote: numbers where strings belong, `"false"` for false,
 * nulls, arrays where objects belong. Preview and forms read fields through these functions and
 * get either a value of the right type, read the way Teams reads it, or undefined.
 */
import type { JsonPath } from './types.ts';

/** The value as a plain JSON object, or undefined for arrays, null and scalars. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value as an array, or undefined for anything else (a lone object is not a list). */
export function asArray(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/**
 * The value as display text. Strings are returned as they are; numbers and booleans become
 * their JSON spelling, since Teams shows a numeric fact value (Grafana sends them) as the
 * number. null, undefined, objects and arrays give undefined: Teams shows nothing for them.
 */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The value as a boolean. Besides real booleans it accepts the strings `"true"` and `"false"`
 * (any letter case, surrounding spaces ignored), which Teams tolerates and real senders use
 * (`"isMultiSelect": "false"` in Microsoft's own sample). Anything else gives undefined, so
 * callers apply the field's default.
 */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === 'true') return true;
    if (word === 'false') return false;
  }
  return undefined;
}

/**
 * The value at `path` inside a parsed card, or undefined when any step is missing or of the
 * wrong kind. Only own properties count, so `['constructor']` never reaches Object's prototype.
 */
export function getAt(value: unknown, path: JsonPath): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (Array.isArray(current)) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0) return undefined;
      current = current[segment];
    } else {
      const obj = asObject(current);
      if (!obj || typeof segment !== 'string' || !Object.hasOwn(obj, segment)) return undefined;
      current = obj[segment];
    }
  }
  return current;
}

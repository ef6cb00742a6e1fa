import type { JsonPath } from './types.ts';

/** Whether two JSON paths name the same place. */
export function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

import type { JsonPath } from './types.ts';

/** Whether two JSON paths name the same place. */
export function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** Whether `path` is `prefix` or lies inside it. */
export function pathStartsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

const PLAIN_KEY = /^[A-Za-z_$@][\w$@]*$/;

/**
 * A path as people read it: `sections[0].facts[2].name`, with keys that are not plain names
 * quoted (`["x-y"]`). The empty path reads as `root`, which callers name (`the card`).
 */
export function formatPath(path: JsonPath, root = 'the root'): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += PLAIN_KEY.test(segment) ? (out ? `.${segment}` : segment) : `[${JSON.stringify(segment)}]`;
  }
  return out || root;
}

/**
 * The preview's blocks: the parts of a card it draws as separately selectable elements, each
 * carrying its JSON path. Issues of the rule catalogue are shown as badges on the block that
 * draws the value they concern.
 */
import type { JsonPath } from '../types.ts';

/** Card fields drawn as blocks of their own. */
const CARD_FIELDS = new Set(['title', 'text']);
/** Section fields drawn as blocks of their own. */
const SECTION_FIELDS = new Set([
  'title',
  'activityImage',
  'activityTitle',
  'activitySubtitle',
  'activityText',
  'heroImage',
  'text',
]);
/** Section lists whose members are blocks. */
const SECTION_LISTS = new Set(['facts', 'images', 'potentialAction']);

/**
 * The path of the block that shows the value at `path`: `['sections', 0, 'facts', 1, 'value']` is
 * drawn by the fact `['sections', 0, 'facts', 1]`, `['sections', 2, 'markdown']` by its section,
 * `['potentialAction', 0, 'inputs', 0, 'id']` by the action button `['potentialAction', 0]`,
 * `['summary']` by the card `[]`.
 */
export function blockPathOf(path: JsonPath): JsonPath {
  const [first, second, third, fourth] = path;
  if (typeof first === 'string' && CARD_FIELDS.has(first)) return [first];
  if (first === 'potentialAction' && typeof second === 'number') return [first, second];
  if (first === 'sections' && typeof second === 'number') {
    if (typeof third === 'string' && SECTION_FIELDS.has(third)) return [first, second, third];
    if (typeof third === 'string' && SECTION_LISTS.has(third) && typeof fourth === 'number') {
      return [first, second, third, fourth];
    }
    return [first, second];
  }
  return [];
}

/** A stable string for a path, used as the `data-path` attribute and as a map key. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** Groups items that carry a path by the block that shows them. */
export function groupByBlock<T extends { path: JsonPath }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = pathKey(blockPathOf(item.path));
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

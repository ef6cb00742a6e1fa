/**
 * Helpers shared by the rule and schema tests: reading the shared corpus (the folder itself, with
 * the labels of its SOURCES.md), applying quick fixes to plain values, and walking paths. Only
 * tests import this module.
 */
import * as fs from 'node:fs';
import type { JsonPath, QuickFix } from '../types.ts';

/** The label SOURCES.md gives a corpus file (the contract of the validator). */
export type CorpusLabel = 'valid' | 'sloppy' | 'invalid';

/** One corpus file: its name, label and text, and its value or parse error. */
export interface CorpusEntry {
  file: string;
  label: CorpusLabel | undefined;
  text: string;
  /** The parsed card, when `JSON.parse` accepts the text. */
  value?: unknown;
  /** The `JSON.parse` error message, when it does not. */
  parseError?: string;
}

/**
 * Labels from the table of SOURCES.md: rows whose first cell is a `.json` file name in backticks
 * and one of whose cells is `**valid**`, `**sloppy**` or `**invalid**`.
 */
export function parseLabels(markdown: string): Map<string, CorpusLabel> {
  const labels = new Map<string, CorpusLabel>();
  for (const line of markdown.split(/\r?\n/)) {
    if (!line.trimStart().startsWith('|')) continue;
    const cells = line.split('|').map((cell) => cell.trim());
    const file = /^`([^`]+\.json)`$/.exec(cells[1] ?? '')?.[1];
    if (!file) continue;
    for (const cell of cells) {
      const label = /^\*\*(valid|sloppy|invalid)\*\*$/.exec(cell)?.[1] as CorpusLabel | undefined;
      if (label) {
        labels.set(file, label);
        break;
      }
    }
  }
  return labels;
}

/** Every `.json` file of the corpus folder, with its label and parse result. */
export async function loadCorpus(dir: URL): Promise<{ entries: CorpusEntry[]; labels: Map<string, CorpusLabel> }> {
  const labels = parseLabels(fs.readFileSync(new URL('SOURCES.md', dir), 'utf8'));
  const entries = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file): CorpusEntry => {
      const text = fs.readFileSync(new URL(file, dir), 'utf8');
      const entry: CorpusEntry = { file, label: labels.get(file), text };
      try {
        entry.value = JSON.parse(text);
      } catch (error) {
        entry.parseError = error instanceof Error ? error.message : String(error);
      }
      return entry;
    });
  return { entries, labels };
}

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether `path` names an existing node of `value`. */
export function pathExists(value: unknown, path: JsonPath): boolean {
  let node = value;
  for (const segment of path) {
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || segment < 0 || segment >= node.length) return false;
      node = node[segment];
    } else if (isContainer(node)) {
      if (typeof segment !== 'string' || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
      node = node[segment];
    } else return false;
  }
  return true;
}

/**
 * Applies a quick fix to a copy of `value` the way the editor applies it to the text: write the
 * value at the path (creating the property), remove the property or element, or rename the key
 * in place (keeping its position).
 */
export function applyFix(value: unknown, fix: QuickFix): unknown {
  const root = structuredClone(value);
  if (fix.path.length === 0) return fix.remove ? undefined : structuredClone(fix.value);
  let parent: unknown = root;
  for (const segment of fix.path.slice(0, -1)) {
    if (!isContainer(parent)) throw new Error(`fix path ${JSON.stringify(fix.path)} does not exist`);
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  const key = fix.path[fix.path.length - 1] as string | number;
  if (!isContainer(parent)) throw new Error(`fix path ${JSON.stringify(fix.path)} has no parent`);
  if (fix.renameTo !== undefined) {
    if (Array.isArray(parent)) throw new Error('cannot rename an array element');
    const record = parent as Record<string, unknown>;
    const entries = Object.entries(record).map(([k, v]): [string, unknown] => [k === key ? fix.renameTo! : k, v]);
    for (const k of Object.keys(record)) delete record[k];
    for (const [k, v] of entries)
      Object.defineProperty(record, k, { value: v, enumerable: true, writable: true, configurable: true });
    return root;
  }
  if (fix.remove) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, unknown>)[key];
    return root;
  }
  Object.defineProperty(parent, key, {
    value: structuredClone(fix.value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

/** A small seeded pseudo-random generator (mulberry32), so fuzz tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

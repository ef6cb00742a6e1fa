/**
 * What every part of the conversion shares: the target version, the report being written and the
 * input ids given so far, plus the host and the limits the parts measure against.
 */
import type { JsonPath } from '../../card/types.ts';
import { ADAPTIVE_VERSIONS, type AdaptiveVersion, type ConversionNote, type NoteKind } from '../types.ts';

/**
 * The host the converted card is written for: a Workflows webhook, drawn by Teams. Every behaviour
 * the converter shares with the preview and the rules is asked of `card/behaviour.ts` for this host.
 */
export const HOST = 'workflows';

/** Teams draws at most 10 sections of a MessageCard, 5 images and 5 actions per section (section 1, 2). */
export const MESSAGECARD_MAX_SECTIONS = 10;
export const MESSAGECARD_MAX_SECTION_IMAGES = 5;
export const MESSAGECARD_MAX_SECTION_ACTIONS = 5;
/** Teams shows at most 6 Adaptive Card buttons in a row; the rest go to a "…" menu (section 8). */
export const TEAMS_MAX_VISIBLE_ACTIONS = 6;

/** One conversion under way: its version, its report and the input ids it has handed out. */
export class Conversion {
  readonly notes: ConversionNote[] = [];
  private readonly inputIds = new Set<string>();
  private generatedIds = 0;

  constructor(readonly version: AdaptiveVersion) {}

  note(kind: NoteKind, path: JsonPath, topic: string, message: string): void {
    this.notes.push({ kind, path, topic, message });
  }

  /** Whether the target version has the features of `min`. */
  atLeast(min: AdaptiveVersion): boolean {
    return ADAPTIVE_VERSIONS.indexOf(this.version) >= ADAPTIVE_VERSIONS.indexOf(min);
  }

  /** A unique input id: the one written, or a generated one; a repeated id gets a number. */
  inputId(raw: string | undefined, path: JsonPath): string {
    let id = raw?.trim() ?? '';
    if (!id) {
      do id = `input${++this.generatedIds}`;
      while (this.inputIds.has(id));
      this.note('approximated', [...path, 'id'], 'input-id', `This input has no id; it is given the id “${id}”.`);
    } else if (this.inputIds.has(id)) {
      const original = id;
      let n = 2;
      while (this.inputIds.has(`${original}-${n}`)) n++;
      id = `${original}-${n}`;
      this.note(
        'approximated',
        [...path, 'id'],
        'input-id',
        `The id “${original}” is used twice; Adaptive Cards need unique ids, so this one is “${id}”.`,
      );
    }
    this.inputIds.add(id);
    return id;
  }
}

/** A short quotation of a text for the report, on one line. */
export function quote(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1)}…` : line}”`;
}

/**
 * The conversion report in words: headings for the kinds of note, and the plain-text form the
 * command line prints on standard error.
 */
import { describePath } from './convert.ts';
import type { ConversionNote, NoteKind } from './types.ts';

/** Kinds in the order a reader needs them: what is gone first. */
export const NOTE_KINDS: readonly NoteKind[] = ['lost', 'limit', 'approximated', 'unused'];

/** A heading for each kind, as the view and the command line show it. */
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  lost: 'Not carried over',
  limit: 'Limits',
  approximated: 'Shown differently',
  unused: 'Ignored by Teams already, left out',
};

/** The notes of the report grouped by kind, in {@link NOTE_KINDS} order; kinds without notes are left out. */
export function groupNotes(notes: readonly ConversionNote[]): { kind: NoteKind; notes: ConversionNote[] }[] {
  return NOTE_KINDS.map((kind) => ({ kind, notes: notes.filter((n) => n.kind === kind) })).filter(
    (g) => g.notes.length > 0,
  );
}

/** One line per note, `kind  path  message`, grouped by kind; a closing line when nothing changed. */
export function formatReport(notes: readonly ConversionNote[], file?: string): string {
  const prefix = file ? `${file}: ` : '';
  if (notes.length === 0) return `${prefix}converted with nothing lost or changed\n`;
  const lines: string[] = [];
  for (const group of groupNotes(notes)) {
    for (const note of group.notes) lines.push(`${prefix}${note.kind}  ${describePath(note.path)}  ${note.message}`);
  }
  const lost = notes.filter((n) => n.kind === 'lost').length;
  lines.push(`${prefix}${notes.length} note${notes.length === 1 ? '' : 's'}, ${lost} about something lost`);
  return `${lines.join('\n')}\n`;
}

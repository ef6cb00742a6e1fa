import type { ConversionNote } from '../adaptive/types.ts';

/** A verdict of the side-by-side view: one line, and whether the card comes through whole. */
export interface Verdict {
  text: string;
  ok: boolean;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line on what a MessageCard posted as it is loses on Workflows: its buttons. */
export function messageCardVerdict(buttons: number): Verdict {
  return buttons === 0
    ? { text: 'Everything is shown: the card has no buttons.', ok: true }
    : { text: `${plural(buttons, 'button', 'buttons')} not shown: Workflows draws no buttons.`, ok: false };
}

/** One line on what the conversion to an Adaptive Card loses or changes. */
export function adaptiveVerdict(result: { notes: readonly ConversionNote[] }, version: string): Verdict {
  const lost = result.notes.filter((n) => n.kind === 'lost').length;
  const limits = result.notes.filter((n) => n.kind === 'limit').length;
  const approximated = result.notes.filter((n) => n.kind === 'approximated').length;
  const parts: string[] = [];
  if (lost > 0) parts.push(`${plural(lost, 'thing', 'things')} lost in conversion`);
  if (limits > 0) parts.push(`${plural(limits, 'limit', 'limits')} to check`);
  if (approximated > 0) parts.push(`${approximated} shown differently`);
  // Power Automate posts cards above 1.4 but Teams shows "We're sorry, this card couldn't be displayed".
  const tooNew = Number(version) > 1.4;
  if (tooNew) parts.push(`version ${version} may show as “this card couldn't be displayed”`);
  if (parts.length === 0) return { text: 'Nothing lost in conversion.', ok: true };
  const text = parts.join('; ');
  return { text: `${text[0]!.toUpperCase()}${text.slice(1)}.`, ok: lost === 0 && limits === 0 && !tooNew };
}

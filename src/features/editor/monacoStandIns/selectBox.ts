/**
 * Stand-in for Monaco's select box, which an action bar shows for a menu whose entries are a choice.
 * No menu of the JSON panes (the find widget, the hover's status bar, the context menu) has one.
 */
import { notIncluded } from './notIncluded.ts';

export const SeparatorSelectOption = Object.freeze({ text: '\u2500'.repeat(9), isDisabled: true, isSeparator: true });

export class SelectBox {
  constructor() {
    notIncluded('Select boxes');
  }
}

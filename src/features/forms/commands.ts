/**
 * Every change the forms and the outline make, as one text edit at a path through the store's one
 * undo history. Nothing here rewrites the card: `json/edit.ts` changes only the characters that
 * hold the value, so the editor keeps its cursor and unknown fields stay byte for byte.
 */
import { insertAt, moveAt, removeAt, renameKey, setAt } from '../../json/edit.ts';
import { duplicateOf, elementAt, newElement, type Move } from '../../card/elements.ts';
import type { ElementKind } from '../../card/grammar.ts';
import { getAt } from '../../json/read.ts';
import type { JsonPath, QuickFix } from '../../card/types.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { isAnalysisCurrent } from '../../store/textDocument.ts';

/** The card value of the current text, or undefined while the text does not parse. */
function currentCard(designer: DesignerStore): unknown {
  const state = designer.getState();
  return state.analysis.parsed.ok && isAnalysisCurrent(state) ? state.analysis.card : undefined;
}

function editable(designer: DesignerStore): boolean {
  return currentCard(designer) !== undefined;
}

/**
 * Runs one command. The edit functions throw on paths that do not fit the text (a list where an
 * object is expected); the card is then left as it is rather than half-changed.
 */
function command(designer: DesignerStore, change: (text: string) => string): boolean {
  try {
    designer.getState().applyCommand(change, 'form');
    return true;
  } catch (error) {
    console.warn('The form could not make this change:', error);
    return false;
  }
}

/**
 * Writes a field. `typing` groups a burst of keystrokes in one text field into one undo step, as
 * typing in the editor does; every other change is a step of its own.
 */
export function setField(designer: DesignerStore, path: JsonPath, value: unknown, { typing = false } = {}): void {
  if (!editable(designer)) return;
  if (!typing) {
    command(designer, (text) => setAt(text, path, value).text);
    return;
  }
  try {
    const store = designer.getState();
    store.setText(setAt(store.text, path, value).text, 'typing', 'command');
  } catch (error) {
    console.warn('The form could not make this change:', error);
  }
}

/** Removes a field (its key goes, not just its value). */
export function removeField(designer: DesignerStore, path: JsonPath): void {
  if (!editable(designer)) return;
  command(designer, (text) => removeAt(text, path).text);
}

/** Applies a rule's quick fix. */
export function applyFix(designer: DesignerStore, fix: QuickFix): void {
  if (!editable(designer)) return;
  command(designer, (text) => {
    if (fix.renameTo !== undefined) return renameKey(text, fix.path, fix.renameTo).text;
    if (fix.remove) return removeAt(text, fix.path).text;
    return setAt(text, fix.path, fix.value).text;
  });
}

function selectForm(designer: DesignerStore, path: JsonPath): void {
  designer.getState().select(path, 'form');
}

/**
 * Adds a new element to the list `key` of the element at `ownerPath` (at its end), or sets a
 * single slot (`heroImage`), and selects it. Returns the new element's path.
 */
export function addElement(
  designer: DesignerStore,
  ownerPath: JsonPath,
  key: string,
  kind: ElementKind,
  type?: string,
): JsonPath | undefined {
  const card = currentCard(designer);
  if (card === undefined) return undefined;
  const value = newElement(card, ownerPath, kind, type);
  let path: JsonPath;
  if (kind === 'heroImage') {
    path = [...ownerPath, key];
    if (!command(designer, (text) => setAt(text, path, value).text)) return undefined;
  } else {
    const list = getAt(card, [...ownerPath, key]);
    if (list !== undefined && !Array.isArray(list)) return undefined; // a non-list: the rules say so; do not clobber it
    path = [...ownerPath, key, Array.isArray(list) ? list.length : 0];
    if (!command(designer, (text) => insertAt(text, path, value).text)) return undefined;
  }
  selectForm(designer, path);
  return path;
}

/** Inserts a copy of the element after it and selects the copy. */
export function duplicateElement(designer: DesignerStore, path: JsonPath): JsonPath | undefined {
  const card = currentCard(designer);
  const info = card === undefined ? undefined : elementAt(card, path);
  const index = path[path.length - 1];
  if (!info || typeof index !== 'number') return undefined;
  const copy = duplicateOf(card, info);
  const target = [...path.slice(0, -1), index + 1];
  if (!command(designer, (text) => insertAt(text, target, copy).text)) return undefined;
  selectForm(designer, target);
  return target;
}

/**
 * Deletes an element and selects what takes its place: the next member of its list, else the
 * previous one, else its parent.
 */
export function deleteElement(designer: DesignerStore, path: JsonPath): void {
  const card = currentCard(designer);
  if (card === undefined || path.length === 0 || !elementAt(card, path)) return;
  if (!command(designer, (text) => removeAt(text, path).text)) return;
  const index = path[path.length - 1];
  const after = currentCard(designer);
  if (typeof index === 'number') {
    const listPath = path.slice(0, -1);
    const list = getAt(after, listPath);
    const length = Array.isArray(list) ? list.length : 0;
    if (length > 0) {
      selectForm(designer, [...listPath, Math.min(index, length - 1)]);
      return;
    }
    selectForm(designer, path.slice(0, -2));
    return;
  }
  selectForm(designer, path.slice(0, -1));
}

/** Moves an array member (reorder, or into another list) and keeps it selected. */
export function moveElement(designer: DesignerStore, move: Move): void {
  const card = currentCard(designer);
  if (card === undefined) return;
  const via = move.insertAt;
  const value = getAt(card, move.from);
  const done = via
    ? command(designer, (text) => removeAt(insertAt(text, via, value).text, move.from).text)
    : command(designer, (text) => moveAt(text, move.from, move.to).text);
  if (done) selectForm(designer, move.to);
}

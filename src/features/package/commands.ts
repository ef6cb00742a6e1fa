/**
 * Form edits of the manifest: minimal text edits at a path (`json/edit.ts`, as for the card), through the
 * package store's own undo history, so the JSON pane keeps its cursor and untouched fields stay as
 * written.
 */
import { removeAt, setAt } from '../../json/edit.ts';
import type { JsonPath } from '../../card/types.ts';
import type { PackageStore } from '../../store/packageStore.ts';
import { isAnalysisCurrent } from '../../store/textDocument.ts';

function editable(packageStore: PackageStore): boolean {
  const state = packageStore.getState();
  return state.analysis.parsed.ok && isAnalysisCurrent(state);
}

function attempt(change: (text: string) => string): (text: string) => string {
  return (text) => {
    try {
      return change(text);
    } catch {
      // A parent of the wrong kind (a string where an object belongs): the rules already say so.
      return text;
    }
  };
}

/** Writes a field; `typing` groups a burst of keystrokes in one field into one undo step. */
export function setManifestField(
  packageStore: PackageStore,
  path: JsonPath,
  value: unknown,
  { typing = false } = {},
): void {
  if (!editable(packageStore)) return;
  const store = packageStore.getState();
  const change = attempt((text) => setAt(text, path, value).text);
  if (typing) store.setText(change(store.text), 'typing', 'command');
  else store.applyCommand(change);
}

/** Removes a field (its key goes too). */
export function removeManifestField(packageStore: PackageStore, path: JsonPath): void {
  if (!editable(packageStore)) return;
  packageStore.getState().applyCommand(attempt((text) => removeAt(text, path).text));
}

/** Several writes as one undo step (the manifest version and its $schema URL). */
export function setManifestFields(
  packageStore: PackageStore,
  writes: readonly { path: JsonPath; value: unknown }[],
): void {
  if (!editable(packageStore)) return;
  packageStore
    .getState()
    .applyCommand(
      attempt((text) => writes.reduce((current, write) => setAt(current, write.path, write.value).text, text)),
    );
}

/**
 * Where the JSON editor sat at the end of the last visit, and in which window. On a return visit whose
 * card the page's first script pictured, the editor is created there before the app (`earlyEditor.ts`),
 * and the app's JSON pane takes it over in the same place. Small and free of Monaco: the first script reads it.
 *
 * A cache, like the picture: losing it costs only the early editor, so it is written with `writeCache`.
 */
import { localArea, type StorageArea } from '../../lib/storage.ts';
import { boxOf, currentScreen, parseBox, parseScreen, sameSize, type Box } from '../../lib/screen.ts';

export const EDITOR_PLACE_KEY = 'messagecard-designer:editor-place:v1';

/** The editor's box in this window, if the last visit left one taken in a window of this size. */
export function readEditorPlace(from: StorageArea = localArea()): Box | undefined {
  const raw = from.readRaw(EDITOR_PLACE_KEY);
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const place = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const screen = parseScreen(place.screen);
  const box = parseBox(place.box);
  if (!screen || !box) {
    from.remove(EDITOR_PLACE_KEY);
    return undefined;
  }
  // Only the window's size and pixel ratio place the editor (and a browser leaving the page may report
  // another colour scheme).
  return sameSize(screen, currentScreen()) && box.width >= 1 && box.height >= 1 ? box : undefined;
}

/** Keeps where the editor is now; an editor not shown (a narrow window's other tab) leaves no place. */
export function saveEditorPlace(element: HTMLElement, to: StorageArea = localArea()) {
  const rect = element.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) {
    to.remove(EDITOR_PLACE_KEY);
    return;
  }
  to.writeCache(EDITOR_PLACE_KEY, JSON.stringify({ screen: currentScreen(), box: boxOf(rect) }));
}

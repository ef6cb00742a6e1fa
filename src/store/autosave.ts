import type { DesignerStore, SaveStatus } from './designerStore.ts';
import { saveCursor, saveLayout, saveProfile, saveText, type SaveResult } from './persistence.ts';

const DELAY_MS = 250;

/**
 * Saves the text, cursor, layout and "Check for" profile locally as they change: shortly after the last change, and at
 * once when the page is hidden or closed, so a reload never loses typing. Returns a stop function.
 */
export function startAutosave(store: DesignerStore): () => void {
  const onStatus = (saveStatus: SaveStatus) => {
    const current = store.getState().saveStatus;
    const same =
      current.state === saveStatus.state &&
      (current.state !== 'failed' || saveStatus.state !== 'failed' || current.reason === saveStatus.reason);
    if (!same) store.setState({ saveStatus });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirtyText = false;
  let dirtyCursor = false;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const { text, cursor } = store.getState();
    let result: SaveResult = { ok: true };
    if (dirtyText) result = saveText(text);
    if (dirtyCursor && cursor !== undefined && result.ok) result = saveCursor(cursor);
    dirtyText = dirtyCursor = false;
    onStatus(result.ok ? { state: 'saved' } : { state: 'failed', reason: result.reason });
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.layout !== previous.layout) saveLayout(state.layout);
    if (state.host !== previous.host) saveProfile(state.host);
    const textChanged = state.text !== previous.text;
    const cursorChanged = state.cursor !== previous.cursor;
    if (!textChanged && !cursorChanged) return;
    dirtyText ||= textChanged;
    dirtyCursor ||= cursorChanged;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DELAY_MS);
    if (textChanged && state.saveStatus.state !== 'pending') onStatus({ state: 'pending' });
  });

  const onHide = () => {
    if (dirtyText || dirtyCursor) flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.document?.addEventListener('visibilitychange', onVisibility);

  return () => {
    unsubscribe();
    onHide();
    globalThis.removeEventListener?.('pagehide', onHide);
    globalThis.document?.removeEventListener('visibilitychange', onVisibility);
  };
}

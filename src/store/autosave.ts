import type { DesignerStore } from './designerStore.ts';
import { saveCursor, saveLayout, saveProfile } from './persistence.ts';

const DELAY_MS = 250;

/**
 * Saves the cursor, layout and "Check for" profile locally as they change: the cursor shortly after it
 * stops moving and at once when the page is hidden or closed. The card's text is saved by the drafts
 * (`drafts.ts`), which also keep the save status under the title. Returns a stop function.
 */
export function startAutosave(store: DesignerStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirtyCursor = false;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const { cursor } = store.getState();
    if (dirtyCursor && cursor !== undefined) saveCursor(cursor);
    dirtyCursor = false;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.layout !== previous.layout) saveLayout(state.layout);
    if (state.host !== previous.host) saveProfile(state.host);
    if (state.cursor === previous.cursor) return;
    dirtyCursor = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DELAY_MS);
  });

  const onHide = () => {
    if (dirtyCursor) flush();
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

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createStores } from '../store/createStores.ts';
import { StoresProvider } from '../store/hooks.ts';
import type { SavedDocument } from '../store/persistence.ts';

/**
 * Starts the designer in `root` on the card the tab opens with (`saved`, read by `main.tsx`; undefined
 * on a new card). Rendering replaces whatever `root` holds, the last visit's picture among it.
 */
export async function start(root: HTMLElement, saved: SavedDocument | undefined) {
  // The stores of this page, created once; components reach them through StoresProvider.
  const stores = createStores({ saved });
  // A share link's card opens before the first screen, so that the preview never shows another card
  // first. Only addresses with a fragment fetch this code; if it cannot be fetched, the share feature
  // opens the link when it loads.
  if (location.hash.length > 1) {
    await import('../features/share/openLinkedCard.ts').then((m) => m.openLinkedCard(stores.drafts)).catch(() => {});
  }
  createRoot(root).render(
    <StrictMode>
      <StoresProvider value={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
}

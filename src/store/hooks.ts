import { useStore } from 'zustand';
import { createDesignerStore, type DesignerState } from './designerStore.ts';
import { loadDocument, loadLayout, loadProfile } from './persistence.ts';

const saved = loadDocument();

/** The designer's store, opened on what was saved locally (or the welcome card, checked for Workflows, on a first visit). */
export const designerStore = createDesignerStore({
  ...(saved ? { text: saved.text, cursor: saved.cursor } : {}),
  layout: loadLayout(),
  host: loadProfile(),
});

/** Reads one slice of the designer state; the component re-renders only when that slice changes. */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(designerStore, selector);
}

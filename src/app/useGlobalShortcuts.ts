import { useEffect } from 'react';
import { useDesignerStore } from '../store/hooks.ts';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // Monaco binds the same keys itself (to the same history); plain fields keep their own undo.
  if (target.closest('.monaco-editor')) return true;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/** Undo and redo anywhere in the designer: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y walk the one history. */
export function useGlobalShortcuts(): void {
  const designerStore = useDesignerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      const store = designerStore.getState();
      if (key === 'z' && !event.shiftKey) store.undo();
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) store.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [designerStore]);
}

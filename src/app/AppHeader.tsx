import type { ReactNode } from 'react';
import { useDesigner } from '../store/hooks.ts';

function SaveState() {
  const status = useDesigner((s) => s.saveStatus);
  const text =
    status.state === 'failed'
      ? `Not saved: ${status.reason}`
      : status.state === 'pending'
        ? 'Saving…'
        : 'Saved in this browser';
  return (
    <span className={`save-state save-${status.state}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

/**
 * The designer's header: its name, whether the card is saved, and the commands (`children`). It draws
 * with the first screen; the commands come in their own chunk (`DesignerToolbar`), so the header
 * keeps their height until they arrive.
 */
export function AppHeader({ children }: { children: ReactNode }) {
  return (
    <header className="app-header">
      <div className="app-brand">
        <h1 className="app-title">MessageCard Designer</h1>
        <SaveState />
      </div>
      {children}
    </header>
  );
}

/**
 * The boxes of the parts the first screen draws without waiting for their chunks (Fluent's toolbar and
 * tab lists, `App.tsx`): the same class and height as the part, nothing inside, hidden from assistive
 * technology. The panes around them do not move when the part arrives.
 */

/** Where the commands will be (`DesignerToolbar.tsx`): a row of the small toolbar (`app.css`). */
export function ToolbarPlaceholder() {
  return <div className="app-toolbar toolbar-placeholder" aria-hidden="true" />;
}

/** Where a tab strip will be (`TabStrips.tsx`): its class, and the height `strip-placeholder` gives it. */
export function StripPlaceholder({ className }: { className: string }) {
  return <div className={`${className} strip-placeholder`} aria-hidden="true" />;
}

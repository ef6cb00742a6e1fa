import { lazyWithPreload } from '../../ui/lazyWithPreload.ts';

// Parts of the preview that wait for a click: they load on first use, or earlier at idle, so that the
// preview itself reaches the screen with less code.

/** The panel of an open ActionCard, with Fluent's form controls for its inputs. */
export const ActionCardPanel = lazyWithPreload(() => import('./ActionCardPanel.tsx'));

/** What a pressed button would do, shown in a dialog. */
export const ActionDialogView = lazyWithPreload(() =>
  import('./ActionDialogs.tsx').then((m) => ({ default: m.ActionDialogView })),
);

/** The note on the choices the preview makes where the sources disagree or are silent. */
export const AboutPreviewDialog = lazyWithPreload(() => import('./AboutPreviewDialog.tsx'));

/** Fetches the parts above ahead of the first click. */
export function preloadPreviewParts(): void {
  void ActionCardPanel.preload();
  void ActionDialogView.preload();
  void AboutPreviewDialog.preload();
}

import { decodeShareFragment, isShareFragment } from '../../exchange/shareLink.ts';
import type { DraftsStore } from '../../store/drafts.ts';
import { openCard, type Notice } from './actions.ts';

// A share link's card is opened before the first screen is drawn (src/main.tsx calls this), so the preview
// shows the linked card from its first frame, never the autosaved card or the sample for a moment. What to
// tell the user waits here until the share feature, which loads later, draws its notice.

let opened: Notice | undefined;

/**
 * Opens the card of a `#card=…` address as a new draft and drops it from the address. A link that cannot
 * be decoded is left in place: the share feature reports it when it loads, and the card is not changed.
 */
export function openLinkedCard(drafts: DraftsStore): void {
  const hash = location.hash;
  if (!isShareFragment(hash)) return;
  const decoded = decodeShareFragment(hash);
  if (!decoded.ok) return;
  // Drop the card from the address, so a reload does not open it a second time.
  history.replaceState(history.state, '', location.pathname + location.search);
  opened = openCard(drafts, decoded.text, 'the shared card');
}

/**
 * The notice of a card opened by `openLinkedCard`, until it has been shown. Read while rendering, so it
 * takes nothing: React may throw a render away and run it again (a part beside it suspending), and the
 * notice must still be there. The share feature says it has shown it (`linkedCardNoticeShown`).
 */
export function linkedCardNotice(): Notice | undefined {
  return opened;
}

/** The notice is on screen: it is not shown a second time. */
export function linkedCardNoticeShown(): void {
  opened = undefined;
}

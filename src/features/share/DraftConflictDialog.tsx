import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useDrafts, useDraftsStore } from '../../store/hooks.ts';

function time(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/**
 * Shown when another tab saved the draft this tab has open. Until the user answers, neither copy is
 * written over; closing the tab without answering keeps both.
 */
export function DraftConflictDialog() {
  const conflict = useDrafts((s) => s.conflict);
  const drafts = useDraftsStore();
  const resolve = (choice: 'mine' | 'theirs' | 'both') => drafts.getState().resolveConflict(choice);
  return (
    <Dialog open={conflict !== undefined} modalType="alert">
      <DialogSurface className="share-backup-surface" aria-label="This card was changed in another tab">
        <DialogBody>
          <DialogTitle>This card was changed in another tab</DialogTitle>
          <DialogContent>
            <p>
              “{conflict?.name}” is also open in another tab of the designer, which saved it at{' '}
              {conflict ? time(conflict.theirUpdatedAt) : ''}. Your changes here are not lost: choose which version to
              keep.
            </p>
            <ul className="share-conflict-choices">
              <li>
                <strong>Keep both</strong>: the other tab’s version stays in this draft, yours becomes a draft of its
                own and stays open here.
              </li>
              <li>
                <strong>Use the other version</strong>: this tab shows the other tab’s card; undo brings yours back.
              </li>
              <li>
                <strong>Keep mine</strong>: your version is saved over the other tab’s.
              </li>
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => resolve('both')}>
              Keep both
            </Button>
            <Button onClick={() => resolve('theirs')}>Use the other version</Button>
            <Button onClick={() => resolve('mine')}>Keep mine</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  MessageBar,
  MessageBarBody,
  Tooltip,
} from '@fluentui/react-components';
import {
  Add20Regular,
  Delete20Regular,
  DocumentCopy20Regular,
  Open20Regular,
  Rename20Regular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { DraftMeta } from '../../store/drafts.ts';
import { useDrafts, useDraftsStore } from '../../store/hooks.ts';
import { BLANK_CARD_TEXT } from '../../card/samples.ts';

export interface DraftsDialogProps {
  open: boolean;
  onClose(): void;
  onOpened(name: string): void;
}

function when(at: number): string {
  if (!at) return '';
  const date = new Date(at);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? `today ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function DraftRow({ draft, isOpen, onOpened }: { draft: DraftMeta; isOpen: boolean; onOpened(name: string): void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(draft.name);
  const [confirming, setConfirming] = useState(false);
  const actions = useDraftsStore().getState();

  if (renaming) {
    return (
      <li className="share-draft">
        <form
          className="share-draft-rename"
          onSubmit={(e) => {
            e.preventDefault();
            actions.rename(draft.id, name);
            setRenaming(false);
          }}
        >
          <Input
            value={name}
            onChange={(_e, data) => setName(data.value)}
            aria-label={`New name for “${draft.name}”`}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setRenaming(false);
              }
            }}
          />
          <Button type="submit" appearance="primary" size="small">
            Save name
          </Button>
          <Button size="small" onClick={() => setRenaming(false)}>
            Cancel
          </Button>
        </form>
      </li>
    );
  }
  if (confirming) {
    return (
      <li className="share-draft share-draft-confirm">
        <span>
          Delete “{draft.name}”?{isOpen ? ' It is open: the next draft opens, and undo brings it back.' : ''}
        </span>
        <Button
          size="small"
          appearance="primary"
          onClick={() => {
            actions.remove(draft.id);
            setConfirming(false);
          }}
        >
          Delete
        </Button>
        <Button size="small" onClick={() => setConfirming(false)} autoFocus>
          Keep it
        </Button>
      </li>
    );
  }
  return (
    <li className={isOpen ? 'share-draft is-open' : 'share-draft'}>
      <span className="share-draft-name">
        {draft.name} {isOpen && <Badge appearance="tint">open</Badge>}
      </span>
      <span className="share-draft-time">{when(draft.updatedAt)}</span>
      <span className="share-draft-actions">
        <Tooltip content={`Open “${draft.name}”`} relationship="label">
          <Button
            size="small"
            appearance="subtle"
            icon={<Open20Regular />}
            disabled={isOpen}
            onClick={() => {
              actions.open(draft.id);
              onOpened(draft.name);
            }}
          />
        </Tooltip>
        <Tooltip content={`Rename “${draft.name}”`} relationship="label">
          <Button
            size="small"
            appearance="subtle"
            icon={<Rename20Regular />}
            onClick={() => {
              setName(draft.name);
              setRenaming(true);
            }}
          />
        </Tooltip>
        <Tooltip content={`Duplicate “${draft.name}”`} relationship="label">
          <Button
            size="small"
            appearance="subtle"
            icon={<DocumentCopy20Regular />}
            onClick={() => actions.duplicate(draft.id)}
          />
        </Tooltip>
        <Tooltip content={`Delete “${draft.name}”`} relationship="label">
          <Button size="small" appearance="subtle" icon={<Delete20Regular />} onClick={() => setConfirming(true)} />
        </Tooltip>
      </span>
    </li>
  );
}

/** The drafts kept in this browser: open, rename, duplicate, delete, and start a new one. */
export function DraftsDialog({ open, onClose, onOpened }: DraftsDialogProps) {
  const drafts = useDrafts((s) => s.drafts);
  const draftsStore = useDraftsStore();
  const openId = useDrafts((s) => s.openId);
  const saveError = useDrafts((s) => s.saveError);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface className="share-drafts-surface" aria-label="Drafts">
        <DialogBody>
          <DialogTitle>Drafts in this browser</DialogTitle>
          <DialogContent>
            <p className="share-hint">
              The open draft saves itself as you type. Drafts stay in this browser only; “Back up all drafts…” in the
              Export menu moves them all to another browser.
            </p>
            {saveError && (
              <MessageBar intent="warning">
                <MessageBarBody>Not saved: {saveError}.</MessageBarBody>
              </MessageBar>
            )}
            <ul className="share-drafts" aria-label="Drafts">
              {drafts.map((d) => (
                <DraftRow key={d.id} draft={d} isOpen={d.id === openId} onOpened={onOpened} />
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button
              icon={<Add20Regular />}
              onClick={() => {
                draftsStore.getState().create(BLANK_CARD_TEXT);
                onOpened('a new blank draft');
              }}
            >
              New blank draft
            </Button>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

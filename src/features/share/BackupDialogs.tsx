import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import {
  MAX_BACKUP_BYTES,
  backupFileName,
  backupText,
  createBackup,
  describeRestore,
  readBackup,
  restoreBackup,
  type BackupStores,
} from '../../store/backup.ts';
import { useDrafts, useStores } from '../../store/hooks.ts';

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface DialogProps {
  open: boolean;
  onClose(): void;
}

/** "Back up all drafts…": one file with every draft and the settings, never a webhook URL. */
export function BackupDialog({ open, onClose }: DialogProps) {
  const count = useDrafts((s) => s.drafts.length);
  const stores: BackupStores = useStores();
  const [saved, setSaved] = useState<string>();
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => {
        if (!data.open) {
          setSaved(undefined);
          onClose();
        }
      }}
    >
      <DialogSurface className="share-backup-surface" aria-label="Back up all drafts">
        <DialogBody>
          <DialogTitle>Back up all drafts</DialogTitle>
          <DialogContent>
            <p>One file to keep, or to open on another browser or computer with “Restore from backup…”. It holds:</p>
            <ul className="share-backup-list">
              <li>{count === 1 ? 'the draft' : `all ${count} drafts`} of this browser, with their names and times;</li>
              <li>
                your settings: “Check for”, the panes, the preview and the Workflows choices, and the names of your send
                targets.
              </li>
            </ul>
            <p className="share-hint">
              Webhook URLs are never included: they are secrets. After a restore, paste them again.
            </p>
            {saved && (
              <MessageBar intent="success">
                <MessageBarBody>Downloaded {saved}.</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              icon={<ArrowDownload20Regular />}
              onClick={() => {
                const name = backupFileName();
                download(backupText(createBackup(stores)), name);
                setSaved(name);
              }}
            >
              Download backup
            </Button>
            <Button
              onClick={() => {
                setSaved(undefined);
                onClose();
              }}
            >
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

type Outcome = { ok: true; text: string } | { ok: false; title: string; text: string };

/** "Restore from backup…": merges a backup's drafts by id (newer wins, nothing lost) and, if asked, its settings. */
export function RestoreDialog({ open, onClose }: DialogProps) {
  const stores: BackupStores = useStores();
  const input = useRef<HTMLInputElement>(null);
  const [withSettings, setWithSettings] = useState(true);
  const [outcome, setOutcome] = useState<Outcome>();
  const close = () => {
    setOutcome(undefined);
    onClose();
  };

  const restore = async (file: File) => {
    if (file.size > MAX_BACKUP_BYTES) {
      setOutcome({ ok: false, title: `${file.name} was not restored.`, text: 'It is far larger than any backup.' });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setOutcome({ ok: false, title: `${file.name} could not be read.`, text: 'Nothing was changed.' });
      return;
    }
    const read = readBackup(text);
    if (!read.ok) {
      setOutcome({ ok: false, title: `${file.name} was not restored. Nothing was changed.`, text: read.message });
      return;
    }
    const result = restoreBackup(stores, read.backup, withSettings);
    setOutcome({ ok: true, text: describeRestore(result) });
  };

  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && close()}>
      <DialogSurface className="share-backup-surface" aria-label="Restore from backup">
        <DialogBody>
          <DialogTitle>Restore from backup</DialogTitle>
          <DialogContent>
            <p>
              Adds the drafts of a backup file to the drafts of this browser. A draft that is here already keeps its
              newer version: an older copy never replaces it, and a version it replaces is kept as a draft of its own.
            </p>
            <Checkbox
              checked={withSettings}
              onChange={(_e, data) => setWithSettings(data.checked === true)}
              label="Also restore the settings (Check for, panes, preview, Workflows, send target names)"
            />
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Backup file to restore"
              data-testid="restore-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void restore(file);
              }}
            />
            {outcome && (
              <MessageBar intent={outcome.ok ? 'success' : 'error'} layout="multiline" role="status">
                <MessageBarBody>
                  <MessageBarTitle>{outcome.ok ? 'Backup restored.' : outcome.title}</MessageBarTitle>
                  {outcome.text}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" icon={<ArrowUpload20Regular />} onClick={() => input.current?.click()}>
              Choose a backup file…
            </Button>
            <Button onClick={close}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { troubleMessage } from '../../lib/storage.ts';
import { useStorageTrouble } from '../../store/storageStatus.ts';

export interface StorageTroubleBarProps {
  onBackup(): void;
}

/**
 * Says once, politely, what the browser could not save (storage full, or none at all) and offers the way
 * out: a backup file. Also says when saved data that could not be read was kept aside. Dismissed, it comes
 * back only when the trouble changes.
 */
export function StorageTroubleBar({ onBackup }: StorageTroubleBarProps) {
  const { problem, keptAside } = useStorageTrouble();
  const key = `${problem ?? ''}:${keptAside}`;
  const [dismissed, setDismissed] = useState<string>();
  if ((!problem && keptAside === 0) || dismissed === key) return null;
  return (
    <div className="share-trouble" role={problem ? 'alert' : 'status'}>
      <MessageBar intent={problem ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {problem ? 'Your work is not being saved.' : 'Some saved data was kept aside.'}
          </MessageBarTitle>
          {problem
            ? troubleMessage(problem)
            : 'Part of what this browser had saved could not be read (damaged, or written by another version of the designer). It was kept aside, not deleted, and the designer started without it.'}
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="Dismiss"
              icon={<Dismiss20Regular />}
              onClick={() => setDismissed(key)}
            />
          }
        >
          {problem && <Button onClick={onBackup}>Back up all drafts…</Button>}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

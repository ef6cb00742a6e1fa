import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { importCardText } from '../../exchange/import/importSnippet.ts';

export interface ImportDialogProps {
  open: boolean;
  onClose(): void;
  /** Called with pasted text that holds a card; the dialog closes. */
  onImport(text: string): void;
}

/** Paste card JSON or a curl, PowerShell or Python snippet; says why when it holds no card. */
export function ImportDialog({ open, onClose, onImport }: ImportDialogProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setText('');
    setError(undefined);
    onClose();
  };
  const submit = () => {
    const result = importCardText(text);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onImport(text);
    setText('');
    setError(undefined);
  };
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && close()}>
      <DialogSurface className="share-import-surface" aria-label="Paste a card or a snippet">
        <DialogBody>
          <DialogTitle>Paste a card or a snippet</DialogTitle>
          <DialogContent>
            <Field
              label="Card JSON, or a curl, PowerShell (Invoke-RestMethod, Invoke-WebRequest) or Python (requests) command that posts one"
              validationState={error ? 'error' : 'none'}
              validationMessage={error}
            >
              <Textarea
                value={text}
                onChange={(_e, data) => {
                  setText(data.value);
                  setError(undefined);
                }}
                resize="vertical"
                className="share-import-text"
                placeholder={`curl -H 'Content-Type: application/json' -d '{"text": "Hello"}' https://…`}
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={submit} disabled={text.trim() === ''}>
              Open card
            </Button>
            <Button onClick={close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

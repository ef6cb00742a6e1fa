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
  Tab,
  TabList,
} from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { cardSnippet, SNIPPET_LANGUAGES, WEBHOOK_PLACEHOLDER, type SnippetLanguage } from '../../exchange/snippets.ts';
import { useSend } from '../../store/hooks.ts';
import { copyText } from './actions.ts';

export interface SnippetsDialogProps {
  open: boolean;
  text: string;
  onClose(): void;
}

/** Code that posts the card: one tab per language, a copy button, the webhook URL only on request. */
export function SnippetsDialog({ open, text, onClose }: SnippetsDialogProps) {
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [compact, setCompact] = useState(false);
  const [useRealUrl, setUseRealUrl] = useState(false);
  const [copied, setCopied] = useState<string | undefined>();
  const target = useSend((s) => s.targets.find((t) => t.id === s.selectedId));
  const info = SNIPPET_LANGUAGES.find((l) => l.id === language)!;
  const webhookUrl = useRealUrl && target ? target.url : undefined;
  const result = open ? cardSnippet(language, text, { compact, webhookUrl }) : undefined;

  const close = () => {
    // The real URL is a secret: the next time the dialog opens it shows the placeholder again.
    setUseRealUrl(false);
    setCopied(undefined);
    onClose();
  };

  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && close()}>
      <DialogSurface className="share-snippets-surface" aria-label="Code snippets">
        <DialogBody>
          <DialogTitle>Post this card from code</DialogTitle>
          <DialogContent className="share-snippets-content">
            <TabList
              selectedValue={language}
              onTabSelect={(_e, data) => {
                setLanguage(data.value as SnippetLanguage);
                setCopied(undefined);
              }}
              aria-label="Language"
              size="small"
            >
              {SNIPPET_LANGUAGES.map((l) => (
                <Tab key={l.id} value={l.id}>
                  {l.label}
                </Tab>
              ))}
            </TabList>
            <div className="share-snippet-options">
              <Checkbox
                checked={useRealUrl}
                disabled={!target}
                onChange={(_e, data) => setUseRealUrl(data.checked === true)}
                label={
                  target
                    ? `Put in the webhook URL of “${target.name}” (it is a secret)`
                    : 'Put in my webhook URL (none chosen yet)'
                }
              />
              <Checkbox
                checked={compact}
                onChange={(_e, data) => setCompact(data.checked === true)}
                label="Card on one line"
              />
            </div>
            {result && !result.ok ? (
              <MessageBar intent="error">
                <MessageBarBody>{result.message}</MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <pre
                  className="share-code"
                  tabIndex={0}
                  aria-label={`${info.label} snippet`}
                  data-testid="snippet-code"
                >
                  {result?.code}
                </pre>
                <p className="share-hint">
                  Save as <code>{info.fileName}</code>; run: {info.run}.{' '}
                  {webhookUrl
                    ? 'The snippet contains your webhook URL: keep it out of source control and chats.'
                    : `Replace ${WEBHOOK_PLACEHOLDER} with your webhook URL.`}{' '}
                  It reports success only when Teams answers HTTP 200 with the body 1.
                </p>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              icon={<Copy20Regular />}
              disabled={!result?.ok}
              onClick={() => {
                if (!result?.ok) return;
                void copyText(result.code).then((error) => setCopied(error ?? `${info.label} snippet copied.`));
              }}
            >
              Copy {info.label}
            </Button>
            <Button onClick={close}>Close</Button>
          </DialogActions>
          <span className="visually-hidden" role="status" aria-live="polite">
            {copied}
          </span>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

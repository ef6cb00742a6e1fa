import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { SHARE_LINK_WARNING_CHARS, shareLinkFor } from '../../exchange/shareLink.ts';
import { copyText } from './actions.ts';

// Webhook URLs of Office 365 connectors and Workflows (reference section 7): a card that carries one
// in an action would hand the channel's credential to everyone who gets the link.
const WEBHOOK_LIKE =
  /webhook\.office\.com\/webhookb2\/|outlook\.office(365)?\.com\/webhook\/|\/workflows\/[0-9a-f]{32}\/triggers\//i;

export interface ShareDialogProps {
  open: boolean;
  text: string;
  onClose(): void;
  onCopied(ok: boolean, message?: string): void;
}

/** The share dialog: a link that carries the card in its fragment, its length, and a copy button. */
export function ShareDialog({ open, text, onClose, onCopied }: ShareDialogProps) {
  const link = useMemo(() => (open ? shareLinkFor(location.href, text) : undefined), [open, text]);
  const [copied, setCopied] = useState(false);
  const url = link?.ok ? link.fragment : '';
  const long = url.length > SHARE_LINK_WARNING_CHARS;
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => {
        if (!data.open) {
          setCopied(false);
          onClose();
        }
      }}
    >
      <DialogSurface aria-label="Share this card">
        <DialogBody>
          <DialogTitle>Share this card</DialogTitle>
          <DialogContent className="share-dialog-content">
            {link && !link.ok ? (
              <MessageBar intent="error">
                <MessageBarBody>{link.message}</MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <p>
                  The card is compressed into the link itself: nothing is uploaded, and whoever opens the link gets the
                  card as a new draft. The link holds only the card, never a webhook URL.
                </p>
                <Field
                  label="Link to this card"
                  hint={`${url.length.toLocaleString('en')} characters`}
                  validationState={long ? 'warning' : 'none'}
                  validationMessage={
                    long
                      ? `Longer than ${SHARE_LINK_WARNING_CHARS.toLocaleString('en')} characters: chat apps and some mail clients may cut it. For a card this size, share the downloaded .json file instead.`
                      : undefined
                  }
                >
                  <Textarea
                    readOnly
                    value={url}
                    resize="vertical"
                    className="share-link-text"
                    onFocus={(e) => e.currentTarget.select()}
                  />
                </Field>
                {WEBHOOK_LIKE.test(text) && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      The card itself contains what looks like a webhook URL. Anyone with the link can read it.
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              icon={<Copy20Regular />}
              disabled={!link?.ok}
              onClick={() =>
                void copyText(url).then((error) => {
                  setCopied(!error);
                  onCopied(!error, error);
                })
              }
            >
              {copied ? 'Link copied' : 'Copy link'}
            </Button>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import './ActionDialogs.css';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ActionDialog } from './context.ts';

function PostRequest({ dialog }: { dialog: Extract<ActionDialog, { kind: 'post' }> }) {
  const { request } = dialog;
  return (
    <>
      <p className="mc-dialog-note">
        Nothing was sent. When someone presses this button in Teams, <strong>Microsoft’s service</strong> (not the
        reader’s browser and not your webhook) makes this request to the target. It works only if the target is a public
        https endpoint that accepts Microsoft’s signed token; for cards posted through an incoming webhook Teams also
        requires the reader to have an Exchange Online licence, and a custom connector’s actions may work only in its
        own tenant. If it fails, Teams shows “There was a problem submitting your changes. Try again in a minute.”
      </p>
      <section aria-label="Request" className="mc-request" data-testid="http-request">
        <div className="mc-request-line">
          <span className="mc-request-method">{request.method}</span>{' '}
          <code className="mc-request-target">{request.target || '(no target)'}</code>
        </div>
        {!request.targetOk && (
          <p className="mc-request-warning" role="note">
            The target is not an https URL: Microsoft cannot post to it, so the button fails.
          </p>
        )}
        <table className="mc-request-headers">
          <caption>Headers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {request.headers.map((h, i) => (
              <tr key={i}>
                <td>
                  <code>{h.name}</code>
                </td>
                <td>
                  <code>{h.value}</code>
                </td>
                <td>{h.addedByService ? 'Microsoft adds it' : 'the card'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mc-request-content-type">
          Content type: <code>{request.contentType}</code>
        </div>
        <div className="mc-request-body-label">Body{dialog.inActionCard ? ' (with the values typed above)' : ''}</div>
        <pre className="mc-request-body" data-testid="http-request-body">
          {request.body || '(empty body)'}
        </pre>
        {request.unknownPlaceholders.length > 0 && (
          <p className="mc-request-warning" role="note">
            No input provides {request.unknownPlaceholders.map((id) => `{{${id}.value}}`).join(', ')}: it is sent as
            written.
          </p>
        )}
      </section>
    </>
  );
}

function OpenTargets({ dialog }: { dialog: Extract<ActionDialog, { kind: 'open' }> }) {
  return (
    <>
      <p className="mc-dialog-note">
        {dialog.action === 'ViewAction'
          ? 'A ViewAction opens the first URL of its target list.'
          : 'Teams opens the target of the reader’s platform; desktop and web use “default” (or the first target).'}{' '}
        Only http and https addresses can be opened.
      </p>
      <table className="mc-request-headers" aria-label="Targets">
        <thead>
          <tr>
            <th scope="col">OS</th>
            <th scope="col">URI</th>
          </tr>
        </thead>
        <tbody>
          {dialog.targets.map((t, i) => (
            <tr key={i} className={t === dialog.open ? 'is-default' : undefined}>
              <td>
                {t.os || '(none)'}
                {t === dialog.open ? ' — opened here' : ''}
              </td>
              <td>
                <code>{t.uri || '(empty)'}</code>
                {!t.safe && t.uri ? ' (not http(s): cannot be opened)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dialog.targets.length === 0 && <p className="mc-request-warning">This button has no target: it does nothing.</p>}
    </>
  );
}

/** The dialog a preview button opens: the request an HttpPOST would make, or the targets of a link. */
export function ActionDialogView({ dialog, onClose }: { dialog: ActionDialog | undefined; onClose(): void }) {
  const title =
    dialog?.kind === 'post'
      ? `“${dialog.name || 'Unnamed action'}” would send this request`
      : dialog?.kind === 'open'
        ? `“${dialog.name || 'Unnamed action'}” opens a link`
        : dialog?.kind === 'addin'
          ? `“${dialog.action.name || 'Unnamed action'}” runs an Outlook add-in`
          : '';
  const openUrl = dialog?.kind === 'open' ? dialog.open?.safe : undefined;
  return (
    <Dialog open={dialog !== undefined} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined} className="mc-dialog">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {dialog?.kind === 'post' && <PostRequest dialog={dialog} />}
            {dialog?.kind === 'open' && <OpenTargets dialog={dialog} />}
            {dialog?.kind === 'addin' && (
              <p className="mc-dialog-note">
                Outlook would run command <code>{dialog.action.commandId || '(none)'}</code> of add-in{' '}
                <code>{dialog.action.addInId || '(none)'}</code>. Teams does not draw this button.
              </p>
            )}
          </DialogContent>
          <DialogActions>
            {openUrl && (
              <Button
                appearance="primary"
                onClick={() => {
                  // A new tab with no way back to the designer; only http(s) gets here.
                  window.open(openUrl, '_blank', 'noopener,noreferrer');
                  onClose();
                }}
              >
                Open in a new tab
              </Button>
            )}
            <Button appearance={openUrl ? 'secondary' : 'primary'} onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

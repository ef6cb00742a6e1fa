import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, Eye20Regular, EyeOff20Regular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { maskUrl, recognizeWebhook, type WebhookInfo } from '../../webhook/kinds.ts';
import type { SendTarget } from '../../store/sendStore.ts';
import { useSend, useSendStore } from '../../store/hooks.ts';

const INTENT = { ok: 'info', warning: 'warning', error: 'error' } as const;

/** What the URL's kind means, as a message under the target. */
export function KindNote({ info }: { info: WebhookInfo }) {
  return (
    <MessageBar intent={INTENT[info.tone]} layout="multiline" className="send-kind" data-testid="target-kind">
      <MessageBarBody>
        <MessageBarTitle>{info.label}</MessageBarTitle>
        {info.notes.map((note) => (
          <span key={note} className="send-kind-note">
            {note}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

function AddTargetForm({ onDone }: { onDone(): void }) {
  const sendStore = useSendStore();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [remember, setRemember] = useState(false);
  const info = url.trim() ? recognizeWebhook(url, location.origin) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!info || info.kind === 'invalid') return;
    sendStore.getState().addTarget(name || info.label, url, remember);
    onDone();
  };
  return (
    <form className="send-add" onSubmit={submit} aria-label="Add a webhook target">
      <Field label="Name" hint="How this target appears in the list and the history.">
        <Input value={name} onChange={(_e, d) => setName(d.value)} placeholder="e.g. Ops channel" />
      </Field>
      <Field
        label="Webhook URL"
        hint="The URL is the webhook's only credential: it is masked once added and kept in this tab only, unless you tick Remember."
        validationState={info?.kind === 'invalid' ? 'error' : 'none'}
        validationMessage={info?.kind === 'invalid' ? info.notes[0] : undefined}
      >
        <Input
          value={url}
          onChange={(_e, d) => setUrl(d.value)}
          placeholder="https://….webhook.office.com/webhookb2/… or a Workflows URL"
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      {info && info.kind !== 'invalid' && <KindNote info={info} />}
      <Checkbox
        checked={remember}
        onChange={(_e, d) => setRemember(d.checked === true)}
        label="Remember on this device"
      />
      <div className="send-row">
        <Button type="submit" appearance="primary" disabled={!info || info.kind === 'invalid'}>
          Add target
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

/** The target list: pick one, add one, reveal its URL on demand, remember or forget it. */
export function TargetPicker({ target, info }: { target: SendTarget; info: WebhookInfo }) {
  const targets = useSend((s) => s.targets);
  const sendStore = useSendStore();
  const [adding, setAdding] = useState(false);
  const [revealed, setRevealed] = useState<string | undefined>(undefined);
  const selectId = useId();
  const urlId = useId();
  const shown = target.builtin || revealed === target.id ? target.url : maskUrl(target.url);

  if (adding) return <AddTargetForm onDone={() => setAdding(false)} />;
  return (
    <div className="send-target">
      <div className="send-row">
        <label htmlFor={selectId}>Target</label>
        <Select
          id={selectId}
          value={target.id}
          onChange={(_e, d) => {
            sendStore.getState().selectTarget(d.value);
            setRevealed(undefined);
          }}
        >
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
        <Button icon={<Add20Regular />} onClick={() => setAdding(true)}>
          Add target
        </Button>
        {!target.builtin && (
          <Button
            icon={<Delete20Regular />}
            onClick={() => sendStore.getState().removeTarget(target.id)}
            aria-label={`Remove the target ${target.name}`}
          />
        )}
      </div>
      <div className="send-row send-url">
        <span id={urlId} className="send-url-label">
          URL
        </span>
        <code className="send-url-text" aria-labelledby={urlId} data-testid="target-url">
          {shown}
        </code>
        {!target.builtin && (
          <Button
            size="small"
            appearance="subtle"
            icon={revealed === target.id ? <EyeOff20Regular /> : <Eye20Regular />}
            aria-pressed={revealed === target.id}
            onClick={() => setRevealed(revealed === target.id ? undefined : target.id)}
          >
            {revealed === target.id ? 'Hide' : 'Reveal'}
          </Button>
        )}
      </div>
      {!target.builtin && (
        <Checkbox
          checked={target.remember}
          onChange={(_e, d) => sendStore.getState().updateTarget(target.id, { remember: d.checked === true })}
          label="Remember on this device"
        />
      )}
      <KindNote info={info} />
    </div>
  );
}

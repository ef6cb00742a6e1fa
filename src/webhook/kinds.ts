/**
 * Webhook URLs: what kind of target a URL is, what that means for a card, and how to show it
 * without giving it away. A webhook URL is the only credential a sender needs, so the app shows it
 * masked and never writes it to history, share links or logs (reference/messagecard.md section 7).
 */
import type { HostProfile } from '../card/types.ts';

export type WebhookKind =
  | 'incoming-webhook'
  | 'legacy-connector'
  | 'workflows-logic-apps'
  | 'workflows-power-platform'
  | 'local-inbox'
  | 'local-workflows'
  | 'other'
  | 'invalid';

export interface WebhookInfo {
  kind: WebhookKind;
  /** A short name for the kind, e.g. `Teams incoming webhook`. */
  label: string;
  /** The rules profile a card for this target is checked against. */
  host: HostProfile;
  /** `error`: the proxy will refuse it or Teams will not deliver; `warning`: it may work, read the note. */
  tone: 'ok' | 'warning' | 'error';
  /** What the kind means for the card, in a sentence or two each. */
  notes: string[];
}

const WORKFLOWS_NOTE =
  "Workflows accepts a MessageCard and shows its title, text, sections and facts, but draws none of its buttons (no OpenUri, ActionCard or HttpPOST). It answers 202 at once; whether the card arrived shows only in the flow's run history.";

/** Name of the inbox path segment: `/api/inbox/NAME`. */
const INBOX_PATH = /^\/api\/inbox\/[A-Za-z0-9_-]{1,64}$/;
/** The designer's own Workflows webhook: `/api/workflows/NAME`. */
const LOCAL_WORKFLOWS_PATH = /^\/api\/workflows\/([A-Za-z0-9_-]{1,64})$/;

/** Whether targets of this kind are Workflows webhooks (they answer 202 and take Adaptive Cards). */
export function isWorkflowsKind(kind: WebhookKind): boolean {
  return kind === 'workflows-logic-apps' || kind === 'workflows-power-platform' || kind === 'local-workflows';
}

/**
 * The name of the designer's own Workflows webhook that `raw` points at (on `origin`), or undefined.
 * `http://127.0.0.1:5173/api/workflows/default` → `default`.
 */
export function localWorkflowsName(raw: string, origin: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    if (url.origin !== origin || url.search !== '' || url.username !== '') return undefined;
    return LOCAL_WORKFLOWS_PATH.exec(url.pathname)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Recognises a webhook URL. `inboxOrigin` is the designer's own origin (its local inbox lives there).
 * Checks the shape only; the server decides what it really forwards.
 */
export function recognizeWebhook(raw: string, inboxOrigin?: string): WebhookInfo {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      kind: 'invalid',
      label: 'Not a URL',
      host: 'teams',
      tone: 'error',
      notes: ['Paste the whole webhook URL, starting with https://'],
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      kind: 'invalid',
      label: 'Not a web address',
      host: 'teams',
      tone: 'error',
      notes: [`A webhook URL starts with https://, not ${url.protocol}`],
    };
  }
  if (inboxOrigin !== undefined && url.origin === inboxOrigin && INBOX_PATH.test(url.pathname)) {
    return {
      kind: 'local-inbox',
      label: 'Local connector inbox',
      host: 'teams',
      tone: 'ok',
      notes: [
        "The designer's own imitation of a retired Office 365 connector webhook: it answers exactly as a Teams incoming webhook did (200 with 1, or the error), and the Inbox tab shows what arrived. Useful to replay legacy cards; real channels now receive cards through Workflows.",
      ],
    };
  }
  if (inboxOrigin !== undefined && localWorkflowsName(url.href, inboxOrigin) !== undefined) {
    return {
      kind: 'local-workflows',
      label: 'Local Workflows webhook',
      host: 'workflows',
      tone: 'ok',
      notes: [
        "The designer's own Workflows webhook: like a flow's trigger it answers 202 with an empty body at once, whatever it receives, and then runs the flow. The Inbox tab shows each run as a flow's run history would: posted, posted but not displayable, or failed and why.",
      ],
    };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const insecure =
    url.protocol !== 'https:' ? ['Teams webhooks are https only: the proxy will not send this URL in the clear.'] : [];

  if (/^outlook\.office(365)?\.com$/.test(host)) {
    return {
      kind: 'legacy-connector',
      label: 'Retired connector URL',
      host: 'teams',
      tone: 'error',
      notes: [
        ...insecure,
        "outlook.office.com webhook URLs are the form used until early 2021; Microsoft has retired them and Teams no longer delivers to them. Create a Workflows webhook (or copy the connector's current URL).",
      ],
    };
  }
  if (/^([a-z0-9-]+\.)*webhook\.office\.com$/.test(host)) {
    const segments = url.pathname.split('/').filter(Boolean);
    const shaped = segments[0]?.toLowerCase() === 'webhookb2' && segments.length >= 5;
    const v2 = shaped && segments.length >= 6 && /^V2/i.test(segments[5] ?? '');
    const notes = [...insecure];
    if (!shaped)
      notes.push(
        'The path does not look like an incoming webhook (/webhookb2/…/IncomingWebhook/…); check that the whole URL was copied.',
      );
    else if (!v2)
      notes.push(
        'This URL has no trailing V2 segment: Microsoft required connector owners to update their URLs by 31 January 2025, and old ones stop delivering. Copy the current URL from the connector settings.',
      );
    notes.push(
      'Office 365 connectors in Teams are retired (Microsoft has been switching them off since 2025): if this one still answers, plan a move to Workflows.',
    );
    return {
      kind: 'incoming-webhook',
      label: v2 ? 'Teams incoming webhook (current URL form)' : 'Teams incoming webhook',
      host: 'teams',
      tone: insecure.length > 0 || !shaped ? 'error' : 'warning',
      notes,
    };
  }
  if (/^([a-z0-9-]+\.)+logic\.azure\.com$/.test(host)) {
    return {
      kind: 'workflows-logic-apps',
      label: 'Teams Workflows (logic.azure.com)',
      host: 'workflows',
      tone: insecure.length > 0 ? 'error' : 'warning',
      notes: [
        ...insecure,
        WORKFLOWS_NOTE,
        "Workflows trigger URLs on logic.azure.com were reported to stop working on 30 November 2025: if nothing arrives, copy the trigger's current URL (…environment.api.powerplatform.com) from the flow.",
      ],
    };
  }
  if (/^([a-z0-9-]+\.)+environment\.api\.powerplatform\.com$/.test(host)) {
    return {
      kind: 'workflows-power-platform',
      label: 'Teams Workflows',
      host: 'workflows',
      tone: insecure.length > 0 ? 'error' : 'ok',
      notes: [...insecure, WORKFLOWS_NOTE],
    };
  }
  return {
    kind: 'other',
    label: 'Not a Teams webhook host',
    host: 'teams',
    tone: 'warning',
    notes: [
      `${host} is not a Teams webhook host (*.webhook.office.com, *.logic.azure.com, *.environment.api.powerplatform.com). The proxy refuses it unless the server's WEBHOOK_ALLOW setting names its origin (${url.origin}).`,
    ],
  };
}

/**
 * The URL with its secret part hidden: the origin stays readable (it tells which tenant or flow
 * region), then the last four characters, so two targets can be told apart.
 * `https://contoso.webhook.office.com/••••••••3f9a`
 */
export function maskUrl(raw: string): string {
  const text = raw.trim();
  let origin: string;
  let rest: string;
  try {
    const url = new URL(text);
    origin = url.origin;
    rest = text.slice(text.indexOf(url.host) + url.host.length);
  } catch {
    origin = '';
    rest = text;
  }
  if (rest === '' || rest === '/') return origin + rest;
  const tail = rest.length > 12 ? rest.slice(-4) : '';
  return `${origin}/••••••••${tail}`;
}

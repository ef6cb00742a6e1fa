/**
 * What a webhook's answer means, in plain words. Teams' answers are easy to misread: most failures
 * come back as HTTP 200 with a text that names the real error, Workflows answers 202 before it has
 * done anything, and only a body of `1` means delivered (reference/messagecard.md section 7).
 */

/** What the proxy relays: the webhook's own answer. */
export interface WebhookAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body was longer than the proxy relays and was cut. */
  truncated: boolean;
}

/**
 * The result of one send, as the app keeps it: the webhook's answer, or the proxy's refusal or
 * failure (`code` and `message` from the server, shown as they are), and the time taken.
 */
export type SendResult =
  | { kind: 'answer'; answer: WebhookAnswer; elapsedMs: number }
  | { kind: 'refused'; httpStatus: number; code: string; message: string; elapsedMs?: number; answer?: WebhookAnswer };

export type OutcomeTone = 'success' | 'info' | 'warning' | 'error';

export interface Outcome {
  tone: OutcomeTone;
  /** Stable id, e.g. `delivered`, `delivery-failed-413`, `upstream-timeout`. */
  code: string;
  /** One line: what happened. */
  headline: string;
  /** What it means and what to do. */
  detail: string;
}

const WRAPPED = /Webhook message delivery failed.*?HTTP error (\d{3})/is;

/** The inner error of Teams' "Webhook message delivery failed" answers, explained. */
function innerFailure(code: number): string {
  switch (code) {
    case 400:
      return 'Teams accepted the request but refused the card itself (HTTP error 400): usually content it cannot draw, such as a field of the wrong type or an unsupported action. Check the problems list and try again.';
    case 413:
      return 'The card is too large for Teams (HTTP error 413). The limit is 28 KB, and MessageCards often fail above about 20 KB because Teams counts the HTML it renders. Shorten the text, fewer sections or images.';
    case 429:
      return 'Teams is throttling this webhook (HTTP error 429): too many messages in a short time (4 a second, 60 in 30 seconds, 100 an hour, 1,800 a day). Wait 10 to 15 seconds before sending again.';
    default:
      return code >= 500
        ? `Teams had an internal error while delivering the card (HTTP error ${code}). Nothing is wrong with the card as far as the answer says; try again in a minute.`
        : `Teams could not deliver the card (HTTP error ${code}).`;
  }
}

/** Explains a webhook's answer. */
export function explainAnswer(answer: Pick<WebhookAnswer, 'status' | 'body'>): Outcome {
  const { status } = answer;
  const body = answer.body.trim();
  if (status === 200) {
    if (/^\d+$/.test(body)) {
      return {
        tone: 'success',
        code: 'delivered',
        headline: 'Delivered',
        detail: `Teams accepted the card and posted it to the channel (it answered ${body}).`,
      };
    }
    const wrapped = WRAPPED.exec(body);
    if (wrapped) {
      const inner = Number(wrapped[1]);
      return {
        tone: 'error',
        code: `delivery-failed-${inner}`,
        headline: `Not delivered: Teams answered 200, but with error ${inner}`,
        detail: `${innerFailure(inner)} (Teams reports these failures with status 200 so that senders do not switch the webhook off.)`,
      };
    }
    return {
      tone: 'warning',
      code: 'unconfirmed',
      headline: 'Answered 200, but not with 1',
      detail:
        'Teams confirms a delivery by answering 1. This answer says something else, so the card may not have arrived: look at the raw answer.',
    };
  }
  if (status === 202) {
    return {
      tone: 'info',
      code: 'accepted',
      headline: 'Accepted by Workflows: not yet delivered',
      detail: `The flow accepted the request (202${body === '' ? ', empty body' : ''}). That is not a delivery: a Workflows trigger answers 202 before the flow runs, so this answer says nothing about the card. If the run fails, the failure shows only in the flow's run history (in Power Automate: My flows, the flow, its run history), for instance when the body has no "attachments", an attachment is not an Adaptive Card, the message is over 28 KB, or the card's version is above 1.4 (the run succeeds, but Teams shows "We're sorry, this card couldn't be displayed").`,
    };
  }
  if (status === 400) {
    if (/Summary or Text is required/i.test(body)) {
      return {
        tone: 'error',
        code: 'summary-or-text-required',
        headline: 'Refused: the card needs a summary or a text',
        detail: 'Teams answered "Summary or Text is required." and posted nothing. Add a "summary" to the card.',
      };
    }
    if (/Bad payload|JsonReaderException|parsing/i.test(body)) {
      return {
        tone: 'error',
        code: 'bad-payload',
        headline: 'Refused: Teams could not read the card',
        detail: 'Teams answered that the payload is not a card it can read (invalid JSON or the wrong shape).',
      };
    }
    return {
      tone: 'error',
      code: 'bad-request',
      headline: 'Refused (400 Bad Request)',
      detail: 'The webhook refused the card. Its answer below may say why.',
    };
  }
  if (status === 401 || status === 403) {
    return {
      tone: 'error',
      code: 'unauthorized',
      headline: `Refused (${status}): not allowed to trigger this webhook`,
      detail:
        'For Workflows, set "Who can trigger the flow" to "Anyone" so a plain POST with the URL\'s signature is enough; otherwise the URL or its signature is wrong.',
    };
  }
  if (status === 404) {
    return {
      tone: 'error',
      code: 'not-found',
      headline: 'No webhook at this URL (404)',
      detail:
        "The webhook does not exist: the URL is mistyped or cut short, or the webhook was deleted. Copy the URL again from the channel's connector or the flow's trigger.",
    };
  }
  if (status === 410) {
    return {
      tone: 'error',
      code: 'gone',
      headline: 'Webhook removed (410 Gone)',
      detail:
        "The webhook's connector configuration was removed from the channel (or the connector was retired). This URL will never work again: create a new webhook, preferably with Workflows.",
    };
  }
  if (status === 413) {
    return { tone: 'error', code: 'too-large', headline: 'Too large (413)', detail: innerFailure(413) };
  }
  if (status === 429) {
    return { tone: 'error', code: 'throttled', headline: 'Throttled (429)', detail: innerFailure(429) };
  }
  if (status >= 500) {
    return {
      tone: 'error',
      code: 'server-error',
      headline: `The webhook's server failed (${status})`,
      detail: 'The service behind the webhook had an error; the card may be fine. Try again in a minute.',
    };
  }
  return {
    tone: status >= 200 && status < 300 ? 'warning' : 'error',
    code: `http-${status}`,
    headline: `Unexpected answer (${status})`,
    detail: 'This is not one of the answers Teams gives. Look at the raw answer.',
  };
}

/** Explains a send result: the webhook's answer, or the proxy's own refusal or failure. */
export function explainResult(result: SendResult): Outcome {
  if (result.kind === 'answer') return explainAnswer(result.answer);
  switch (result.code) {
    case 'upstream-timeout':
      return { tone: 'error', code: result.code, headline: 'No answer in time', detail: result.message };
    case 'upstream-unreachable':
    case 'dns-failed':
    case 'proxy-unreachable':
      return { tone: 'error', code: result.code, headline: 'Network error', detail: result.message };
    case 'redirect-refused':
      return { tone: 'error', code: result.code, headline: 'Redirected: not followed', detail: result.message };
    default:
      return { tone: 'error', code: result.code, headline: 'The proxy refused to send', detail: result.message };
  }
}

/** `850 ms`, `1.2 s`. */
export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

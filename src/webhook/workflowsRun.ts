/**
 * Workflows runs and the Adaptive Card pre-flight. A Workflows webhook answers 202 before its flow
 * runs, so what happened to a card is known only from the flow's run: the designer's own Workflows
 * webhook (`server/workflows.js`) records each run as `GET /api/workflows/NAME` lists it, and this
 * module reads those runs and says what each means, beside the raw run-history text
 * (reference/messagecard.md section 8).
 */
import type { PreparedMessage } from './prepare.ts';
import { TEAMS_SIZE_LIMIT_BYTES, TEAMS_SIZE_WARNING_BYTES } from '../card/size.ts';
import { formatBytes } from '../lib/bytes.ts';

/** One card a run posted. */
export interface PostedCard {
  format: 'adaptive' | 'messagecard';
  card: unknown;
  /** False when Teams draws "We're sorry, this card couldn't be displayed" instead of the card. */
  shown: boolean;
}

/** One run of a local Workflows webhook, as the server lists it. */
export interface WorkflowsRun {
  id: string;
  receivedAt: number;
  status: 'Succeeded' | 'Failed';
  /** The run history's text for a failed run. */
  error?: string;
  /** The first card the run posted. */
  posted?: PostedCard;
  /** The other cards of a message with several attachments. */
  morePosted?: PostedCard[];
  /** The webhook's name, when several webhooks are listed together. */
  name?: string;
}

/** Teams' placeholder for an Adaptive Card it cannot display. */
export const NOT_DISPLAYED = "We're sorry, this card couldn't be displayed";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readPosted(value: unknown): PostedCard | undefined {
  if (!isRecord(value) || (value.format !== 'adaptive' && value.format !== 'messagecard')) return undefined;
  return { format: value.format, card: value.card, shown: value.shown !== false };
}

/** Reads the server's list of runs, dropping anything that is not a run. Never throws. */
export function readRuns(value: unknown): WorkflowsRun[] {
  if (!Array.isArray(value)) return [];
  const runs: WorkflowsRun[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.id !== 'string' || typeof item.receivedAt !== 'number') continue;
    if (item.status !== 'Succeeded' && item.status !== 'Failed') continue;
    const run: WorkflowsRun = { id: item.id, receivedAt: item.receivedAt, status: item.status };
    if (typeof item.error === 'string') run.error = item.error;
    const posted = readPosted(item.posted);
    if (posted) run.posted = posted;
    if (Array.isArray(item.morePosted)) {
      const more = item.morePosted.map(readPosted).filter((p): p is PostedCard => p !== undefined);
      if (more.length > 0) run.morePosted = more;
    }
    if (typeof item.name === 'string') run.name = item.name;
    runs.push(run);
  }
  return runs;
}

/** Every card a run posted, in order. */
export function postedCards(run: WorkflowsRun): PostedCard[] {
  return [...(run.posted ? [run.posted] : []), ...(run.morePosted ?? [])];
}

export interface RunExplanation {
  tone: 'success' | 'warning' | 'error';
  /** Stable id: `posted`, `posted-messagecard`, `not-displayed`, `posted-nothing`, `too-large`, `no-attachments`, … */
  code: string;
  headline: string;
  detail: string;
}

function versionOf(card: unknown): string {
  const version = isRecord(card) ? card.version : undefined;
  return typeof version === 'string' || typeof version === 'number' ? String(version) : '';
}

/** Says in plain words what a run did; the raw run-history text stays in `run.error`. */
export function explainRun(run: WorkflowsRun): RunExplanation {
  if (run.status === 'Failed') return explainFailure(run);
  const cards = postedCards(run);
  if (cards.length === 0) {
    return {
      tone: 'warning',
      code: 'posted-nothing',
      headline: 'The run succeeded but posted nothing',
      detail: 'The message\'s "attachments" list is empty, so the flow had no card to post.',
    };
  }
  const hidden = cards.filter((c) => !c.shown);
  if (hidden.length > 0) {
    const version = versionOf(hidden[0]!.card);
    return {
      tone: 'warning',
      code: 'not-displayed',
      headline: `Posted, but Teams shows "${NOT_DISPLAYED}"`,
      detail: `The run succeeded and the message is in the channel, but Teams cannot display ${hidden.length === cards.length ? 'the card' : `${hidden.length} of its ${cards.length} cards`}: ${version ? `Adaptive Card version ${version} is above 1.4, the highest that posts from Workflows display` : 'the card has no version Teams can read'}. Convert the card for version 1.4.`,
    };
  }
  if (cards[0]!.format === 'messagecard') {
    return {
      tone: 'success',
      code: 'posted-messagecard',
      headline: 'Posted as a MessageCard, without its buttons',
      detail:
        "The run succeeded: the channel shows the card's title, text, sections and facts as the flow bot's post, but none of its buttons. Send the Adaptive Card to keep the links as buttons.",
    };
  }
  return {
    tone: 'success',
    code: 'posted',
    headline:
      cards.length === 1 ? 'Posted: Teams shows the Adaptive Card' : `Posted: Teams shows all ${cards.length} cards`,
    detail: `The run succeeded: the flow bot posted ${cards.length === 1 ? 'the card' : 'each attachment'} to the channel.`,
  };
}

function explainFailure(run: WorkflowsRun): RunExplanation {
  const error = run.error ?? '';
  const partly = postedCards(run).length;
  const also = partly > 0 ? ` The message's other attachments were posted (${partly}).` : '';
  if (/payload is too large/i.test(error)) {
    return {
      tone: 'error',
      code: 'too-large',
      headline: 'Not posted: the message is over 28 KB',
      detail:
        'The flow refused the message because it is larger than 28 KB. Shorten the text, or use fewer sections, facts or images.',
    };
  }
  if (/Property selection is not supported on values of type 'String'/i.test(error)) {
    return {
      tone: 'error',
      code: 'not-json',
      headline: 'Not posted: the body is not JSON',
      detail:
        'The flow could not read the body as JSON, so it found no "attachments" to post. Send a JSON object: the Workflows message (type "message" with attachments) or a MessageCard.',
    };
  }
  if (/Property selection is not supported/i.test(error)) {
    return {
      tone: 'error',
      code: 'not-an-object',
      headline: 'Not posted: the body is not a JSON object',
      detail:
        'The flow reads "attachments" from the body, and this body is not an object (a list, a number or a string). Send the Workflows message or a MessageCard.',
    };
  }
  if (/'attachments'\]' is of type 'Null'/i.test(error)) {
    return {
      tone: 'error',
      code: 'no-attachments',
      headline: 'Not posted: the message has no "attachments"',
      detail:
        'The flow posts each entry of the body\'s "attachments", and this body has none. It is neither a Workflows message (type "message" with attachments holding Adaptive Cards) nor a MessageCard ("@type": "MessageCard"). Send the Adaptive Card envelope, which the designer converts for you.',
    };
  }
  if (/'attachments'\]' is of type/i.test(error)) {
    return {
      tone: 'error',
      code: 'attachments-not-a-list',
      headline: 'Not posted: "attachments" is not a list',
      detail:
        'The flow loops over "attachments", so it must be a JSON array of attachments, each with its card in "content".',
    };
  }
  if (/Property 'type' must be 'AdaptiveCard'/i.test(error)) {
    return {
      tone: 'error',
      code: 'not-adaptive',
      headline: 'Not posted: an attachment is not an Adaptive Card',
      detail: `Each attachment's "content" must be an Adaptive Card ("type": "AdaptiveCard"). A MessageCard inside the envelope is refused: send the MessageCard bare, or convert it to an Adaptive Card.${also}`,
    };
  }
  if (/Summary or Text is required/i.test(error)) {
    return {
      tone: 'error',
      code: 'summary-or-text-required',
      headline: 'Not posted: the MessageCard has neither summary nor text',
      detail: 'Teams refuses a MessageCard without a "summary" or a "text". Add a summary.',
    };
  }
  return {
    tone: 'error',
    code: 'failed',
    headline: 'The run failed',
    detail: `The flow stopped with the error below, as its run history shows it.${also}`,
  };
}

/** One finding of the pre-flight for the Adaptive Card a Workflows send posts. */
export interface AdaptivePreflightIssue {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/**
 * The pre-flight of the converted Adaptive Card in its Workflows message: the version Workflows posts
 * display (1.4 or lower), the size, what the conversion had to leave out.
 */
export function adaptivePreflight(prepared: PreparedMessage): AdaptivePreflightIssue[] {
  const issues: AdaptivePreflightIssue[] = [];
  const cards = prepared.message.attachments.map((a) => a.content);
  for (const card of cards) {
    const [major, minor] = String(card.version).split('.').map(Number);
    if (major !== 1 || minor === undefined || !(minor <= 4)) {
      issues.push({
        severity: 'error',
        code: 'adaptive-version',
        message: `Adaptive Card ${card.version}: a flow posts it, but Teams shows "${NOT_DISPLAYED}" in its place. Choose version 1.4 or lower.`,
      });
    }
  }
  if (prepared.bytes > TEAMS_SIZE_LIMIT_BYTES) {
    issues.push({
      severity: 'error',
      code: 'adaptive-too-large',
      message: `The message is ${formatBytes(prepared.bytes)}, over the 28 KB a flow takes: its run fails with "The payload is too large".`,
    });
  } else if (prepared.bytes > TEAMS_SIZE_WARNING_BYTES) {
    issues.push({
      severity: 'warning',
      code: 'adaptive-large',
      message: `The message is ${formatBytes(prepared.bytes)}: Teams counts 28 KB after processing, so messages over about 20 KB can fail.`,
    });
  }
  return issues;
}

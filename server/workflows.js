/**
 * The local Workflows webhook: a stand-in for a Teams flow built on "When a Teams webhook request is
 * received" and the template "Post to a channel when a webhook request is received", which loops over
 * the body's `attachments` and posts each one as the flow bot (reference/messagecard.md section 8).
 *
 * Like the real trigger it answers 202 with an empty body before anything is checked, so the sender
 * learns nothing from the answer; the "run" is recorded beside it, with the outcome and the text a
 * flow's run history shows for it, for the app's Inbox to read.
 *
 * Outcomes (section 8 and the issues it cites):
 * - over 28 KB: the run fails with "The payload is too large. Please make sure the size is less than 28KB.";
 * - a body that is not JSON (or JSON that is not an object): the run fails, because the loop cannot select
 *   `attachments` from it. The reference reports no run-history text for this case; the text below is
 *   the expression-language error Power Automate gives for selecting a property of a string, so it is
 *   modelled, not observed;
 * - no `attachments`: a MessageCard (`"@type": "MessageCard"`) is posted as it is, without its buttons
 *   (and fails like the connector did when it has neither `summary` nor `text`); any other body fails with
 *   "... '@triggerOutputs()?['body']?['attachments']' is of type 'Null'";
 * - each attachment whose content is not an Adaptive Card fails with "Property 'type' must be 'AdaptiveCard'"
 *   (the loop's other attachments are still posted, as a for-each's iterations are independent);
 * - an Adaptive Card above version 1.4 (or without a version) is posted, but Teams draws "We're sorry,
 *   this card couldn't be displayed" in its place (`shown: false`).
 */
import { randomBytes } from 'node:crypto';
import { INBOX_SIZE_LIMIT } from './inbox.js';
import { createMemoryStore } from './state/memory.js';

/** The highest Adaptive Card version a Workflows post displays (1.5 shows "couldn't be displayed"). */
export const WORKFLOWS_MAX_VERSION = 1.4;

/** The run-history texts of the failures this webhook reproduces. */
export const RUN_ERRORS = {
  tooLarge: 'The payload is too large. Please make sure the size is less than 28KB.',
  /** @param {string} type the expression language's name for the value's type */
  notAnArray: (type) =>
    `ExpressionEvaluationFailed. The execution of template action 'Send_each_adaptive_card' failed: the result of the evaluation of 'foreach' expression '@triggerOutputs()?['body']?['attachments']' is of type '${type}'. The result must be a valid array.`,
  /** @param {string} type */
  notAnObject: (type) =>
    `InvalidTemplate. Unable to process template language expressions in action 'Send_each_adaptive_card' inputs at line '0' and column '0': 'The template language expression 'triggerOutputs()?['body']?['attachments']' cannot be evaluated because property 'attachments' cannot be selected. Property selection is not supported on values of type '${type}'.'`,
  notAdaptive: "Property 'type' must be 'AdaptiveCard'",
  summaryOrText: 'Summary or Text is required.',
};

/**
 * @typedef {{ format: 'adaptive' | 'messagecard', card: unknown, shown: boolean }} Posted
 * @typedef {{
 *   id: string,
 *   receivedAt: number,
 *   status: 'Succeeded' | 'Failed',
 *   error?: string,
 *   posted?: Posted,
 *   morePosted?: Posted[],
 * }} Run
 *   `posted` is the first card the run posted; a message with several attachments lists the others in
 *   `morePosted`, in order.
 * @typedef {Run & { name: string }} NamedRun
 */

/** @param {unknown} value */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} value */
const present = (value) => typeof value === 'string' && value !== '';

/**
 * The expression language's name for a JSON value's type, as its errors print it.
 * @param {unknown} value
 */
function typeName(value) {
  if (value === null || value === undefined) return 'Null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  return 'Object';
}

/**
 * Whether Teams displays an Adaptive Card of this version posted by a flow: 1.4 and lower do, 1.5 shows
 * "We're sorry, this card couldn't be displayed", and so does a card without a readable version.
 * @param {unknown} version
 */
export function versionShown(version) {
  const text = typeof version === 'number' ? String(version) : version;
  if (typeof text !== 'string') return false;
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(text);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major === 1 && minor <= Math.round((WORKFLOWS_MAX_VERSION - 1) * 10);
}

/**
 * What the flow does with one attachment: the card it posts, or the run-history error.
 * @param {unknown} attachment
 * @returns {{ posted: Posted } | { error: string }}
 */
function postAttachment(attachment) {
  /** @type {unknown} */
  let content = isObject(attachment) ? /** @type {Record<string, unknown>} */ (attachment).content : undefined;
  // The posting action takes the card as text, so content written as a JSON string works as well.
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content);
    } catch {
      return { error: RUN_ERRORS.notAdaptive };
    }
  }
  if (!isObject(content) || /** @type {Record<string, unknown>} */ (content).type !== 'AdaptiveCard') {
    return { error: RUN_ERRORS.notAdaptive };
  }
  const card = /** @type {Record<string, unknown>} */ (content);
  return { posted: { format: 'adaptive', card, shown: versionShown(card.version) } };
}

/**
 * Runs the flow on a request body: the outcome a run history would show. Pure.
 * @param {Buffer} body the raw request body
 * @param {boolean} [overflowed] the body was longer than what was read
 * @returns {Omit<Run, 'id' | 'receivedAt'>}
 */
export function runFlow(body, overflowed = false) {
  if (overflowed || body.length > INBOX_SIZE_LIMIT) return { status: 'Failed', error: RUN_ERRORS.tooLarge };
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    // The trigger keeps a body it cannot parse as text, and text has no `attachments` to select.
    return { status: 'Failed', error: RUN_ERRORS.notAnObject('String') };
  }
  if (value === null) return { status: 'Failed', error: RUN_ERRORS.notAnArray('Null') };
  if (!isObject(value)) return { status: 'Failed', error: RUN_ERRORS.notAnObject(typeName(value)) };
  const message = /** @type {Record<string, unknown>} */ (value);
  const attachments = message.attachments;

  if (attachments === undefined || attachments === null) {
    const type = message['@type'];
    if (typeof type === 'string' && type.toLowerCase() === 'messagecard') {
      if (!present(message.summary) && !present(message.text)) {
        return { status: 'Failed', error: RUN_ERRORS.summaryOrText };
      }
      return { status: 'Succeeded', posted: { format: 'messagecard', card: message, shown: true } };
    }
    return { status: 'Failed', error: RUN_ERRORS.notAnArray('Null') };
  }
  if (!Array.isArray(attachments)) return { status: 'Failed', error: RUN_ERRORS.notAnArray(typeName(attachments)) };

  /** @type {Posted[]} */
  const posted = [];
  /** @type {string | undefined} */
  let error;
  for (const attachment of attachments) {
    const outcome = postAttachment(attachment);
    if ('posted' in outcome) posted.push(outcome.posted);
    else error ??= outcome.error;
  }
  /** @type {Omit<Run, 'id' | 'receivedAt'>} */
  const run = { status: error === undefined ? 'Succeeded' : 'Failed' };
  if (error !== undefined) run.error = error;
  if (posted[0]) run.posted = posted[0];
  if (posted.length > 1) run.morePosted = posted.slice(1);
  return run;
}

/**
 * Creates the local Workflows webhooks' runs on a state store (by default its own memory store), with
 * the local inbox's bounds (names, runs per name). With a shared store (Redis), every instance of the
 * server records into and lists the same runs.
 * @param {{ now?: () => number, store?: import('./state/store.js').StateStore }} [options]
 */
export function createWorkflows(options = {}) {
  const now = options.now ?? Date.now;
  const store = options.store ?? createMemoryStore({ now });
  const instance = randomBytes(3).toString('hex');
  let seq = 0;

  return {
    /**
     * Takes one POST to the trigger: records the run and returns the trigger's answer, 202 with an
     * empty body whatever happened.
     * @param {string} name the webhook name from the path
     * @param {Buffer} body
     * @param {boolean} [overflowed]
     * @returns {Promise<{ status: number, headers: Record<string, string>, body: string, run: Run }>}
     */
    async receive(name, body, overflowed = false) {
      const at = now();
      const id = `${at.toString(36)}-${(seq++).toString(36).padStart(8, '0')}-${instance}`;
      /** @type {Run} */
      const run = { id, receivedAt: at, ...runFlow(body, overflowed) };
      await store.push('workflows', name, run);
      return { status: 202, headers: {}, body: '', run };
    },

    /**
     * One webhook's runs, newest first.
     * @param {string} name
     * @returns {Promise<Run[]>}
     */
    async runs(name) {
      return /** @type {Run[]} */ (await store.list('workflows', name));
    },

    /**
     * Every webhook's runs, newest first, each with its webhook's name.
     * @returns {Promise<NamedRun[]>}
     */
    async all() {
      /** @type {NamedRun[]} */
      const all = [];
      for (const { name, entries } of await store.lists('workflows')) {
        for (const run of /** @type {Run[]} */ (entries)) all.push({ name, ...run });
      }
      return all.sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : -1));
    },

    /**
     * Forgets one webhook's runs, or every webhook's.
     * @param {string} [name]
     */
    async clear(name) {
      await store.clear('workflows', name);
    },
  };
}

/** @typedef {ReturnType<typeof createWorkflows>} Workflows */

/**
 * `messagecard send`: posts a card straight to a webhook (no proxy: the command runs where the
 * pipeline runs) and explains the answer in the same words as the designer's send drawer
 * (`explainAnswer`, `explainResult`). The webhook URL is a secret: it comes from `--url` or
 * `TEAMS_WEBHOOK_URL` and is only ever printed masked.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { version } from '../package.json';
import { analyze } from '../src/card/analyze.ts';
import { countButtons, prepareWorkflowsMessage, sendFormatFor, type SendFormat } from '../src/webhook/prepare.ts';
import { workflowsEnvelope } from '../src/adaptive/convert.ts';
import { DEFAULT_ADAPTIVE_VERSION, type AdaptiveCardJson } from '../src/adaptive/types.ts';
import { formatBytes, utf8Length } from '../src/lib/bytes.ts';
import { explainAnswer, explainResult, formatElapsed, type Outcome } from '../src/webhook/answers.ts';
import { maskUrl, recognizeWebhook, type WebhookInfo } from '../src/webhook/kinds.ts';
import { EXIT, oneLine, parseArgs, PROGRAM, readCardFile, usageError, type CliIo, type Command } from './command.ts';

/** The environment variable that holds the webhook URL when `--url` is not given. */
export const URL_VARIABLE = 'TEAMS_WEBHOOK_URL';
/** How long a send waits for the whole answer by default, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
const MAX_TIMEOUT_SECONDS = 300;
/** The most of an answer's body that is read and shown (Teams' answers are a few hundred bytes). */
const ANSWER_LIMIT = 64 * 1024;
const SHOWN_ANSWER = 500;

const FORMATS: readonly SendFormat[] = ['messagecard', 'adaptive'];

const HELP = `Usage: ${PROGRAM} send [--format messagecard|adaptive] [--url URL] [--timeout SECONDS] FILE

Posts the card in FILE (- reads standard input) to a Teams webhook, directly (no proxy), and
prints the webhook's answer explained in the designer's words. FILE is a MessageCard, or an
Adaptive Card or Workflows message (the output of '${PROGRAM} convert'), which is sent as it is. The URL comes from --url or
the ${URL_VARIABLE} environment variable (safer: it stays out of the shell history and the
process list); it is printed only masked, e.g. https://contoso.webhook.office.com/••••••••V2ab.

Options:
  --format F      messagecard: post the card as written;
                  adaptive: convert it to an Adaptive Card ${DEFAULT_ADAPTIVE_VERSION} and post it in the Workflows
                  message envelope {"type":"message","attachments":[...]}.
                  Default: adaptive for a Workflows URL (Workflows draws no button of a
                  MessageCard), messagecard for any other URL.
  --url URL       the webhook URL (default: $${URL_VARIABLE})
  --timeout S     give up when the whole answer has not arrived after S seconds
                  (default ${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS})
  -h, --help      show this help

Redirects are not followed: a webhook URL does not redirect.

Exit status: 0 when the webhook confirmed the card (200 with a count such as 1, or 202 from
Workflows, which only means the flow accepted it: a failure inside the flow shows in its run
history); 1 when the card was not delivered (an error status, Teams' "Webhook message
delivery failed" answers with status 200, no answer in time, a network error); 2 for a usage
error: no URL, a wrong option, a FILE that cannot be read or is not a JSON object.
`;

/** The `send` entry of the command table. */
export const sendCommand: Command = {
  summary: 'post a card to a Teams webhook (Workflows or connector) and explain the answer',
  help: HELP,
  run: send,
};

interface Options {
  format: SendFormat | undefined;
  url: string | undefined;
  timeoutMs: number;
  file: string;
}

/** What a send will do for a URL: the kind of target, and the format it posts. */
export interface SendPlan {
  info: WebhookInfo;
  format: SendFormat;
}

/**
 * The target and format of a send: the format asked for, or the app's default for the URL's kind
 * (the Adaptive Card envelope for Workflows, the card as written elsewhere).
 */
export function planSend(url: string, chosen: SendFormat | undefined): SendPlan {
  const info = recognizeWebhook(url, loopbackOrigin(url));
  return { info, format: sendFormatFor(info.kind, chosen) ?? chosen ?? 'messagecard' };
}

/**
 * The origin of a URL on this machine, so that the designer's own test webhooks
 * (`http://127.0.0.1:5173/api/workflows/NAME`, `/api/inbox/NAME`) are recognised as such.
 */
function loopbackOrigin(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i.test(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The webhook's answer, or why there is none. */
export type PostResult =
  | { kind: 'answer'; status: number; body: string; truncated: boolean; elapsedMs: number }
  | { kind: 'failed'; code: 'upstream-timeout' | 'upstream-unreachable' | 'dns-failed'; message: string };

async function send(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, io);
  if (typeof options === 'number') return options;

  const raw = (options.url ?? io.env?.[URL_VARIABLE] ?? '').trim();
  if (raw === '') {
    return usageError(`send needs a webhook URL: --url URL, or the ${URL_VARIABLE} environment variable`, io, 'send');
  }
  const plan = planSend(raw, options.format);
  if (plan.info.kind === 'invalid') {
    return usageError(`the webhook URL is not usable: ${plan.info.notes.join(' ')}`, io, 'send');
  }
  const url = new URL(raw);
  const local = plan.info.kind === 'local-inbox' || plan.info.kind === 'local-workflows';
  if (url.protocol !== 'https:' && plan.info.kind !== 'other' && !local) {
    return usageError(
      `${maskUrl(raw)} is a Teams webhook over http: Teams webhooks are https only, and the URL would travel in the clear`,
      io,
      'send',
    );
  }

  const { name, text } = await readCardFile(options.file, io);
  if (text === undefined) return EXIT.usage;
  const analysis = analyze(text, { host: plan.info.host });
  if (!analysis.parsed.ok) {
    const first = analysis.issues[0];
    const where = first ? ` (line ${first.line}, column ${first.column}: ${oneLine(first.message)})` : '';
    return usageError(`${name} is not valid JSON${where}; nothing was sent`, io, 'send');
  }
  if (!analysis.card) return usageError(`${name} is not a card: a card is a JSON object; nothing was sent`, io, 'send');
  const card = analysis.card;

  let payload: string;
  let what: string;
  if (card.type === 'message' && Array.isArray(card.attachments)) {
    // Already a Workflows message (`convert --envelope`): sent as written, whatever the format.
    payload = JSON.stringify(analysis.parsed.value);
    what = 'as written (it is already a Workflows message)';
  } else if (card.type === 'AdaptiveCard') {
    payload = JSON.stringify(workflowsEnvelope(card as unknown as AdaptiveCardJson));
    what = 'as the Adaptive Card it holds, in the Workflows envelope';
  } else if (plan.format === 'adaptive') {
    const prepared = prepareWorkflowsMessage(card, DEFAULT_ADAPTIVE_VERSION);
    payload = JSON.stringify(prepared.message);
    const lost = prepared.notes.filter((note) => note.kind === 'lost').length;
    what = `as an Adaptive Card ${DEFAULT_ADAPTIVE_VERSION} in the Workflows envelope`;
    if (prepared.notes.length > 0) {
      io.stderr(
        `${PROGRAM}: the conversion made ${prepared.notes.length} note${prepared.notes.length === 1 ? '' : 's'}, ${lost} about something lost ('${PROGRAM} convert --to adaptive ${name === '<stdin>' ? '-' : name}' lists them)\n`,
      );
    }
  } else {
    payload = JSON.stringify(analysis.parsed.value);
    what = 'as a MessageCard';
    for (const issue of analysis.issues.filter((i) => i.severity === 'error')) {
      io.stderr(`${name}:${issue.line}:${issue.column}  error  ${issue.rule}  ${oneLine(issue.message)}\n`);
    }
    const buttons = countButtons(card);
    if (plan.info.host === 'workflows' && buttons > 0) {
      io.stderr(
        `${PROGRAM}: Workflows draws none of this card's ${buttons} button${buttons === 1 ? '' : 's'}; --format adaptive converts them where it can\n`,
      );
    }
  }
  const bytes = utf8Length(payload);
  io.stderr(`${PROGRAM}: sending ${name} ${what} (${formatBytes(bytes)}) to ${maskUrl(raw)} (${plan.info.label})\n`);
  if (bytes > 28 * 1024) {
    io.stderr(`${PROGRAM}: the message is over Teams' 28 KB limit; expect it to be refused\n`);
  }

  const result = await postJson(url, payload, options.timeoutMs);
  const scrub = (message: string) => hideUrl(message, raw);
  let outcome: Outcome;
  let headline: string;
  if (result.kind === 'answer') {
    if (result.status >= 300 && result.status < 400) {
      outcome = explainResult({
        kind: 'refused',
        httpStatus: result.status,
        code: 'redirect-refused',
        message: `The webhook answered with a redirect (${result.status}), which was not followed: a webhook URL does not redirect, so the URL is probably wrong or out of date.`,
      });
    } else {
      outcome = explainAnswer(result);
    }
    headline = `${outcome.headline} (HTTP ${result.status}, ${formatElapsed(result.elapsedMs)})`;
  } else {
    outcome = explainResult({ kind: 'refused', httpStatus: 0, code: result.code, message: result.message });
    headline = outcome.headline;
  }
  io.stdout(`${scrub(headline)}\n${scrub(outcome.detail)}\n`);
  if (result.kind === 'answer') {
    const body = result.body.trim();
    if (body !== '' && !(outcome.code === 'delivered' && /^\d+$/.test(body))) {
      const shown = oneLine(scrub(body));
      const cut = shown.length > SHOWN_ANSWER || result.truncated;
      io.stdout(`Answer: ${shown.slice(0, SHOWN_ANSWER)}${cut ? '…' : ''}\n`);
    }
  }
  return outcome.code === 'delivered' || outcome.code === 'accepted' ? EXIT.ok : EXIT.failed;
}

function parseOptions(args: readonly string[], io: CliIo): Options | number {
  const parsed = parseArgs(
    args,
    {
      command: 'send',
      help: HELP,
      values: {
        '--format': FORMATS.join(' or '),
        '--url': 'the webhook URL',
        '--timeout': 'seconds',
      },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const format = parsed.values.get('--format');
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    return usageError(`unknown format '${format}' (formats: ${FORMATS.join(', ')})`, io, 'send');
  }
  const timeoutText = parsed.values.get('--timeout');
  const timeout = timeoutText === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_SECONDS || timeoutText?.trim() === '') {
    return usageError(`--timeout takes a number of seconds above 0, at most ${MAX_TIMEOUT_SECONDS}`, io, 'send');
  }
  if (parsed.files.length !== 1) {
    return usageError(
      parsed.files.length === 0 ? 'send needs a FILE (or - for standard input)' : 'send takes one FILE at a time',
      io,
      'send',
    );
  }
  return {
    format: format as SendFormat | undefined,
    url: parsed.values.get('--url'),
    timeoutMs: Math.round(timeout * 1000),
    file: parsed.files[0]!,
  };
}

/** Replaces the webhook URL, and its secret part on its own, wherever a message repeats it. */
function hideUrl(message: string, raw: string): string {
  const masked = maskUrl(raw);
  let text = message.split(raw).join(masked);
  try {
    const url = new URL(raw);
    const secret = url.pathname + url.search;
    if (secret.length > 8) text = text.split(secret).join(masked.slice(url.origin.length));
    const query = url.search.slice(1);
    if (query.length > 8) text = text.split(query).join('••••••••');
  } catch {
    // not a URL: nothing more to hide
  }
  return text;
}

/**
 * POSTs JSON to `url` and reads the answer (up to 64 KB), within `timeoutMs` for the whole
 * exchange. Follows no redirect; never rejects.
 */
export function postJson(url: URL, payload: string, timeoutMs: number): Promise<PostResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const body = Buffer.from(payload, 'utf8');
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(body.length),
        'user-agent': `${PROGRAM}/${version}`,
        connection: 'close',
      },
    });
    const timer = setTimeout(() => {
      finish({
        kind: 'failed',
        code: 'upstream-timeout',
        message: `The webhook did not answer within ${formatElapsed(timeoutMs)}, so the command stopped waiting. The card may still arrive; check the channel (or the flow's run history) before sending it again.`,
      });
      request.destroy();
    }, timeoutMs);
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean) =>
        finish({
          kind: 'answer',
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).subarray(0, ANSWER_LIMIT).toString('utf8'),
          truncated,
          elapsedMs: Date.now() - started,
        });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > ANSWER_LIMIT) {
          done(true);
          response.destroy();
        }
      });
      response.on('end', () => done(false));
      response.on('error', () => done(true));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish(networkFailure(error, url)));
    request.end(body);
  });
}

function networkFailure(error: NodeJS.ErrnoException, url: URL): PostResult {
  const where = url.host;
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        kind: 'failed',
        code: 'dns-failed',
        message: `The name ${url.hostname} could not be resolved (DNS): check the URL and the network.`,
      };
    case 'ECONNREFUSED':
      return { kind: 'failed', code: 'upstream-unreachable', message: `${where} refused the connection.` };
    case 'ECONNRESET':
      return {
        kind: 'failed',
        code: 'upstream-unreachable',
        message: `${where} closed the connection before answering; the card may or may not have arrived.`,
      };
    default:
      return {
        kind: 'failed',
        code: 'upstream-unreachable',
        message: `Could not reach ${where}: ${error.code ?? error.message}.`,
      };
  }
}

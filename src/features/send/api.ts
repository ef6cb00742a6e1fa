import type { SendResult, WebhookAnswer } from '../../webhook/answers.ts';
import { readRuns, type WorkflowsRun } from '../../webhook/workflowsRun.ts';

/** One card that arrived in the local inbox, as `GET /api/inbox` lists it. */
export interface InboxItem {
  id: string;
  name: string;
  receivedAt: number;
  bytes: number;
  card: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function asAnswer(value: unknown): WebhookAnswer | undefined {
  if (!isRecord(value) || typeof value.status !== 'number') return undefined;
  const headers: Record<string, string> = {};
  if (isRecord(value.headers)) {
    for (const [key, v] of Object.entries(value.headers)) if (typeof v === 'string') headers[key] = v;
  }
  return {
    status: value.status,
    headers,
    body: typeof value.body === 'string' ? value.body : '',
    truncated: value.truncated === true,
  };
}

/**
 * Posts a card through the designer's proxy (`POST /api/send`) and reads what came back: the
 * webhook's own answer, or the proxy's refusal. Never throws.
 */
export async function postCard(url: string, payload: unknown): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let response: Response;
  try {
    response = await fetch('/api/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url, payload }),
    });
  } catch {
    return {
      kind: 'refused',
      httpStatus: 0,
      code: 'proxy-unreachable',
      message:
        "The designer's own server did not answer. Sending needs it running (npm run dev, npm run preview or npm start).",
      elapsedMs: elapsed(),
    };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (!isRecord(json)) {
    return {
      kind: 'refused',
      httpStatus: response.status,
      code: 'proxy-missing',
      message: `The server answered ${response.status} without the proxy: this copy of the designer is served without its /api (a static host). Run it with npm start.`,
      elapsedMs: elapsed(),
    };
  }
  const elapsedMs = typeof json.elapsedMs === 'number' ? json.elapsedMs : elapsed();
  const answer = asAnswer(json.upstream);
  if (response.ok && answer) return { kind: 'answer', answer, elapsedMs };
  return {
    kind: 'refused',
    httpStatus: response.status,
    code: typeof json.code === 'string' ? json.code : `http-${response.status}`,
    message: typeof json.message === 'string' ? json.message : `The proxy answered ${response.status}.`,
    elapsedMs,
    ...(answer ? { answer } : {}),
  };
}

/** What arrived in the local inbox, newest first. */
export async function fetchInbox(): Promise<InboxItem[]> {
  const response = await fetch('/api/inbox', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The inbox answered ${response.status}.`);
  const json: unknown = await response.json();
  if (!isRecord(json) || !Array.isArray(json.items)) throw new Error('The inbox answered something unexpected.');
  return json.items.filter(
    (item): item is InboxItem =>
      isRecord(item) &&
      typeof item.id === 'string' &&
      typeof item.name === 'string' &&
      typeof item.receivedAt === 'number',
  );
}

/** Empties the local inbox. */
export async function clearInbox(): Promise<void> {
  const response = await fetch('/api/inbox', { method: 'DELETE' });
  if (!response.ok) throw new Error(`The inbox answered ${response.status}.`);
}

/** The runs of the local Workflows webhook `name`, or of every local Workflows webhook, newest first. */
export async function fetchRuns(name?: string): Promise<WorkflowsRun[]> {
  const path = name === undefined ? '/api/workflows' : `/api/workflows/${encodeURIComponent(name)}`;
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The Workflows webhook answered ${response.status}.`);
  return readRuns(await response.json());
}

/** Forgets the runs of every local Workflows webhook. */
export async function clearRuns(): Promise<void> {
  const response = await fetch('/api/workflows', { method: 'DELETE' });
  if (!response.ok) throw new Error(`The Workflows webhook answered ${response.status}.`);
}

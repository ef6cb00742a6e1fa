import { analyze, type Analysis } from '../card/analyze.ts';
import type { HostProfile } from '../card/types.ts';
import type { AnalysisReply, AnalysisRequest } from './analysis.worker.ts';

/**
 * Texts at least this long are analysed in a worker. Teams refuses cards over 28 KB, so anything near
 * this size is a paste gone wrong, and the tab must stay responsive while it is examined.
 */
export const OFF_THREAD_CHARS = 200_000;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { text: string; resolve: (analysis: Analysis) => void }>();

function getWorker(): Worker | undefined {
  if (worker || typeof Worker === 'undefined') return worker;
  worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
    const entry = waiting.get(event.data.id);
    if (!entry) return;
    waiting.delete(event.data.id);
    const { result } = event.data;
    // The worker leaves out the syntax tree (large, and full of parent links); positions of issues
    // are already resolved, and locating the cursor in a text this large is not offered.
    entry.resolve({ ...result, parsed: { ...result.parsed, text: entry.text, root: undefined } });
  };
  return worker;
}

/** Analyses a text without blocking the main thread (falls back to a later task where workers do not exist). */
export function analyzeOffThread(text: string, host: HostProfile): Promise<Analysis> {
  const target = getWorker();
  if (!target) return new Promise((resolve) => setTimeout(() => resolve(analyze(text, { host })), 0));
  const id = ++nextId;
  // Only the newest request matters; older ones are answered but ignored by the store.
  return new Promise((resolve) => {
    waiting.set(id, { text, resolve });
    const request: AnalysisRequest = { id, text, host };
    target.postMessage(request);
  });
}

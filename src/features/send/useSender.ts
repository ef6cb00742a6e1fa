import { useCallback, useEffect, useRef, useState } from 'react';
import { rateLimitWait, type RateWindow } from '../../webhook/rateLimit.ts';
import { explainResult } from '../../webhook/answers.ts';
import type { SendTarget } from '../../store/sendStore.ts';
import { useSendStore } from '../../store/hooks.ts';
import { postCard } from './api.ts';

/** One card to send to one target. */
export interface SendJob {
  target: SendTarget;
  /** The parsed card: what is posted (the proxy writes it as compact UTF-8 JSON). */
  card: unknown;
  /** The text as the user wrote it, kept in the history to reopen. */
  cardText: string;
  title: string;
  sizeBytes: number;
}

export type SenderState =
  | { phase: 'idle' }
  | { phase: 'waiting'; job: SendJob; waitMs: number; window: RateWindow | undefined }
  | { phase: 'sending'; job: SendJob };

/**
 * Sends cards, and waits out Teams' rate limit for a target instead of sending a card Teams would
 * throttle: the send is held with a countdown and goes by itself when the window opens, unless
 * cancelled.
 */
export function useSender() {
  const sendStore = useSendStore();
  const [state, setState] = useState<SenderState>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  const stopTimer = () => {
    if (timer.current !== undefined) clearInterval(timer.current);
    timer.current = undefined;
  };
  useEffect(() => stopTimer, []);

  const deliver = useCallback(
    async (job: SendJob) => {
      setState({ phase: 'sending', job });
      const at = Date.now();
      sendStore.getState().noteSent(job.target.id, at);
      const result = await postCard(job.target.url, job.card);
      const outcome = explainResult(result);
      const { setLast, addHistory } = sendStore.getState();
      setLast({ targetId: job.target.id, targetName: job.target.name, at, result });
      addHistory({
        at,
        targetId: job.target.id,
        targetName: job.target.name,
        title: job.title,
        outcome: { tone: outcome.tone, code: outcome.code, headline: outcome.headline },
        sizeBytes: job.sizeBytes,
        elapsedMs: result.elapsedMs,
        cardText: job.cardText,
      });
      setState({ phase: 'idle' });
    },
    [sendStore],
  );

  const send = useCallback(
    (job: SendJob) => {
      stopTimer();
      const check = () => rateLimitWait(sendStore.getState().sentAt[job.target.id] ?? [], Date.now());
      const first = check();
      if (first.waitMs <= 0) {
        void deliver(job);
        return;
      }
      setState({ phase: 'waiting', job, waitMs: first.waitMs, window: first.window });
      timer.current = setInterval(() => {
        const now = check();
        if (now.waitMs <= 0) {
          stopTimer();
          void deliver(job);
        } else {
          setState({ phase: 'waiting', job, waitMs: now.waitMs, window: now.window });
        }
      }, 100);
    },
    [deliver, sendStore],
  );

  const cancel = useCallback(() => {
    stopTimer();
    setState({ phase: 'idle' });
  }, []);

  return { state, send, cancel };
}

export type Sender = ReturnType<typeof useSender>;

/**
 * Teams' rate limits for one webhook (reference/messagecard.md section 7, "Rate limiting for
 * connectors"), so the app can wait instead of sending a card that Teams would throttle.
 * Teams counts in fixed windows; we count sliding windows over the send times, which is never
 * more generous than any alignment of Teams' windows.
 */

export interface RateWindow {
  ms: number;
  max: number;
  /** How the limit reads in a sentence: `4 cards a second`. */
  label: string;
}

export const TEAMS_RATE_WINDOWS: readonly RateWindow[] = [
  { ms: 1_000, max: 4, label: '4 cards a second' },
  { ms: 30_000, max: 60, label: '60 cards in 30 seconds' },
  { ms: 3_600_000, max: 100, label: '100 cards an hour' },
  { ms: 7_200_000, max: 150, label: '150 cards in 2 hours' },
  { ms: 86_400_000, max: 1_800, label: '1,800 cards a day' },
];

const DAY_MS = 86_400_000;

/**
 * How long to wait before the next send to a webhook that was sent to at `sentAt` (milliseconds,
 * any order), and the window that makes it wait. `waitMs` is 0 when a send may go now.
 */
export function rateLimitWait(
  sentAt: readonly number[],
  now: number,
  windows: readonly RateWindow[] = TEAMS_RATE_WINDOWS,
): { waitMs: number; window: RateWindow | undefined } {
  const times = [...sentAt].sort((a, b) => a - b);
  let waitMs = 0;
  let binding: RateWindow | undefined;
  for (const window of windows) {
    const recent = times.filter((at) => at > now - window.ms && at <= now);
    if (recent.length < window.max) continue;
    // The send `max` places from the end must leave the window before another may enter it.
    const leaving = recent[recent.length - window.max] as number;
    const wait = leaving + window.ms - now;
    if (wait > waitMs) {
      waitMs = wait;
      binding = window;
    }
  }
  return { waitMs, window: binding };
}

/** Adds a send time and forgets times older than the longest window (a day). */
export function recordSend(sentAt: readonly number[], now: number): number[] {
  return [...sentAt.filter((at) => at > now - DAY_MS), now];
}

/** A countdown as people read it: `0.4 s`, `12 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatWait(ms: number): string {
  if (ms <= 0) return '0 s';
  if (ms < 1_000) return `${(Math.ceil(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

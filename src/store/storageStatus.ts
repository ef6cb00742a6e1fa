import { useSyncExternalStore } from 'react';
import { localArea, worstProblem, type StorageProblem } from '../lib/storage.ts';

export interface StorageTrouble {
  /** Why something could not be saved, if anything could not. */
  problem: StorageProblem | undefined;
  /** How many unreadable entries were kept aside (damaged, or written by another version). */
  keptAside: number;
}

let last: StorageTrouble = { problem: undefined, keptAside: 0 };

function snapshot(): StorageTrouble {
  const status = localArea().status();
  const next = { problem: worstProblem(status), keptAside: status.quarantined.size };
  if (next.problem !== last.problem || next.keptAside !== last.keptAside) last = next;
  return last;
}

/** What the browser's storage could not do for the designer, as one value the app can show. */
export function useStorageTrouble(): StorageTrouble {
  return useSyncExternalStore((listener) => localArea().subscribe(listener), snapshot, snapshot);
}

/**
 * The one way the designer keeps things in the browser (localStorage, sessionStorage).
 *
 * Browsers make storage fail in three ways, and none of them may cost the user their work or crash
 * the page: the storage is missing or blocked (private windows, a policy; reading `localStorage`
 * itself can throw), it is full (a quota error on write), or an entry holds something this version
 * cannot read (garbage, or a shape written by an older version). So:
 *
 * - every read validates, and a failed write is a result, never an exception;
 * - an entry that does not validate reads as absent and is moved aside under a quarantine key
 *   (`messagecard-designer-quarantine:…`), so nothing it held is deleted;
 * - an area remembers which keys it could not write and what it moved aside, and tells listeners,
 *   so the app can say once, in plain words, what it could not save;
 * - a cache (an entry the app can make again, such as the preview's last picture) is written with
 *   `writeCache`: losing it costs the user nothing, so a failed write is not reported, and the entry is
 *   removed instead, so that no older copy outlives it.
 *
 * Entries are JSON. Their format version is part of the key (`…:v1`, `…:v2`), so a new format never
 * reads an old one by accident; a store that changes format migrates the old key explicitly.
 */

export type StorageProblem = 'quota' | 'unavailable' | 'refused';

export type WriteResult = { ok: true } | { ok: false; problem: StorageProblem; message: string };

/** What an area could not do, for the one message the app shows. */
export interface StorageStatus {
  /** False when the browser gives no storage at all (private window, policy). */
  available: boolean;
  /** The keys whose last write failed, and why. A later successful write of the key clears it. */
  failed: ReadonlyMap<string, StorageProblem>;
  /** Where unreadable entries were moved, by their original key. */
  quarantined: ReadonlyMap<string, string>;
}

export interface StorageArea {
  /** The value stored under `key` if it is JSON that `validate` accepts; else undefined (and quarantined). */
  read<T>(key: string, validate: (value: unknown) => T | undefined): T | undefined;
  /** The raw string under `key`, or undefined (absent or unavailable). */
  readRaw(key: string): string | undefined;
  /** Stores `value` as JSON. */
  write(key: string, value: unknown): WriteResult;
  /** Stores a string exactly (already serialised JSON). */
  writeRaw(key: string, raw: string): WriteResult;
  /**
   * Stores a cache entry exactly: true when stored. A failed write is not reported as trouble (a full
   * storage must not be blamed on a cache); the key is removed instead, so an older copy is not left behind.
   */
  writeCache(key: string, raw: string): boolean;
  remove(key: string): WriteResult;
  /** Every key that starts with `prefix`. */
  keys(prefix: string): string[];
  status(): StorageStatus;
  /** Called whenever the status changes. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Where an unreadable entry is moved; outside the `messagecard-designer:` keys, so no scan reads it again. */
export const QUARANTINE_PREFIX = 'messagecard-designer-quarantine:';

const MESSAGES: Record<StorageProblem, string> = {
  quota: 'The browser’s storage for this site is full.',
  unavailable: 'This browser does not let the designer keep anything here (a private window, or a policy).',
  refused: 'The browser refused to store it.',
};

function problemOf(error: unknown): StorageProblem {
  const name = error instanceof Error || error instanceof DOMException ? `${error.name} ${error.message}` : '';
  // Chrome and Firefox name it QuotaExceededError, old Firefox NS_ERROR_DOM_QUOTA_REACHED, Safari code 22.
  if (/quota/i.test(name) || (error instanceof DOMException && (error.code === 22 || error.code === 1014))) {
    return 'quota';
  }
  if (error instanceof DOMException && error.name === 'SecurityError') return 'unavailable';
  return 'refused';
}

const areas = new WeakMap<Storage, StorageArea>();

/**
 * An area over a Storage (or a function that returns one and may throw). The same Storage object
 * always gives the same area, so every store of the app shares one status.
 */
export function storageArea(backing: Storage | undefined | (() => Storage | undefined)): StorageArea {
  let storage: Storage | undefined;
  try {
    storage = typeof backing === 'function' ? backing() : backing;
  } catch {
    storage = undefined;
  }
  if (!storage) return (nowhere ??= createArea(undefined));
  let area = areas.get(storage);
  if (!area) {
    area = createArea(storage);
    areas.set(storage, area);
  }
  return area;
}

/** The one area of a browser without storage, so its status is shared too. */
let nowhere: StorageArea | undefined;

/** A Storage or an area, as stores accept either. */
export function toArea(storage: Storage | StorageArea | undefined): StorageArea {
  return storage && 'status' in storage && typeof storage.status === 'function'
    ? (storage as StorageArea)
    : storageArea(storage as Storage | undefined);
}

/** The browser's localStorage, guarded: reading `globalThis.localStorage` can itself throw. */
export function localArea(): StorageArea {
  return storageArea(() => globalThis.localStorage ?? undefined);
}

/** The tab's sessionStorage (what survives a reload of this tab only), guarded. */
export function sessionArea(): StorageArea {
  return storageArea(() => globalThis.sessionStorage ?? undefined);
}

function createArea(storage: Storage | undefined): StorageArea {
  const failed = new Map<string, StorageProblem>();
  const quarantined = new Map<string, string>();
  const listeners = new Set<() => void>();
  let snapshot: StorageStatus = { available: storage !== undefined, failed, quarantined };
  const changed = () => {
    snapshot = { available: storage !== undefined, failed: new Map(failed), quarantined: new Map(quarantined) };
    for (const listener of [...listeners]) listener();
  };
  const noteWrite = (key: string, problem: StorageProblem | undefined) => {
    if (problem === undefined) {
      if (failed.delete(key)) changed();
    } else if (failed.get(key) !== problem) {
      failed.set(key, problem);
      changed();
    }
  };

  const readRaw = (key: string): string | undefined => {
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };

  const writeRaw = (key: string, raw: string): WriteResult => {
    if (!storage) {
      noteWrite(key, 'unavailable');
      return { ok: false, problem: 'unavailable', message: MESSAGES.unavailable };
    }
    try {
      storage.setItem(key, raw);
      noteWrite(key, undefined);
      return { ok: true };
    } catch (error) {
      const problem = problemOf(error);
      noteWrite(key, problem);
      return { ok: false, problem, message: MESSAGES[problem] };
    }
  };

  /** Moves an unreadable entry aside, keeping every earlier one: nothing it held is deleted. */
  const quarantine = (key: string, raw: string) => {
    let target = QUARANTINE_PREFIX + key;
    for (let n = 2; ; n++) {
      const existing = readRaw(target);
      if (existing === undefined) break;
      if (existing === raw) {
        // Already kept aside (an earlier start could not remove the original).
        tryRemove(key);
        return;
      }
      target = `${QUARANTINE_PREFIX}${key}:${n}`;
    }
    try {
      storage?.setItem(target, raw);
    } catch {
      // No room to move it: leave it where it is, untouched, and report it as kept in place.
      quarantined.set(key, key);
      changed();
      return;
    }
    tryRemove(key);
    quarantined.set(key, target);
    changed();
  };
  const tryRemove = (key: string) => {
    try {
      storage?.removeItem(key);
    } catch {
      // Left in place; it is read as absent again next time.
    }
  };

  return {
    read(key, validate) {
      const raw = readRaw(key);
      if (raw === undefined) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        quarantine(key, raw);
        return undefined;
      }
      const valid = validate(value);
      if (valid === undefined) quarantine(key, raw);
      return valid;
    },
    readRaw,
    write(key, value) {
      let raw: string;
      try {
        raw = JSON.stringify(value);
      } catch {
        return { ok: false, problem: 'refused', message: MESSAGES.refused };
      }
      return writeRaw(key, raw);
    },
    writeRaw,
    writeCache(key, raw) {
      if (!storage) return false;
      try {
        storage.setItem(key, raw);
        return true;
      } catch {
        tryRemove(key);
        return false;
      }
    },
    remove(key) {
      if (!storage) return { ok: false, problem: 'unavailable', message: MESSAGES.unavailable };
      try {
        storage.removeItem(key);
        noteWrite(key, undefined);
        return { ok: true };
      } catch (error) {
        const problem = problemOf(error);
        return { ok: false, problem, message: MESSAGES[problem] };
      }
    },
    keys(prefix) {
      const found: string[] = [];
      try {
        if (!storage) return found;
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key !== null && key.startsWith(prefix)) found.push(key);
        }
      } catch {
        // A storage that cannot be listed holds nothing we can read.
      }
      return found;
    },
    status: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The worst problem of a status: unavailable, then full, then refused. */
export function worstProblem(status: StorageStatus): StorageProblem | undefined {
  if (!status.available && status.failed.size > 0) return 'unavailable';
  const problems = new Set(status.failed.values());
  return (['unavailable', 'quota', 'refused'] as const).find((p) => problems.has(p));
}

/** The one sentence the app shows for a failed save. */
export function troubleMessage(problem: StorageProblem): string {
  switch (problem) {
    case 'quota':
      return 'Not saved in this browser: its storage is full. Export a backup to keep your work, or delete drafts you no longer need.';
    case 'unavailable':
      return 'Not saved: this browser does not let the designer keep anything here (a private window, or a policy). Your work stays while this tab is open; export a backup to keep it.';
    case 'refused':
      return 'Not saved: the browser refused to store your work. Export a backup to keep it.';
  }
}

/** The reason in a few words, for a status line ("Not saved: …"). */
export function troubleReason(problem: StorageProblem): string {
  switch (problem) {
    case 'quota':
      return 'the browser’s storage is full';
    case 'unavailable':
      return 'this browser keeps nothing here (private window or policy)';
    case 'refused':
      return 'the browser refused to store it';
  }
}

/** In-memory Storage for tests and for tabs without one; `failWrites` imitates a full quota. */
export class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failWrites: false | 'quota' | 'refused' = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    if (this.failWrites) throw new Error('Refused');
    this.map.set(key, String(value));
  }
}

import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage, QUARANTINE_PREFIX, storageArea, toArea, troubleMessage, worstProblem } from './storage.ts';

const isText = (value: unknown) => (typeof value === 'string' ? value : undefined);

describe('a storage area', () => {
  it('writes and reads JSON, and reads a missing key as absent', () => {
    const area = storageArea(new MemoryStorage());
    expect(area.write('k', { a: 1 })).toEqual({ ok: true });
    expect(area.read('k', (v) => v as { a: number })).toEqual({ a: 1 });
    expect(area.read('missing', isText)).toBeUndefined();
    expect(area.status().quarantined.size).toBe(0);
  });

  it('reads garbage and entries of another shape as absent, and moves them aside instead of deleting them', () => {
    const storage = new MemoryStorage();
    const area = storageArea(storage);
    storage.setItem('garbage', '{ not json');
    storage.setItem('old-shape', '{"text": 5}');
    expect(area.read('garbage', isText)).toBeUndefined();
    expect(area.read('old-shape', isText)).toBeUndefined();
    expect(storage.getItem(QUARANTINE_PREFIX + 'garbage')).toBe('{ not json');
    expect(storage.getItem(QUARANTINE_PREFIX + 'old-shape')).toBe('{"text": 5}');
    expect(storage.getItem('garbage')).toBeNull();
    expect([...area.status().quarantined.keys()]).toEqual(['garbage', 'old-shape']);
    // A second bad entry under the same key is kept beside the first.
    storage.setItem('garbage', 'more garbage');
    area.read('garbage', isText);
    expect(storage.getItem(QUARANTINE_PREFIX + 'garbage:2')).toBe('more garbage');
    expect(storage.getItem(QUARANTINE_PREFIX + 'garbage')).toBe('{ not json');
  });

  it('leaves an unreadable entry in place when there is no room to move it', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', 'garbage');
    storage.failWrites = 'quota';
    const area = storageArea(storage);
    expect(area.read('k', isText)).toBeUndefined();
    expect(storage.getItem('k')).toBe('garbage');
    expect(area.status().quarantined.get('k')).toBe('k');
  });

  it('reports a full storage as a result, tells listeners, and clears it once a write succeeds', () => {
    const storage = new MemoryStorage();
    const area = storageArea(storage);
    const listener = vi.fn();
    area.subscribe(listener);
    storage.failWrites = 'quota';
    const result = area.write('k', 'x'.repeat(100));
    expect(result).toMatchObject({ ok: false, problem: 'quota' });
    expect(worstProblem(area.status())).toBe('quota');
    expect(listener).toHaveBeenCalledTimes(1);
    storage.failWrites = false;
    expect(area.write('k', 'x')).toEqual({ ok: true });
    expect(worstProblem(area.status())).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('works without storage, and when even reaching the storage throws', () => {
    const throwing = storageArea(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    for (const area of [storageArea(undefined), throwing]) {
      expect(area.read('k', isText)).toBeUndefined();
      expect(area.write('k', 'v')).toMatchObject({ ok: false, problem: 'unavailable' });
      expect(area.keys('')).toEqual([]);
      expect(area.status().available).toBe(false);
      expect(worstProblem(area.status())).toBe('unavailable');
    }
  });

  it('reports storage that throws on every call as unavailable or refused, never throwing', () => {
    const hostile = {
      get length(): number {
        throw new Error('no');
      },
      getItem: () => {
        throw new Error('no');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new Error('no');
      },
      key: () => null,
      clear: () => {},
    } as Storage;
    const area = storageArea(hostile);
    expect(area.read('k', isText)).toBeUndefined();
    expect(area.write('k', 1)).toMatchObject({ ok: false, problem: 'unavailable' });
    expect(area.remove('k')).toMatchObject({ ok: false });
    expect(area.keys('')).toEqual([]);
  });

  it('is shared by everyone who uses the same Storage, so the app sees one status', () => {
    const storage = new MemoryStorage();
    expect(storageArea(storage)).toBe(storageArea(storage));
    expect(toArea(storage)).toBe(storageArea(storage));
    const area = storageArea(storage);
    expect(toArea(area)).toBe(area);
  });

  it('writes a cache without reporting a failure, and removes the older copy when it cannot', () => {
    const memory = new MemoryStorage();
    const area = storageArea(memory);
    const heard = vi.fn();
    area.subscribe(heard);
    expect(area.writeCache('cache', '"first"')).toBe(true);
    expect(memory.getItem('cache')).toBe('"first"');
    memory.failWrites = 'quota';
    expect(area.writeCache('cache', '"second"')).toBe(false);
    expect(memory.getItem('cache')).toBeNull();
    expect(area.status().failed.size).toBe(0);
    expect(heard).not.toHaveBeenCalled();
    expect(storageArea(undefined).writeCache('cache', '"x"')).toBe(false);
  });

  it('lists keys by prefix and says what went wrong in one sentence', () => {
    const area = storageArea(new MemoryStorage());
    area.write('a:1', 1);
    area.write('a:2', 2);
    area.write('b:1', 3);
    expect(area.keys('a:')).toEqual(['a:1', 'a:2']);
    expect(troubleMessage('quota')).toMatch(/storage is full.*backup/);
  });
});

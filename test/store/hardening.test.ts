import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MIN_FREE_BYTES,
  OPEN_RETRY_FIRST_MS,
  openPinStore,
  type OpenPinStoreOptions,
  type SqlitePinStore,
} from '../../src/store/sqlite-pin-store.js';
import { makeTempDir, samplePin } from './helpers.js';

let dir: string;
let cleanup: () => void;
const opened: SqlitePinStore[] = [];
const open = (path: string, options?: OpenPinStoreOptions): SqlitePinStore => {
  const store = openPinStore(path, options);
  opened.push(store);
  return store;
};
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  cleanup();
});

function recordingLogger(): { lines: string[]; logger: OpenPinStoreOptions['logger'] } {
  const lines: string[] = [];
  // A new database logs its migration; these tests are about the other lines.
  const push = (_obj: object, msg: string): void => {
    if (msg !== 'pin store schema migrated') lines.push(msg);
  };
  return { lines, logger: { warn: push, error: push } };
}

describe('GIVEN the store creates its database', () => {
  it('THEN only its owner can read it: the folder is 0700, the database and its -wal and -shm files 0600', () => {
    const path = join(dir, 'nested', 'data', 'pins.db');
    const store = open(path);
    expect(store.addPin(samplePin())).toMatchObject({ ok: true });

    expect(mode(join(dir, 'nested', 'data'))).toBe('700');
    expect(mode(join(dir, 'nested'))).toBe('700');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file), file).toBe('600');
  });
});

describe('GIVEN the database is locked when the store opens it', () => {
  it('WHEN many questions read pins THEN the open is tried once per back-off window, each read returns at once, and it is logged once', () => {
    const path = join(dir, 'pins.db');
    const locker = new Database(path);
    let clock = 1_000_000;
    const { lines, logger } = recordingLogger();
    try {
      locker.exec('BEGIN EXCLUSIVE');
      const store = open(path, { busyTimeoutMs: 200, logger, now: () => clock });

      const started = performance.now();
      for (let question = 0; question < 20; question++) {
        expect(store.listPins('guild-a')).toMatchObject({ ok: false, reason: 'unavailable' });
        expect(store.isWritable()).toBe(false);
      }
      // One busy wait (200 ms) for the first open, not forty.
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(lines).toEqual(['pin store cannot be opened']);

      // The window passes: the store tries again (still locked), then waits twice as long.
      clock += OPEN_RETRY_FIRST_MS;
      const retried = performance.now();
      expect(store.listPins('guild-a')).toMatchObject({ ok: false });
      expect(performance.now() - retried).toBeGreaterThanOrEqual(150);
      clock += OPEN_RETRY_FIRST_MS;
      const waited = performance.now();
      expect(store.listPins('guild-a')).toMatchObject({ ok: false });
      expect(performance.now() - waited).toBeLessThan(150);

      locker.exec('ROLLBACK');
      clock += 2 * OPEN_RETRY_FIRST_MS;
      expect(store.listPins('guild-a')).toEqual({ ok: true, value: [] });
      expect(lines).toEqual(['pin store cannot be opened']);
    } finally {
      locker.close();
    }
  });

  it('WHEN a moderator pins during the back-off THEN the write tries the open at once', () => {
    const path = join(dir, 'pins.db');
    const locker = new Database(path);
    try {
      locker.exec('BEGIN EXCLUSIVE');
      const store = open(path, { busyTimeoutMs: 50, now: () => 0 });
      expect(store.listPins('guild-a')).toMatchObject({ ok: false });
      locker.exec('ROLLBACK');
      expect(store.addPin(samplePin())).toMatchObject({ ok: true, value: { created: true } });
    } finally {
      locker.close();
    }
  });
});

describe('GIVEN the disk holding the database is full', () => {
  it('THEN the store is not writable (so /healthz is degraded), logged once, and writable again when space returns', () => {
    let free = 10 * MIN_FREE_BYTES;
    const { lines, logger } = recordingLogger();
    const store = open(join(dir, 'pins.db'), { logger, freeBytes: () => free });
    expect(store.isWritable()).toBe(true);

    free = 4096;
    expect(store.isWritable()).toBe(false);
    expect(store.isWritable()).toBe(false);
    expect(lines).toEqual(['pin store disk is full']);

    free = 10 * MIN_FREE_BYTES;
    expect(store.isWritable()).toBe(true);
  });

  it('WHEN no free space is injected THEN the real disk is asked and a test disk with room is writable', () => {
    expect(open(join(dir, 'pins.db')).isWritable()).toBe(true);
  });
});

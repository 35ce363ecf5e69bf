import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPinStore, type SqlitePinStore } from '../../src/store/sqlite-pin-store.js';
import type { Pin, StoreResult } from '../../src/store/types.js';
import { makeTempDir, samplePin } from './helpers.js';

function unwrap<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got unavailable: ${result.detail}`);
  return result.value;
}

let dir: string;
let cleanup: () => void;
const opened: SqlitePinStore[] = [];

function open(path: string, options?: Parameters<typeof openPinStore>[1]): SqlitePinStore {
  const store = openPinStore(path, options);
  opened.push(store);
  return store;
}

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  cleanup();
});

describe('openPinStore', () => {
  it('GIVEN a path in a directory that does not exist THEN it creates the directory and the database file', () => {
    const path = join(dir, 'nested', 'deeper', 'pins.db');
    const store = open(path);

    expect(unwrap(store.listPins('guild-a'))).toEqual([]);
    expect(existsSync(path)).toBe(true);
    expect(store.isWritable()).toBe(true);
  });

  it('GIVEN a new database THEN the file is in WAL mode', () => {
    const path = join(dir, 'pins.db');
    const store = open(path);
    unwrap(store.listPins('guild-a'));

    const db = new Database(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('GIVEN ":memory:" THEN the store works without a file', () => {
    const store = open(':memory:');
    const added = unwrap(store.addPin(samplePin()));

    expect(added.created).toBe(true);
    expect(unwrap(store.listPins('guild-a'))).toEqual([added.pin]);
  });
});

describe('pins', () => {
  it('GIVEN a new pin THEN addPin returns it with an id and the given fields', () => {
    const store = open(join(dir, 'pins.db'));
    const { pin, created } = unwrap(store.addPin(samplePin()));

    expect(created).toBe(true);
    expect(pin).toEqual({ id: expect.any(Number), ...samplePin() });
    expect(unwrap(store.getPin('guild-a', pin.id))).toEqual(pin);
  });

  it('GIVEN no pinnedAt and no message url THEN the pin gets the current time and a null url', () => {
    const store = open(join(dir, 'pins.db'));
    const before = Date.now();
    const { pin } = unwrap(store.addPin(samplePin({ pinnedAt: undefined, messageUrl: null })));

    expect(pin.pinnedAt).toBeGreaterThanOrEqual(before);
    expect(pin.pinnedAt).toBeLessThanOrEqual(Date.now());
    expect(pin.messageUrl).toBeNull();
  });

  it('GIVEN pins were added WHEN the store is closed and the file reopened THEN the pins are still there', () => {
    const path = join(dir, 'pins.db');
    const first = open(path);
    const a = unwrap(first.addPin(samplePin())).pin;
    const b = unwrap(first.addPin(samplePin({ normalizedQuestion: 'other', question: 'Other?' }))).pin;
    first.close();

    const second = open(path);
    expect(unwrap(second.listPins('guild-a'))).toEqual([a, b]);
    expect(unwrap(second.getPin('guild-a', b.id))).toEqual(b);
  });

  it('GIVEN the same normalised question is pinned twice THEN the second add returns the first pin, created false', () => {
    const store = open(join(dir, 'pins.db'));
    const first = unwrap(store.addPin(samplePin({ pinnedBy: 'mod-1' })));
    const second = unwrap(
      store.addPin(samplePin({ pinnedBy: 'mod-2', question: 'can I ask my therapist how they are doing??' })),
    );

    expect(second.created).toBe(false);
    expect(second.pin).toEqual(first.pin);
    expect(unwrap(store.listPins('guild-a'))).toHaveLength(1);
  });

  it('GIVEN two stores on the same file add the same pin THEN both get ok and the file holds one row', () => {
    const path = join(dir, 'pins.db');
    const one = open(path);
    const two = open(path);

    const fromOne = one.addPin(samplePin({ pinnedBy: 'mod-1' }));
    const fromTwo = two.addPin(samplePin({ pinnedBy: 'mod-2' }));

    expect(unwrap(fromOne).created).toBe(true);
    expect(unwrap(fromTwo)).toEqual({ pin: unwrap(fromOne).pin, created: false });
    expect(unwrap(one.listPins('guild-a'))).toHaveLength(1);
    expect(unwrap(two.listPins('guild-a'))).toHaveLength(1);
  });

  it('GIVEN any sequence of adds across guilds THEN each guild holds exactly one pin per distinct normalised question', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('g1', 'g2', 'g3'), fc.constantFrom('a', 'b', 'c', 'd', 'e')), {
          maxLength: 30,
        }),
        (adds) => {
          const store = openPinStore(':memory:');
          try {
            const firstIds = new Map<string, number>();
            for (const [guildId, q] of adds) {
              const { pin, created } = unwrap(store.addPin(samplePin({ guildId, normalizedQuestion: q })));
              const key = `${guildId}/${q}`;
              expect(created).toBe(!firstIds.has(key));
              if (created) firstIds.set(key, pin.id);
              expect(pin.id).toBe(firstIds.get(key));
            }
            for (const guildId of ['g1', 'g2', 'g3']) {
              const expected = new Set(adds.filter(([g]) => g === guildId).map(([, q]) => q));
              const stored = unwrap(store.listPins(guildId)).map((p) => p.normalizedQuestion);
              expect(new Set(stored)).toEqual(expected);
              expect(stored).toHaveLength(expected.size);
            }
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('GIVEN pins in guild A and guild B THEN list, get and remove in A never see or touch B', () => {
    const store = open(join(dir, 'pins.db'));
    const inA = unwrap(store.addPin(samplePin({ guildId: 'guild-a' }))).pin;
    const inB = unwrap(store.addPin(samplePin({ guildId: 'guild-b' }))).pin;

    expect(unwrap(store.listPins('guild-a'))).toEqual([inA]);
    expect(unwrap(store.listPins('guild-b'))).toEqual([inB]);
    expect(unwrap(store.getPin('guild-a', inB.id))).toBeUndefined();
    expect(unwrap(store.removePin('guild-a', inB.id, 'mod-a'))).toBeUndefined();
    expect(unwrap(store.getPin('guild-b', inB.id))).toEqual(inB);
    expect(unwrap(store.listPinEvents('guild-a')).map((e) => e.pinId)).toEqual([inA.id]);
  });

  it('GIVEN the same question in two guilds THEN each guild gets its own pin', () => {
    const store = open(join(dir, 'pins.db'));
    const inA = unwrap(store.addPin(samplePin({ guildId: 'guild-a' })));
    const inB = unwrap(store.addPin(samplePin({ guildId: 'guild-b' })));

    expect(inA.created && inB.created).toBe(true);
    expect(inA.pin.id).not.toBe(inB.pin.id);
  });

  it('GIVEN a pin is removed THEN it is gone, removing again finds nothing, and the question can be pinned anew', () => {
    const store = open(join(dir, 'pins.db'));
    const pin = unwrap(store.addPin(samplePin())).pin;

    expect(unwrap(store.removePin('guild-a', pin.id, 'mod-9'))).toEqual(pin);
    expect(unwrap(store.getPin('guild-a', pin.id))).toBeUndefined();
    expect(unwrap(store.listPins('guild-a'))).toEqual([]);
    expect(unwrap(store.removePin('guild-a', pin.id, 'mod-9'))).toBeUndefined();

    const again = unwrap(store.addPin(samplePin()));
    expect(again.created).toBe(true);
    expect(again.pin.id).not.toBe(pin.id);
  });

  it('GIVEN a pin added and removed THEN the audit log records who did each, with the pin as it was', () => {
    const store = open(join(dir, 'pins.db'));
    const pin = unwrap(store.addPin(samplePin({ pinnedBy: 'mod-1' }))).pin;
    unwrap(store.addPin(samplePin({ pinnedBy: 'mod-2' }))); // idempotent re-add: not an event
    unwrap(store.removePin('guild-a', pin.id, 'mod-3'));
    unwrap(store.removePin('guild-a', pin.id, 'mod-4')); // nothing left to remove: not an event

    const events = unwrap(store.listPinEvents('guild-a'));
    expect(events.map((e) => [e.action, e.actor, e.pinId])).toEqual([
      ['add', 'mod-1', pin.id],
      ['remove', 'mod-3', pin.id],
    ]);
    expect(events[1]?.snapshot).toEqual(pin);
    expect(events[1]?.at).toEqual(expect.any(Number));
  });

  it('GIVEN a removal without a moderator THEN the audit log records an unknown actor', () => {
    const store = open(join(dir, 'pins.db'));
    const pin = unwrap(store.addPin(samplePin())).pin;
    unwrap(store.removePin('guild-a', pin.id));

    expect(unwrap(store.listPinEvents('guild-a')).at(-1)).toMatchObject({ action: 'remove', actor: null });
  });
});

describe('when the database cannot be written', () => {
  function seed(path: string): Pin {
    const store = openPinStore(path);
    const pin = unwrap(store.addPin(samplePin()));
    store.close();
    return pin.pin;
  }

  it('GIVEN another connection holds an exclusive lock THEN writes report unavailable, reads still work, nothing throws', () => {
    const path = join(dir, 'pins.db');
    const pin = seed(path);
    const store = open(path, { busyTimeoutMs: 50 });
    const locker = new Database(path);
    try {
      locker.exec('BEGIN EXCLUSIVE');

      const added = store.addPin(samplePin({ normalizedQuestion: 'new question' }));
      expect(added).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(added.ok ? '' : added.detail).toMatch(/SQLITE_BUSY/);
      expect(store.removePin('guild-a', pin.id, 'mod-1')).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(store.isWritable()).toBe(false);
      expect(unwrap(store.listPins('guild-a'))).toEqual([pin]);
      expect(unwrap(store.getPin('guild-a', pin.id))).toEqual(pin);

      locker.exec('ROLLBACK');
      expect(store.isWritable()).toBe(true);
      expect(unwrap(store.addPin(samplePin({ normalizedQuestion: 'new question' }))).created).toBe(true);
    } finally {
      locker.close();
    }
  });

  it('GIVEN the database is locked while the store first opens it THEN calls report unavailable and recover once the lock is gone', () => {
    const path = join(dir, 'pins.db');
    const locker = new Database(path);
    try {
      locker.exec('BEGIN EXCLUSIVE'); // a fresh file: the store's first migration cannot get in
      const store = open(path, { busyTimeoutMs: 50 });

      expect(store.listPins('guild-a')).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(store.addPin(samplePin())).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(store.isWritable()).toBe(false);

      locker.exec('ROLLBACK');
      expect(unwrap(store.addPin(samplePin())).created).toBe(true);
    } finally {
      locker.close();
    }
  });

  it('GIVEN the database is opened read-only THEN writes report unavailable and reads still work', () => {
    const path = join(dir, 'pins.db');
    const pin = seed(path);
    const store = open(path, { readonly: true });

    expect(unwrap(store.listPins('guild-a'))).toEqual([pin]);
    expect(unwrap(store.getPin('guild-a', pin.id))).toEqual(pin);
    expect(store.addPin(samplePin({ normalizedQuestion: 'x' }))).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    expect(store.removePin('guild-a', pin.id, 'mod-1')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(store.isWritable()).toBe(false);
    expect(unwrap(openPinStore(path, { readonly: true }).listPins('guild-a'))).toHaveLength(1);
  });

  it('GIVEN read-only on a file that does not exist THEN the store reports unavailable instead of throwing', () => {
    const store = open(join(dir, 'missing.db'), { readonly: true });

    expect(store.listPins('guild-a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(store.addPin(samplePin())).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(store.isWritable()).toBe(false);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });

  it('GIVEN read-only on a database that was never migrated THEN reads report unavailable instead of failing on missing tables', () => {
    const path = join(dir, 'old.db');
    new Database(path).close();
    const store = open(path, { readonly: true });

    const result = store.listPins('guild-a');
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(result.ok ? '' : result.detail).toMatch(/version 0/);
  });

  it('GIVEN a path under a regular file THEN the store reports unavailable and logs why, instead of throwing', () => {
    const path = join(dir, 'pins.db');
    seed(path);
    const errors: string[] = [];
    const logger = { warn: () => {}, error: (_obj: object, msg: string) => void errors.push(msg) };
    const store = open(join(path, 'inside-a-file.db'), { logger });

    expect(store.listPins('guild-a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(store.listPins('guild-a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(store.isWritable()).toBe(false);
    expect(errors).toEqual(['pin store cannot be opened']); // logged once, not on every call
  });

  it('GIVEN a file that is not a database THEN the store reports unavailable instead of throwing', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(dir, 'garbage.db');
    writeFileSync(path, 'this is not an sqlite database, just some text that is long enough '.repeat(20));
    const store = open(path);

    expect(store.listPins('guild-a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(store.addPin(samplePin())).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('GIVEN a closed store THEN calls report unavailable', () => {
    const store = open(join(dir, 'pins.db'));
    store.close();

    expect(store.listPins('guild-a')).toEqual({
      ok: false,
      reason: 'unavailable',
      detail: 'the pin store is closed',
    });
    expect(store.isWritable()).toBe(false);
    store.close();
  });
});

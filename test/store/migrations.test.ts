import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LATEST_VERSION,
  MIGRATIONS,
  SchemaTooNewError,
  currentVersion,
  migrate,
  type Migration,
} from '../../src/store/migrations.js';
import { openPinStore } from '../../src/store/sqlite-pin-store.js';
import { makeTempDir, samplePin } from './helpers.js';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});

afterEach(() => {
  cleanup();
});

function withDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function appliedRows(path: string): { version: number; name: string; applied_at: number }[] {
  return withDb(
    path,
    (db) =>
      db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
        version: number;
        name: string;
        applied_at: number;
      }[],
  );
}

function tables(path: string): string[] {
  return withDb(path, (db) =>
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      .filter((name) => !name.startsWith('sqlite_')),
  );
}

describe('migrations', () => {
  it('GIVEN the migration list THEN versions run 1, 2, ... in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('GIVEN a fresh database THEN opening the store leaves it at the latest version with every table', () => {
    const path = join(dir, 'pins.db');
    const store = openPinStore(path);
    expect(store.isWritable()).toBe(true);
    store.close();

    expect(appliedRows(path).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(withDb(path, currentVersion)).toBe(LATEST_VERSION);
    expect(tables(path)).toEqual([
      'daily_counts',
      'forum_answered',
      'forum_settings',
      'guild_settings',
      'pin_events',
      'pins',
      'review_queue',
      'schema_migrations',
      'votes',
    ]);
  });

  it('GIVEN an up-to-date database WHEN it is reopened THEN no migration runs again and the pins are intact', () => {
    const path = join(dir, 'pins.db');
    const first = openPinStore(path);
    const pin = first.addPin(samplePin());
    first.close();
    const before = appliedRows(path);
    const dataVersion = withDb(path, (db) => db.pragma('schema_version', { simple: true }));

    const second = openPinStore(path);
    const listed = second.listPins('guild-a');
    second.close();

    expect(appliedRows(path)).toEqual(before);
    expect(withDb(path, (db) => db.pragma('schema_version', { simple: true }))).toBe(dataVersion);
    expect(listed).toEqual({ ok: true, value: [pin.ok ? pin.value.pin : undefined] });
  });

  it('GIVEN migrate runs twice on the same file THEN each migration body runs once and the second run applies nothing', () => {
    const path = join(dir, 'counted.db');
    const runs: string[] = [];
    const counting = (version: number, table: string): Migration => ({
      version,
      name: `create ${table}`,
      up: (db) => {
        runs.push(table);
        db.exec(`CREATE TABLE ${table} (x)`);
      },
    });
    const counted = [counting(1, 'a'), counting(2, 'b')];

    const first = withDb(path, (db) => migrate(db, counted));
    const second = withDb(path, (db) => migrate(db, counted));

    expect(first).toEqual({ from: 0, to: 2, applied: [1, 2] });
    expect(second).toEqual({ from: 2, to: 2, applied: [] });
    expect(runs).toEqual(['a', 'b']);
  });

  it('GIVEN a database at version 0 with an unrelated table THEN it is migrated and the table and its rows are kept', () => {
    const path = join(dir, 'legacy.db');
    withDb(path, (db) => {
      db.exec(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');",
      );
    });

    const store = openPinStore(path);
    const added = store.addPin(samplePin());
    store.close();

    expect(added).toMatchObject({ ok: true, value: { created: true } });
    expect(withDb(path, currentVersion)).toBe(LATEST_VERSION);
    expect(tables(path)).toContain('notes');
    expect(tables(path)).toEqual(
      expect.arrayContaining(['pin_events', 'pins', 'review_queue', 'votes', 'forum_answered']),
    );
    expect(withDb(path, (db) => db.prepare('SELECT body FROM notes').all())).toEqual([{ body: 'keep me' }]);
  });

  it('GIVEN a database at version 1 THEN only the later migrations run', () => {
    const path = join(dir, 'v1.db');
    const first = MIGRATIONS.slice(0, 1);
    withDb(path, (db) => migrate(db, first, () => 111));

    const outcome = withDb(path, (db) => migrate(db, MIGRATIONS, () => 222));

    expect(outcome).toEqual({
      from: 1,
      to: LATEST_VERSION,
      applied: MIGRATIONS.slice(1).map((m) => m.version),
    });
    expect(appliedRows(path).map((r) => [r.version, r.applied_at])).toEqual(
      MIGRATIONS.map((m) => [m.version, m.version === 1 ? 111 : 222]),
    );
  });

  it('GIVEN a migration that fails half-way THEN its changes are rolled back and the version stays where it was', () => {
    const path = join(dir, 'broken.db');
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (db) => {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          db.exec('THIS IS NOT SQL');
        },
      },
    ];

    expect(() => withDb(path, (db) => migrate(db, broken))).toThrow();
    expect(withDb(path, currentVersion)).toBe(LATEST_VERSION);
    expect(tables(path)).not.toContain('half_done');
  });

  it('GIVEN a migration list with a gap THEN migrate refuses to run it', () => {
    const gap: Migration[] = [{ version: 2, name: 'skips one', up: () => {} }];

    expect(() => withDb(join(dir, 'gap.db'), (db) => migrate(db, gap))).toThrow(/out of order/);
  });

  it('GIVEN a database newer than this code THEN migrate throws SchemaTooNewError and the store reports unavailable', () => {
    const path = join(dir, 'future.db');
    const future: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'future', up: () => {} },
    ];
    withDb(path, (db) => migrate(db, future));

    expect(() => withDb(path, (db) => migrate(db))).toThrow(SchemaTooNewError);
    const store = openPinStore(path);
    const result = store.listPins('guild-a');
    store.close();
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(result.ok ? '' : result.detail).toMatch(/newer than this bot supports/);
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPinStore } from '../../src/store/sqlite-pin-store.js';
import type { Pin } from '../../src/store/types.js';
import { makeTempDir, onLines, samplePin, spawnPinWriter, waitForExit } from './helpers.js';

const REPO_ROOT_FOR_PROBE = join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'package.json');

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});

afterEach(() => {
  cleanup();
});

describe('separate processes', () => {
  it('GIVEN a process adding pins is killed with SIGKILL mid-write THEN the database is intact and every confirmed pin is there', async () => {
    const path = join(dir, 'data', 'pins.db');
    const child = spawnPinWriter(['loop', path]);
    const exited = waitForExit(child);
    const confirmed: number[] = [];
    const failures: string[] = [];
    onLines(child, (line) => {
      const match = /^confirmed (\d+)$/.exec(line);
      if (match?.[1] !== undefined) {
        confirmed.push(Number(match[1]));
        if (confirmed.length === 50) child.kill('SIGKILL');
      } else {
        failures.push(line);
      }
    });

    const { signal, stderr } = await exited;

    expect(stderr).toBe('');
    expect(failures).toEqual([]);
    expect(signal).toBe('SIGKILL'); // it was killed while still writing, not after finishing
    expect(confirmed.length).toBeGreaterThanOrEqual(50);

    // The writer never closed the database: the pins are in the WAL, and reopening has to recover them.
    expect(existsSync(`${path}-wal`)).toBe(true);
    const raw = new Database(path);
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
    const store = openPinStore(path);
    try {
      const list = store.listPins('guild-kill');
      if (!list.ok) throw new Error(list.detail);
      const stored = new Set(list.value.map((p) => p.normalizedQuestion));
      const missing = confirmed.filter((n) => !stored.has(`q${n}`));
      expect(missing).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('GIVEN two processes add the same pins at the same moment THEN each question is stored once and both get ok with the same pin', async () => {
    const path = join(dir, 'pins.db');
    openPinStore(path).close(); // the schema exists before the race; the race is about pins
    const count = 40;
    const children = [
      spawnPinWriter(['race', path, String(count)]),
      spawnPinWriter(['race', path, String(count)]),
    ];
    const exits = children.map(waitForExit);
    const results = children.map(() => new Map<number, { created: boolean; id: number }>());
    const failures: string[] = [];
    let ready = 0;
    children.forEach((child, i) => {
      onLines(child, (line) => {
        const match = /^result (\d+) (true|false) (\d+)$/.exec(line);
        if (line === 'ready') {
          ready += 1;
          if (ready === children.length) for (const c of children) c.stdin.write('go\n');
        } else if (match !== null) {
          results[i]?.set(Number(match[1]), { created: match[2] === 'true', id: Number(match[3]) });
        } else {
          failures.push(line);
        }
      });
    });

    const outcomes = await Promise.all(exits);

    expect(outcomes.map((o) => [o.code, o.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    expect(failures).toEqual([]);
    const [first, second] = results;
    for (let n = 0; n < count; n += 1) {
      const a = first?.get(n);
      const b = second?.get(n);
      expect(a?.id).toBeDefined();
      expect(a?.id).toBe(b?.id);
      expect([a?.created, b?.created].filter(Boolean)).toHaveLength(1);
    }
    const raw = new Database(path, { readonly: true });
    try {
      const rows = raw.prepare("SELECT COUNT(*) AS n FROM pins WHERE guild_id = 'guild-race'").get() as {
        n: number;
      };
      expect(rows.n).toBe(count);
    } finally {
      raw.close();
    }
  });

  // Root ignores file permissions, so when the tests run as root the probe runs as "nobody".
  const isRoot = process.getuid?.() === 0;
  const probeUser = isRoot ? { uid: 65534, gid: 65534 } : undefined;
  // "nobody" must be able to read the checkout (a clone inside a private 0700 folder is not): without
  // that the probe cannot even load its code, and the permission tests say nothing about the store.
  const probeCanRun =
    !probeUser ||
    spawnSync(
      process.execPath,
      ['-e', `require('fs').accessSync(${JSON.stringify(REPO_ROOT_FOR_PROBE)}, 4)`],
      {
        ...probeUser,
      },
    ).status === 0;

  async function seedAndProbe(
    lockDown: (dbDir: string, path: string) => void,
  ): Promise<{ pin: Pin; probe: unknown }> {
    const dbDir = join(dir, 'data');
    const path = join(dbDir, 'pins.db');
    const seeded = openPinStore(path);
    const added = seeded.addPin(samplePin());
    seeded.close();
    if (!added.ok) throw new Error(added.detail);
    chmodSync(dir, 0o755); // mkdtemp makes it 0700
    lockDown(dbDir, path);
    try {
      const child = spawnPinWriter(['probe', path], probeUser);
      const exited = waitForExit(child);
      const lines: string[] = [];
      onLines(child, (line) => lines.push(line));
      const { code, stderr } = await exited;
      expect([code, stderr]).toEqual([0, '']);
      expect(lines).toHaveLength(1);
      return { pin: added.value.pin, probe: JSON.parse(lines[0] ?? '') as unknown };
    } finally {
      chmodSync(dbDir, 0o755); // so that cleanup can remove it
    }
  }

  it.skipIf(!probeCanRun)(
    'GIVEN the database file is read-only (chmod 0444) THEN pins can still be listed, adding reports unavailable, nothing throws',
    async () => {
      const { pin, probe } = await seedAndProbe((dbDir, path) => {
        chmodSync(path, 0o444);
        if (isRoot) chownSync(dbDir, 65534, 65534); // the directory stays writable for the probe (-shm, -wal)
      });

      expect(probe).toEqual({
        list: { ok: true, value: [pin] },
        add: { ok: false, reason: 'unavailable', detail: expect.stringMatching(/SQLITE_READONLY/) },
        writable: false,
      });
    },
  );

  it.skipIf(!probeCanRun)(
    'GIVEN the database file and its directory are read-only (0444/0555) THEN every call reports unavailable and nothing throws',
    async () => {
      // SQLite cannot read a WAL database whose directory it cannot create the -shm file in (without the
      // `immutable` URI flag, which better-sqlite3 does not enable), so here even reads are unavailable.
      const { probe } = await seedAndProbe((dbDir, path) => {
        chmodSync(path, 0o444);
        chmodSync(dbDir, 0o555);
      });

      expect(probe).toEqual({
        list: { ok: false, reason: 'unavailable', detail: expect.stringMatching(/SQLITE_READONLY/) },
        add: { ok: false, reason: 'unavailable', detail: expect.stringMatching(/SQLITE_READONLY/) },
        writable: false,
      });
    },
  );
});

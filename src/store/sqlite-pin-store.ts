import { closeSync, existsSync, mkdirSync, openSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, SchemaTooNewError, currentVersion, migrate } from './migrations.js';
import { createModerationStore, type ModerationStore } from './moderation-store.js';
import type { NewPin, Pin, PinStore, StoreResult } from './types.js';
import { createForumStore, type ForumStore } from './forum-store.js';

export interface PinStoreLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OpenPinStoreOptions {
  readonly logger?: PinStoreLogger;
  /**
   * Open the database read-only: reads work when the schema is up to date, writes report `unavailable`.
   * The store also falls back to read-only by itself when the file or its directory cannot be written.
   */
  readonly readonly?: boolean;
  /** How long a write waits for another connection's lock before reporting `unavailable`. Default 300 ms. */
  readonly busyTimeoutMs?: number;
  /** The clock the open back-off runs on (tests). Default `Date.now`. */
  readonly now?: () => number;
  /** Free bytes on the disk holding `dir` (tests). Default from `statfs`. */
  readonly freeBytes?: (dir: string) => number;
}

/** One line of the audit log. `snapshot` is the pin as it was, so a removal can be undone by re-adding it. */
export interface PinEvent {
  readonly id: number;
  readonly action: 'add' | 'remove';
  readonly pinId: number;
  readonly guildId: string;
  /** Who pinned or removed; null when a removal did not say who. */
  readonly actor: string | null;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly snapshot: Pin;
}

export interface SqlitePinStore extends PinStore {
  /** The guild's audit log (adds and removals), oldest first. */
  listPinEvents(guildId: string): StoreResult<readonly PinEvent[]>;
  /** Settings, votes, review queue and daily counts, on the same connection. */
  readonly moderation: ModerationStore;
  /** Forum auto-answer setting and answered posts, on the same connection. */
  readonly forums: ForumStore;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 300;

/**
 * After a failed open, reads and health checks wait this long before trying again (doubling up to the
 * maximum), so a locked database or a read-only folder costs one busy wait per window instead of one per
 * question. A write (a moderator's explicit action) always tries again at once.
 */
export const OPEN_RETRY_FIRST_MS = 1_000;
export const OPEN_RETRY_MAX_MS = 60_000;

/** Below this much free space the store is reported as not writable: the next write may fail. */
export const MIN_FREE_BYTES = 1024 * 1024;

/** Creates an empty file readable only by its owner, unless it exists (another process may win the race). */
function createPrivateFile(path: string): void {
  if (existsSync(path)) return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
  }
}

function diskFreeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

const silentLogger: PinStoreLogger = { warn: () => {}, error: () => {} };

interface PinRow {
  id: number;
  guild_id: string;
  question: string;
  normalized_question: string;
  article_id: string;
  section_id: string;
  paragraph_id: string;
  paragraph_hash: string;
  pinned_by: string;
  pinned_at: number;
  message_url: string | null;
}

interface EventRow {
  id: number;
  action: 'add' | 'remove';
  pin_id: number;
  guild_id: string;
  actor: string | null;
  at: number;
  snapshot: string;
}

function toPin(row: PinRow): Pin {
  return {
    id: row.id,
    guildId: row.guild_id,
    question: row.question,
    normalizedQuestion: row.normalized_question,
    articleId: row.article_id,
    sectionId: row.section_id,
    paragraphId: row.paragraph_id,
    paragraphHash: row.paragraph_hash,
    pinnedBy: row.pinned_by,
    pinnedAt: row.pinned_at,
    messageUrl: row.message_url,
  };
}

function toEvent(row: EventRow): PinEvent {
  return {
    id: row.id,
    action: row.action,
    pinId: row.pin_id,
    guildId: row.guild_id,
    actor: row.actor,
    at: row.at,
    snapshot: JSON.parse(row.snapshot) as Pin,
  };
}

/** Raised when a read-only database has not been migrated to the schema this code reads. */
class SchemaNotReadyError extends Error {
  constructor(found: number) {
    super(
      `database is read-only and its schema is at version ${found}; version ${LATEST_VERSION} is needed ` +
        `(open it writable once to migrate)`,
    );
    this.name = 'SchemaNotReadyError';
  }
}

const UNAVAILABLE_SQLITE_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
  'SQLITE_AUTH',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_PROTOCOL',
];
const UNAVAILABLE_FS_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EISDIR', 'ENOENT', 'EEXIST'];
/** Failures that mean "this file cannot be written", after which a read-only open is worth a try. */
const READ_ONLY_HINT_CODES = [
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
  'EACCES',
  'EPERM',
  'EROFS',
];

function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string')
    return err.code;
  return undefined;
}

/**
 * The environment, not the code, is at fault: the database is locked, read-only, missing, full or damaged.
 * Such errors become `{ ok: false, reason: 'unavailable' }`; anything else is a bug and is thrown.
 */
function isEnvironmentError(err: unknown): boolean {
  if (err instanceof SchemaTooNewError || err instanceof SchemaNotReadyError) return true;
  const code = errorCode(err);
  if (code === undefined) return false;
  if (err instanceof Database.SqliteError) return UNAVAILABLE_SQLITE_CODES.some((c) => code.startsWith(c));
  return UNAVAILABLE_FS_CODES.includes(code);
}

function hintsReadOnly(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && READ_ONLY_HINT_CODES.some((c) => code.startsWith(c));
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = errorCode(err);
  return code === undefined ? message : `${code}: ${message}`;
}

function unavailable(detail: string): { ok: false; reason: 'unavailable'; detail: string } {
  return { ok: false, reason: 'unavailable', detail };
}

function isFileDatabase(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

interface Connection {
  readonly db: Database.Database;
  readonly readonly: boolean;
  readonly insertPin: Database.Statement;
  readonly selectByQuestion: Database.Statement<[string, string]>;
  readonly selectById: Database.Statement<[string, number]>;
  readonly selectGuild: Database.Statement<[string]>;
  readonly deleteById: Database.Statement<[string, number]>;
  readonly insertEvent: Database.Statement;
  readonly selectEvents: Database.Statement<[string]>;
  readonly selectAll: Database.Statement<[]>;
}

function prepare(db: Database.Database, readonly: boolean): Connection {
  return {
    db,
    readonly,
    insertPin: db.prepare(`
      INSERT INTO pins (guild_id, question, normalized_question, article_id, section_id, paragraph_id,
                        paragraph_hash, pinned_by, pinned_at, message_url)
      VALUES (@guildId, @question, @normalizedQuestion, @articleId, @sectionId, @paragraphId,
              @paragraphHash, @pinnedBy, @pinnedAt, @messageUrl)
      ON CONFLICT (guild_id, normalized_question) DO NOTHING`),
    selectByQuestion: db.prepare('SELECT * FROM pins WHERE guild_id = ? AND normalized_question = ?'),
    selectById: db.prepare('SELECT * FROM pins WHERE guild_id = ? AND id = ?'),
    selectGuild: db.prepare('SELECT * FROM pins WHERE guild_id = ? ORDER BY pinned_at, id'),
    deleteById: db.prepare('DELETE FROM pins WHERE guild_id = ? AND id = ? RETURNING *'),
    insertEvent: db.prepare(`
      INSERT INTO pin_events (action, pin_id, guild_id, actor, at, snapshot)
      VALUES (@action, @pinId, @guildId, @actor, @at, @snapshot)`),
    selectEvents: db.prepare('SELECT * FROM pin_events WHERE guild_id = ? ORDER BY id'),
    selectAll: db.prepare('SELECT * FROM pins ORDER BY guild_id, pinned_at, id'),
  };
}

/**
 * Opens (creating the directory, the file and the schema on first start) the SQLite pin store.
 *
 * Never throws for a database that is locked, read-only, missing or damaged: the store comes back anyway
 * and its methods return `{ ok: false, reason: 'unavailable' }`. The connection is opened lazily and
 * re-attempted on the next call after a failure (e.g. a migration blocked by another process's lock), so a
 * bot started while the database was busy recovers by itself. When the file cannot be opened for writing
 * the store opens it read-only: pins can still be listed and looked up (if the schema is current), and
 * writes report `unavailable`.
 */
export function openPinStore(path: string, options: OpenPinStoreOptions = {}): SqlitePinStore {
  const logger = options.logger ?? silentLogger;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const freeBytes = options.freeBytes ?? diskFreeBytes;
  let conn: Connection | undefined;
  let closed = false;
  let lastOpenFailure: string | undefined;
  let retryOpenAt = 0;
  let retryDelayMs = OPEN_RETRY_FIRST_MS;
  let lastReadOnlyWarning: string | undefined;
  let lastWritable: boolean | undefined;

  function openWritable(): Connection {
    if (isFileDatabase(path)) {
      // Only the bot's user may read what members asked: the folder 0700, the file 0600 (SQLite gives
      // its -wal and -shm files the database file's permissions).
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      createPrivateFile(path);
    }
    const db = new Database(path, { timeout: busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // WAL: readers never block the writer and vice versa, and a crash cannot tear the main file.
      db.pragma('journal_mode = WAL');
      // FULL: in WAL mode the WAL is fsync'd at every commit, so a pin is on disk before addPin returns ok.
      // Surviving SIGKILL alone would only need NORMAL — a committed transaction has already been written
      // to the WAL (the kernel's page cache outlives the process) — but NORMAL may lose the last commits
      // on power loss or an OS crash. Pins are written a handful of times a day, so the fsync costs nothing
      // that matters, and "the bot said it was pinned" then holds even if the host dies.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      const outcome = migrate(db);
      if (outcome.applied.length > 0) {
        logger.warn({ path, from: outcome.from, to: outcome.to }, 'pin store schema migrated');
      }
      return prepare(db, false);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  function openReadOnly(): Connection {
    const db = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      db.pragma('foreign_keys = ON');
      const version = currentVersion(db);
      if (version > LATEST_VERSION) throw new SchemaTooNewError(version, LATEST_VERSION);
      if (version < LATEST_VERSION) throw new SchemaNotReadyError(version);
      return prepare(db, true);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  function openConnection(): Connection {
    if (options.readonly === true) return openReadOnly();
    try {
      return openWritable();
    } catch (err) {
      if (!isFileDatabase(path) || !hintsReadOnly(err)) throw err;
      const detail = describe(err);
      if (detail !== lastReadOnlyWarning) {
        logger.warn({ path, err: detail }, 'pin store cannot be written; opening it read-only');
      }
      lastReadOnlyWarning = detail;
      return openReadOnly();
    }
  }

  /** `retryNow`: try to open even inside the back-off window (writes do). */
  function connect(retryNow = false): StoreResult<Connection> {
    if (closed) return unavailable('the pin store is closed');
    if (conn !== undefined) return { ok: true, value: conn };
    if (!retryNow && lastOpenFailure !== undefined && now() < retryOpenAt)
      return unavailable(lastOpenFailure);
    try {
      conn = openConnection();
      lastOpenFailure = undefined;
      retryDelayMs = OPEN_RETRY_FIRST_MS;
      return { ok: true, value: conn };
    } catch (err) {
      if (!isEnvironmentError(err)) throw err;
      const detail = describe(err);
      if (detail !== lastOpenFailure) logger.error({ path, err: detail }, 'pin store cannot be opened');
      lastOpenFailure = detail;
      retryOpenAt = now() + retryDelayMs;
      retryDelayMs = Math.min(retryDelayMs * 2, OPEN_RETRY_MAX_MS);
      return unavailable(detail);
    }
  }

  function run<T>(op: string, write: boolean, fn: (c: Connection) => T): StoreResult<T> {
    const connected = connect(write);
    if (!connected.ok) return connected;
    const c = connected.value;
    if (write && c.readonly) return unavailable('the pin database is open read-only');
    try {
      return { ok: true, value: fn(c) };
    } catch (err) {
      if (!isEnvironmentError(err)) throw err;
      const detail = describe(err);
      logger.warn({ path, op, err: detail }, 'pin store operation failed');
      return unavailable(detail);
    }
  }

  function recordEvent(c: Connection, action: 'add' | 'remove', pin: Pin, actor: string | null): void {
    c.insertEvent.run({
      action,
      pinId: pin.id,
      guildId: pin.guildId,
      actor,
      at: Date.now(),
      snapshot: JSON.stringify(pin),
    });
  }

  /** Not when the database is locked, read-only, unreachable, or on a disk that is (nearly) full. */
  function checkWritable(): boolean {
    const connected = connect();
    if (!connected.ok || connected.value.readonly) return false;
    const { db } = connected.value;
    try {
      if (isFileDatabase(path)) {
        const free = freeBytes(dirname(path));
        // A write that changes nothing (below) needs no space, so a full disk has to be asked directly.
        if (free < MIN_FREE_BYTES) {
          if (lastWritable !== false) logger.warn({ path, freeBytes: free }, 'pin store disk is full');
          return false;
        }
      }
      // BEGIN IMMEDIATE alone is not enough: on a file SQLite could only open read-only it quietly becomes
      // a read transaction. A write statement that changes nothing still needs a writable database.
      db.exec('BEGIN IMMEDIATE');
      db.exec('DELETE FROM pins WHERE 0');
      db.exec('ROLLBACK');
      return true;
    } catch (err) {
      if (db.inTransaction) {
        try {
          db.exec('ROLLBACK');
        } catch {
          // the transaction is gone either way
        }
      }
      // Health probes ask often: say it when it changes, not on every probe.
      if (lastWritable !== false) logger.warn({ path, err: describe(err) }, 'pin store is not writable');
      return false;
    }
  }

  return {
    moderation: createModerationStore((op, write, fn) => run(op, write, (c) => fn(c.db))),

    addPin(pin: NewPin) {
      return run('addPin', true, (c) => {
        const add = c.db.transaction(() => {
          const info = c.insertPin.run({
            guildId: pin.guildId,
            question: pin.question,
            normalizedQuestion: pin.normalizedQuestion,
            articleId: pin.articleId,
            sectionId: pin.sectionId,
            paragraphId: pin.paragraphId,
            paragraphHash: pin.paragraphHash,
            pinnedBy: pin.pinnedBy,
            pinnedAt: pin.pinnedAt ?? Date.now(),
            messageUrl: pin.messageUrl ?? null,
          });
          const row = c.selectByQuestion.get(pin.guildId, pin.normalizedQuestion) as PinRow | undefined;
          if (row === undefined) throw new Error('pin vanished between insert and select');
          const stored = toPin(row);
          const created = info.changes === 1;
          if (created) recordEvent(c, 'add', stored, stored.pinnedBy);
          return { pin: stored, created };
        });
        // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy_timeout) instead of
        // failing half-way through with SQLITE_BUSY_SNAPSHOT.
        return add.immediate();
      });
    },

    listPins(guildId: string) {
      return run('listPins', false, (c) => (c.selectGuild.all(guildId) as PinRow[]).map(toPin));
    },

    listAllPins() {
      return run('listAllPins', false, (c) => (c.selectAll.all() as PinRow[]).map(toPin));
    },

    getPin(guildId: string, id: number) {
      return run('getPin', false, (c) => {
        const row = c.selectById.get(guildId, id) as PinRow | undefined;
        return row === undefined ? undefined : toPin(row);
      });
    },

    removePin(guildId: string, id: number, removedBy?: string) {
      return run('removePin', true, (c) => {
        const remove = c.db.transaction(() => {
          const row = c.deleteById.get(guildId, id) as PinRow | undefined;
          if (row === undefined) return undefined;
          const removed = toPin(row);
          recordEvent(c, 'remove', removed, removedBy ?? null);
          return removed;
        });
        return remove.immediate();
      });
    },

    forums: createForumStore((op, write, fn) => run(op, write, (c) => fn(c.db))),
    listPinEvents(guildId: string) {
      return run('listPinEvents', false, (c) => (c.selectEvents.all(guildId) as EventRow[]).map(toEvent));
    },

    isWritable() {
      const writable = checkWritable();
      lastWritable = writable;
      return writable;
    },

    close() {
      if (closed) return;
      closed = true;
      const c = conn;
      conn = undefined;
      if (c === undefined) return;
      try {
        c.db.close();
      } catch (err) {
        logger.warn({ path, err: describe(err) }, 'pin store did not close cleanly');
      }
    },
  };
}

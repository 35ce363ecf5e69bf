import type Database from 'better-sqlite3';

/**
 * One schema change. Versions start at 1 and increase by one; a migration is never edited after it
 * has shipped — a change to the schema is a new migration at the end of the list.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create pins',
    up: (db) => {
      // AUTOINCREMENT: a removed pin's id is never handed out again, so ids in the audit log stay unambiguous.
      db.exec(`
        CREATE TABLE pins (
          id                  INTEGER PRIMARY KEY AUTOINCREMENT,
          guild_id            TEXT    NOT NULL,
          question            TEXT    NOT NULL,
          normalized_question TEXT    NOT NULL,
          article_id          TEXT    NOT NULL,
          section_id          TEXT    NOT NULL,
          paragraph_id        TEXT    NOT NULL,
          paragraph_hash      TEXT    NOT NULL,
          pinned_by           TEXT    NOT NULL,
          pinned_at           INTEGER NOT NULL,
          message_url         TEXT,
          UNIQUE (guild_id, normalized_question)
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'create pin_events audit log',
    up: (db) => {
      // No foreign key to pins: the history of a pin must outlive the pin. `snapshot` is the pin as JSON,
      // so a removal can be reverted by re-adding it.
      db.exec(`
        CREATE TABLE pin_events (
          id        INTEGER PRIMARY KEY AUTOINCREMENT,
          action    TEXT    NOT NULL CHECK (action IN ('add', 'remove')),
          pin_id    INTEGER NOT NULL,
          guild_id  TEXT    NOT NULL,
          actor     TEXT,
          at        INTEGER NOT NULL,
          snapshot  TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX pin_events_by_guild ON pin_events (guild_id, at);
      `);
    },
  },
  {
    version: 3,
    name: 'create settings, votes, review queue and daily counts',
    up: (db) => {
      // What moderators see about members' questions, stored as little as the feature needs:
      // votes keep a keyed hash of the voter (never the id) so a vote can be changed; the review queue keeps
      // question text only while a server has it on, and never a user id, name or link; daily counts keep
      // numbers only.
      db.exec(`
        CREATE TABLE guild_settings (
          guild_id     TEXT    PRIMARY KEY,
          review_queue INTEGER NOT NULL DEFAULT 0 CHECK (review_queue IN (0, 1)),
          updated_at   INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE votes (
          answer_id  TEXT    NOT NULL,
          voter_hash TEXT    NOT NULL,
          guild_id   TEXT    NOT NULL,
          helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
          article_id TEXT    NOT NULL,
          section_id TEXT    NOT NULL,
          at         INTEGER NOT NULL,
          PRIMARY KEY (answer_id, voter_hash)
        ) STRICT;
        CREATE INDEX votes_by_guild ON votes (guild_id, at);
        CREATE TABLE review_queue (
          id                  INTEGER PRIMARY KEY AUTOINCREMENT,
          guild_id            TEXT    NOT NULL,
          normalized_question TEXT    NOT NULL,
          question            TEXT    NOT NULL,
          reason              TEXT    NOT NULL CHECK (reason IN ('declined', 'unhelpful')),
          article_id          TEXT,
          section_id          TEXT,
          times               INTEGER NOT NULL,
          first_at            INTEGER NOT NULL,
          last_at             INTEGER NOT NULL,
          UNIQUE (guild_id, normalized_question)
        ) STRICT;
        CREATE INDEX review_queue_by_age ON review_queue (last_at);
        CREATE TABLE daily_counts (
          guild_id   TEXT    NOT NULL,
          day        TEXT    NOT NULL,
          outcome    TEXT    NOT NULL,
          section_id TEXT    NOT NULL DEFAULT '',
          count      INTEGER NOT NULL,
          PRIMARY KEY (guild_id, day, outcome, section_id)
        ) STRICT;
      `);
    },
  },
  {
    version: 4,
    name: 'create forum auto-answer setting and answered posts',
    up: (db) => {
      // Which forum a server has answered, and which posts were handled (thread ids only: no text, no
      // user id), so a restart never answers a post twice.
      db.exec(`
        CREATE TABLE forum_settings (
          guild_id   TEXT    PRIMARY KEY,
          forum_id   TEXT    NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE forum_answered (
          thread_id   TEXT    PRIMARY KEY,
          guild_id    TEXT    NOT NULL,
          answered_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX forum_answered_by_guild ON forum_answered (guild_id);
        CREATE INDEX forum_answered_by_age ON forum_answered (answered_at);
      `);
    },
  },
];

export const LATEST_VERSION: number = MIGRATIONS.length;

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT;
`;

/** The highest applied migration; 0 for a database that has never been migrated. Read-only. */
export function currentVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as
    { v: number | null } | undefined;
  return row?.v ?? 0;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `migration list out of order: position ${i} has version ${m.version}, expected ${i + 1}`,
      );
    }
  });
}

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
  /** Versions this call applied; empty when the database was already up to date. */
  readonly applied: readonly number[];
}

/**
 * Brings the database up to the last migration in `migrations`.
 *
 * An up-to-date database is only read, never written. Each pending migration runs in its own
 * `BEGIN IMMEDIATE` transaction together with its `schema_migrations` row, and re-reads the version
 * inside the transaction, so two processes starting at once apply each migration exactly once.
 * Throws the SQLite error (e.g. SQLITE_BUSY) when the database cannot be written; throws an Error when
 * the database is newer than this code knows.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): MigrationOutcome {
  checkOrder(migrations);
  const latest = migrations.length;
  const from = currentVersion(db);
  if (from > latest) {
    throw new SchemaTooNewError(from, latest);
  }
  const applied: number[] = [];
  for (const migration of migrations.slice(from)) {
    const apply = db.transaction(() => {
      db.exec(CREATE_MIGRATIONS_TABLE);
      if (currentVersion(db) >= migration.version) return; // another process got here first
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now(),
      );
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return { from, to: currentVersion(db), applied };
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema is at version ${found}, newer than this bot supports (${supported})`);
    this.name = 'SchemaTooNewError';
  }
}

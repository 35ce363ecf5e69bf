import type Database from 'better-sqlite3';
import type { StoreResult } from './types.js';

/**
 * Forum auto-answer: which forum of a server gets answered, and which posts (thread ids) were answered, so
 * a restart never answers the same post twice. Nothing a member wrote is stored, and no user id.
 * Shares the pin store's connection (one database file, one lock, one health check).
 */
export interface ForumStore {
  /** The forum channel whose new posts are answered, or null. */
  autoAnswerForum(guildId: string): StoreResult<string | null>;
  /** null turns auto-answer off. */
  setAutoAnswerForum(guildId: string, forumId: string | null, at: number): StoreResult<void>;
  /**
   * Marks the post as handled: true for the first caller only (this process or another, before or after a
   * restart), false when it was handled before. Old marks are dropped after `FORGET_AFTER_MS`.
   */
  claimThread(threadId: string, guildId: string, at: number): StoreResult<boolean>;
  /** The server removed the bot: its forum setting and marks go. */
  forgetGuild(guildId: string): StoreResult<void>;
}

/** The pin store's guarded runner: environment failures become `unavailable`, bugs are thrown. */
export type ForumStoreRunner = <T>(
  op: string,
  write: boolean,
  fn: (db: Database.Database) => T,
) => StoreResult<T>;

/** A post is looked at when it is created, or at start-up within a day of it: marks older than this can go. */
export const FORGET_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

function statements(db: Database.Database) {
  return {
    forum: db.prepare<[string], { forum_id: string }>(
      'SELECT forum_id FROM forum_settings WHERE guild_id = ?',
    ),
    setForum: db.prepare(`
      INSERT INTO forum_settings (guild_id, forum_id, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (guild_id) DO UPDATE SET forum_id = excluded.forum_id, updated_at = excluded.updated_at`),
    clearForum: db.prepare('DELETE FROM forum_settings WHERE guild_id = ?'),
    claim: db.prepare(
      'INSERT INTO forum_answered (thread_id, guild_id, answered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    purge: db.prepare('DELETE FROM forum_answered WHERE answered_at < ?'),
    forgetMarks: db.prepare('DELETE FROM forum_answered WHERE guild_id = ?'),
  };
}

export function createForumStore(run: ForumStoreRunner): ForumStore {
  const prepared = new WeakMap<Database.Database, ReturnType<typeof statements>>();
  const sql = (db: Database.Database) => {
    let found = prepared.get(db);
    if (!found) {
      found = statements(db);
      prepared.set(db, found);
    }
    return found;
  };
  return {
    autoAnswerForum: (guildId) =>
      run('forum setting', false, (db) => sql(db).forum.get(guildId)?.forum_id ?? null),
    setAutoAnswerForum: (guildId, forumId, at) =>
      run('set forum setting', true, (db) => {
        if (forumId === null) sql(db).clearForum.run(guildId);
        else sql(db).setForum.run(guildId, forumId, at);
      }),
    claimThread: (threadId, guildId, at) =>
      run('claim forum post', true, (db) => {
        const statementsOf = sql(db);
        statementsOf.purge.run(at - FORGET_AFTER_MS);
        return statementsOf.claim.run(threadId, guildId, at).changes === 1;
      }),
    forgetGuild: (guildId) =>
      run('forget forum setting', true, (db) => {
        db.transaction(() => {
          sql(db).clearForum.run(guildId);
          sql(db).forgetMarks.run(guildId);
        })();
      }),
  };
}

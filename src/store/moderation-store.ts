import type Database from 'better-sqlite3';
import type { StoreResult } from './types.js';

/**
 * Settings, votes, the review queue and daily counts: what moderators see about members' questions.
 * Shares the pin store's connection (one database file, one lock, one health check).
 */

export type Outcome = 'answered' | 'pinned' | 'declined' | 'crisis';
export type QueueReason = 'declined' | 'unhelpful';

export interface GuildSettings {
  readonly reviewQueue: boolean;
}

export interface VoteRecord {
  /** The answer message's id: one vote per voter per answer. */
  readonly answerId: string;
  /** HMAC of the voter's id under the operator's secret: the id itself is never stored. */
  readonly voterHash: string;
  readonly guildId: string;
  readonly helpful: boolean;
  readonly articleId: string;
  readonly sectionId: string;
  readonly at: number;
}

/** `previous` is the voter's earlier vote on this answer, if any. */
export type VoteOutcome = { readonly previous: boolean | undefined };

export interface QueueEntryInput {
  readonly guildId: string;
  readonly normalizedQuestion: string;
  readonly question: string;
  readonly reason: QueueReason;
  readonly articleId: string | null;
  readonly sectionId: string | null;
  readonly at: number;
}

export interface QueueEntry {
  readonly id: number;
  readonly guildId: string;
  readonly question: string;
  readonly reason: QueueReason;
  readonly articleId: string | null;
  readonly sectionId: string | null;
  /** How often it was asked (or voted not helpful) since it entered the queue. */
  readonly times: number;
  readonly firstAt: number;
  readonly lastAt: number;
}

export interface OutcomeCount {
  readonly guildId: string;
  readonly day: string;
  readonly outcome: Outcome;
  /** '' when the outcome has no section (declined, crisis). */
  readonly sectionId: string;
  readonly count: number;
}

export interface GuildStats {
  /** Per day (YYYY-MM-DD, UTC) and outcome. */
  readonly daily: readonly { day: string; outcome: Outcome; count: number }[];
  readonly sections: readonly { sectionId: string; count: number }[];
  readonly helpful: number;
  readonly unhelpful: number;
  /** Queued declined questions, most asked first (empty while the queue is off: no text is kept). */
  readonly declined: readonly { question: string; times: number }[];
  readonly queued: number;
}

export interface ModerationStore {
  settings(guildId: string): StoreResult<GuildSettings>;
  /** Turning the queue off deletes every queued text of the server at once. */
  setReviewQueue(guildId: string, on: boolean, at: number): StoreResult<GuildSettings>;
  recordVote(vote: VoteRecord): StoreResult<VoteOutcome>;
  /** Adds the counts and queue entries in one transaction (the recorder batches them). */
  recordBatch(counts: readonly OutcomeCount[], entries: readonly QueueEntryInput[]): StoreResult<void>;
  /** The oldest queued question with an id above `afterId` (0 for the first). */
  nextQueued(guildId: string, afterId: number): StoreResult<QueueEntry | undefined>;
  getQueued(guildId: string, id: number): StoreResult<QueueEntry | undefined>;
  removeQueued(guildId: string, id: number): StoreResult<boolean>;
  stats(guildId: string, sinceDay: string, sinceAt: number): StoreResult<GuildStats>;
  /** Deletes queue texts last seen before `queueBefore` and votes older than `votesBefore`. */
  purge(queueBefore: number, votesBefore: number): StoreResult<{ queue: number; votes: number }>;
  /** The server removed the bot: its settings, queue texts, votes and counts go. */
  forgetGuild(guildId: string): StoreResult<void>;
  /** Totals for /metrics. */
  totals(): StoreResult<{ queued: number; votes: number }>;
}

/** The pin store's guarded runner: environment failures become `unavailable`, bugs are thrown. */
export type StoreRunner = <T>(op: string, write: boolean, fn: (db: Database.Database) => T) => StoreResult<T>;

/** UTC calendar day of a timestamp, YYYY-MM-DD. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

interface QueueRow {
  id: number;
  guild_id: string;
  question: string;
  reason: QueueReason;
  article_id: string | null;
  section_id: string | null;
  times: number;
  first_at: number;
  last_at: number;
}

const toEntry = (row: QueueRow): QueueEntry => ({
  id: row.id,
  guildId: row.guild_id,
  question: row.question,
  reason: row.reason,
  articleId: row.article_id,
  sectionId: row.section_id,
  times: row.times,
  firstAt: row.first_at,
  lastAt: row.last_at,
});

function statements(db: Database.Database) {
  return {
    settings: db.prepare<[string], { review_queue: number }>(
      'SELECT review_queue FROM guild_settings WHERE guild_id = ?',
    ),
    setQueue: db.prepare(`
      INSERT INTO guild_settings (guild_id, review_queue, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (guild_id) DO UPDATE SET review_queue = excluded.review_queue, updated_at = excluded.updated_at`),
    clearQueue: db.prepare('DELETE FROM review_queue WHERE guild_id = ?'),
    previousVote: db.prepare<[string, string], { helpful: number }>(
      'SELECT helpful FROM votes WHERE answer_id = ? AND voter_hash = ?',
    ),
    upsertVote: db.prepare(`
      INSERT INTO votes (answer_id, voter_hash, guild_id, helpful, article_id, section_id, at)
      VALUES (@answerId, @voterHash, @guildId, @helpful, @articleId, @sectionId, @at)
      ON CONFLICT (answer_id, voter_hash) DO UPDATE SET helpful = excluded.helpful, at = excluded.at`),
    addCount: db.prepare(`
      INSERT INTO daily_counts (guild_id, day, outcome, section_id, count)
      VALUES (@guildId, @day, @outcome, @sectionId, @count)
      ON CONFLICT (guild_id, day, outcome, section_id) DO UPDATE SET count = count + excluded.count`),
    enqueue: db.prepare(`
      INSERT INTO review_queue (guild_id, normalized_question, question, reason, article_id, section_id,
                                times, first_at, last_at)
      VALUES (@guildId, @normalizedQuestion, @question, @reason, @articleId, @sectionId, 1, @at, @at)
      ON CONFLICT (guild_id, normalized_question) DO UPDATE SET
        times = times + 1, last_at = excluded.last_at, reason = excluded.reason,
        article_id = excluded.article_id, section_id = excluded.section_id`),
    queueEnabled: db.prepare<[string], { review_queue: number }>(
      'SELECT review_queue FROM guild_settings WHERE guild_id = ? AND review_queue = 1',
    ),
    next: db.prepare<[string, number], QueueRow>(
      'SELECT * FROM review_queue WHERE guild_id = ? AND id > ? ORDER BY id LIMIT 1',
    ),
    byId: db.prepare<[string, number], QueueRow>('SELECT * FROM review_queue WHERE guild_id = ? AND id = ?'),
    remove: db.prepare('DELETE FROM review_queue WHERE guild_id = ? AND id = ?'),
    daily: db.prepare<[string, string], { day: string; outcome: Outcome; count: number }>(`
      SELECT day, outcome, SUM(count) AS count FROM daily_counts WHERE guild_id = ? AND day >= ?
      GROUP BY day, outcome ORDER BY day, outcome`),
    sections: db.prepare<[string, string], { sectionId: string; count: number }>(`
      SELECT section_id AS sectionId, SUM(count) AS count FROM daily_counts
      WHERE guild_id = ? AND day >= ? AND outcome IN ('answered', 'pinned') AND section_id != ''
      GROUP BY section_id ORDER BY count DESC, section_id LIMIT 5`),
    votes: db.prepare<[string, number], { helpful: number; count: number }>(
      'SELECT helpful, COUNT(*) AS count FROM votes WHERE guild_id = ? AND at >= ? GROUP BY helpful',
    ),
    declined: db.prepare<[string, number], { question: string; times: number }>(`
      SELECT question, times FROM review_queue WHERE guild_id = ? AND reason = 'declined' AND last_at >= ?
      ORDER BY times DESC, id LIMIT 5`),
    queued: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM review_queue WHERE guild_id = ?'),
    purgeQueue: db.prepare('DELETE FROM review_queue WHERE last_at < ?'),
    purgeVotes: db.prepare('DELETE FROM votes WHERE at < ?'),
    forget: [
      db.prepare('DELETE FROM guild_settings WHERE guild_id = ?'),
      db.prepare('DELETE FROM review_queue WHERE guild_id = ?'),
      db.prepare('DELETE FROM votes WHERE guild_id = ?'),
      db.prepare('DELETE FROM daily_counts WHERE guild_id = ?'),
    ],
    totals: db.prepare<[], { queued: number; votes: number }>(
      'SELECT (SELECT COUNT(*) FROM review_queue) AS queued, (SELECT COUNT(*) FROM votes) AS votes',
    ),
  };
}

export function createModerationStore(run: StoreRunner): ModerationStore {
  const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
  const sql = (db: Database.Database) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = statements(db);
      cache.set(db, prepared);
    }
    return prepared;
  };

  return {
    settings(guildId) {
      return run('settings', false, (db) => ({
        reviewQueue: (sql(db).settings.get(guildId)?.review_queue ?? 0) === 1,
      }));
    },

    setReviewQueue(guildId, on, at) {
      return run('setReviewQueue', true, (db) => {
        const s = sql(db);
        db.transaction(() => {
          s.setQueue.run(guildId, on ? 1 : 0, at);
          if (!on) s.clearQueue.run(guildId);
        }).immediate();
        return { reviewQueue: on };
      });
    },

    recordVote(vote) {
      return run('recordVote', true, (db) => {
        const s = sql(db);
        return db
          .transaction((): VoteOutcome => {
            const previous = s.previousVote.get(vote.answerId, vote.voterHash);
            s.upsertVote.run({ ...vote, helpful: vote.helpful ? 1 : 0 });
            return { previous: previous === undefined ? undefined : previous.helpful === 1 };
          })
          .immediate();
      });
    },

    recordBatch(counts, entries) {
      return run('recordBatch', true, (db) => {
        const s = sql(db);
        db.transaction(() => {
          for (const count of counts) s.addCount.run(count);
          // The setting is read inside the transaction: a text never lands after the queue was turned off.
          for (const entry of entries) if (s.queueEnabled.get(entry.guildId)) s.enqueue.run(entry);
        }).immediate();
      });
    },

    nextQueued(guildId, afterId) {
      return run('nextQueued', false, (db) => {
        const row = sql(db).next.get(guildId, afterId);
        return row && toEntry(row);
      });
    },

    getQueued(guildId, id) {
      return run('getQueued', false, (db) => {
        const row = sql(db).byId.get(guildId, id);
        return row && toEntry(row);
      });
    },

    removeQueued(guildId, id) {
      return run('removeQueued', true, (db) => sql(db).remove.run(guildId, id).changes > 0);
    },

    stats(guildId, sinceDay, sinceAt) {
      return run('stats', false, (db) => {
        const s = sql(db);
        const votes = s.votes.all(guildId, sinceAt);
        return {
          daily: s.daily.all(guildId, sinceDay),
          sections: s.sections.all(guildId, sinceDay),
          helpful: votes.find((row) => row.helpful === 1)?.count ?? 0,
          unhelpful: votes.find((row) => row.helpful === 0)?.count ?? 0,
          declined: s.declined.all(guildId, sinceAt),
          queued: s.queued.get(guildId)?.n ?? 0,
        };
      });
    },

    purge(queueBefore, votesBefore) {
      return run('purge', true, (db) => {
        const s = sql(db);
        return db
          .transaction(() => ({
            queue: s.purgeQueue.run(queueBefore).changes,
            votes: s.purgeVotes.run(votesBefore).changes,
          }))
          .immediate();
      });
    },

    forgetGuild(guildId) {
      return run('forgetGuild', true, (db) => {
        const s = sql(db);
        db.transaction(() => {
          for (const statement of s.forget) statement.run(guildId);
        }).immediate();
      });
    },

    totals() {
      return run('totals', false, (db) => sql(db).totals.get() ?? { queued: 0, votes: 0 });
    },
  };
}

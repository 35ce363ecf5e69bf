import { tierShown, type Reply } from '../answer/responder.js';
import { normalizeQuestion } from '../pins/match.js';
import { assessSafety } from '../safety/crisis.js';
import {
  dayOf,
  type ModerationStore,
  type OutcomeCount,
  type QueueEntryInput,
} from '../store/moderation-store.js';

export const DAY_MS = 86_400_000;
/** Votes are kept this long (so a vote can be changed), then deleted; /stats looks back at most this far. */
export const VOTE_RETENTION_DAYS = 90;
/** Counts and queue entries wait at most this long in memory, so a burst of questions is one write. */
const FLUSH_EVERY_MS = 1_000;
const PURGE_EVERY_MS = 60_000;

export interface RecorderLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Records what happened to each question for /stats and the review queue, off the answer's path: the
 * answer is sent first, then `question()` only adds to an in-memory batch, written once a second in one
 * transaction. A crisis message is a count and nothing else. Question text is batched only for servers
 * whose review queue is on (and re-checked inside the write).
 */
export interface Recorder {
  question(guildId: string | null, reply: Reply): void;
  /** A 👎: the answered question enters the queue (text only while the queue is on). */
  unhelpful(guildId: string, question: string, articleId: string, sectionId: string): void;
  /** The settings changed: forget the cached review-queue flag. */
  settingsChanged(guildId: string): void;
  /** Writes the batch now and applies retention; false when the database could not be written. */
  flush(): boolean;
  /** Whether the last write failed (for /healthz and a private "could not record"). */
  readonly failing: boolean;
  stop(): void;
}

export interface RecorderOptions {
  readonly store: ModerationStore;
  readonly retentionDays: number;
  readonly now: () => number;
  readonly logger: RecorderLogger;
  /** Whether to flush on a timer (tests flush by hand through /review and /stats). */
  readonly timer?: boolean;
  /** Told each time a question is batched for a review queue (for /metrics). */
  readonly onQueued?: (reason: QueueEntryInput['reason']) => void;
}

export function createRecorder({
  store,
  retentionDays,
  now,
  logger,
  timer = true,
  onQueued,
}: RecorderOptions): Recorder {
  const counts = new Map<string, OutcomeCount>();
  let entries: QueueEntryInput[] = [];
  const queueOn = new Map<string, boolean>();
  let failing = false;
  let lastPurge = -Infinity;
  let loggedFailure = false;

  const isQueueOn = (guildId: string): boolean => {
    const cached = queueOn.get(guildId);
    if (cached !== undefined) return cached;
    const settings = store.settings(guildId);
    const on = settings.ok && settings.value.reviewQueue;
    if (settings.ok) queueOn.set(guildId, on);
    return on;
  };

  const count = (guildId: string, outcome: OutcomeCount['outcome'], sectionId = ''): void => {
    const day = dayOf(now());
    const key = `${guildId}\u0000${day}\u0000${outcome}\u0000${sectionId}`;
    const existing = counts.get(key);
    counts.set(key, { guildId, day, outcome, sectionId, count: (existing?.count ?? 0) + 1 });
  };

  const enqueue = (entry: Omit<QueueEntryInput, 'normalizedQuestion' | 'at'>): void => {
    const normalizedQuestion = normalizeQuestion(entry.question);
    if (!normalizedQuestion || !isQueueOn(entry.guildId)) return;
    // A message that shows distress or danger is counted, never kept: its words say more about the
    // member than about the article. (A crisis never gets here; a 👎 on a concern answer does, and so
    // does a declined message that got the calm line because it reads a little like distress.)
    if (tierShown(assessSafety(entry.question), false) !== 'none') return;
    entries.push({ ...entry, normalizedQuestion, at: now() });
    onQueued?.(entry.reason);
  };

  function flush(): boolean {
    const time = now();
    if (counts.size > 0 || entries.length > 0) {
      const written = store.recordBatch([...counts.values()], entries);
      if (!written.ok) {
        failing = true;
        if (!loggedFailure) logger.warn({ err: written.detail }, 'could not record question counts');
        loggedFailure = true;
        // Counts are kept for the next try; queue texts are dropped rather than held in memory.
        entries = [];
        return false;
      }
      counts.clear();
      entries = [];
    }
    if (time - lastPurge >= PURGE_EVERY_MS || !timer) {
      const purged = store.purge(time - retentionDays * DAY_MS, time - VOTE_RETENTION_DAYS * DAY_MS);
      if (!purged.ok) {
        failing = true;
        return false;
      }
      lastPurge = time;
    }
    failing = false;
    loggedFailure = false;
    return true;
  }

  const interval = timer ? setInterval(flush, FLUSH_EVERY_MS) : undefined;
  interval?.unref();

  return {
    question(guildId, reply) {
      if (!guildId) return;
      switch (reply.kind) {
        case 'crisis':
          // A count and nothing else: no text, no section, no trace of who.
          count(guildId, 'crisis');
          return;
        case 'answer':
          count(guildId, 'answered', reply.answer.sectionId);
          return;
        case 'pinned':
          count(guildId, 'pinned', reply.answer.sectionId);
          return;
        case 'no-match':
          count(guildId, 'declined');
          enqueue({
            guildId,
            question: reply.question,
            reason: 'declined',
            articleId: null,
            sectionId: null,
          });
          return;
      }
    },
    unhelpful(guildId, question, articleId, sectionId) {
      enqueue({ guildId, question, reason: 'unhelpful', articleId, sectionId });
    },
    settingsChanged(guildId) {
      queueOn.delete(guildId);
      // Texts batched under the old setting must not outlive it.
      entries = entries.filter((entry) => entry.guildId !== guildId);
    },
    flush,
    get failing() {
      return failing;
    },
    stop() {
      if (interval) clearInterval(interval);
      flush();
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/store/moderation-store.js';
import { openPinStore, type SqlitePinStore } from '../../src/store/sqlite-pin-store.js';

const GUILD = '111111111111111111';
const OTHER = '222222222222222222';
const AT = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;

describe('GIVEN the moderation store', () => {
  let store: SqlitePinStore;
  beforeEach(() => {
    store = openPinStore(':memory:');
  });
  afterEach(() => store.close());

  const vote = (voterHash: string, helpful: boolean, answerId = 'm1', guildId = GUILD, at = AT) =>
    store.moderation.recordVote({
      answerId,
      voterHash,
      guildId,
      helpful,
      articleId: 'a',
      sectionId: 's',
      at,
    });
  const entry = (question: string, guildId = GUILD, at = AT) => ({
    guildId,
    normalizedQuestion: question.toLowerCase(),
    question,
    reason: 'declined' as const,
    articleId: null,
    sectionId: null,
    at,
  });
  const stats = (guildId = GUILD) => {
    const result = store.moderation.stats(guildId, dayOf(AT - 6 * DAY), AT - 6 * DAY);
    if (!result.ok) throw new Error(result.detail);
    return result.value;
  };

  it('WHEN one voter votes, repeats and changes THEN the previous vote is reported and it counts once', () => {
    expect(vote('h1', true)).toEqual({ ok: true, value: { previous: undefined } });
    expect(vote('h1', true)).toEqual({ ok: true, value: { previous: true } });
    expect(vote('h1', false)).toEqual({ ok: true, value: { previous: true } });
    vote('h2', true);
    expect(stats()).toMatchObject({ helpful: 1, unhelpful: 1 });
  });

  it('WHEN the queue is off THEN a batch keeps the counts and drops the texts', () => {
    store.moderation.recordBatch(
      [{ guildId: GUILD, day: dayOf(AT), outcome: 'declined', sectionId: '', count: 2 }],
      [entry('Why so?')],
    );
    expect(store.moderation.nextQueued(GUILD, 0)).toEqual({ ok: true, value: undefined });
    expect(stats().daily).toEqual([{ day: dayOf(AT), outcome: 'declined', count: 2 }]);
  });

  it('WHEN the same normalised question is queued twice THEN it is one entry asked twice', () => {
    store.moderation.setReviewQueue(GUILD, true, AT);
    store.moderation.recordBatch([], [entry('Why so?'), entry('WHY SO?', GUILD, AT + 1)]);
    const first = store.moderation.nextQueued(GUILD, 0);
    expect(first.ok && first.value).toMatchObject({ times: 2, firstAt: AT, lastAt: AT + 1 });
    expect(store.moderation.nextQueued(OTHER, 0)).toEqual({ ok: true, value: undefined });
  });

  it('WHEN entries are older than the retention THEN purge deletes them and keeps the rest', () => {
    store.moderation.setReviewQueue(GUILD, true, AT);
    store.moderation.recordBatch([], [entry('old one', GUILD, AT - 31 * DAY), entry('new one')]);
    vote('h1', true, 'm-old', GUILD, AT - 91 * DAY);
    expect(store.moderation.purge(AT - 30 * DAY, AT - 90 * DAY)).toEqual({
      ok: true,
      value: { queue: 1, votes: 1 },
    });
    const left = store.moderation.nextQueued(GUILD, 0);
    expect(left.ok && left.value?.question).toBe('new one');
  });

  it('WHEN a server is forgotten THEN its data goes and another server keeps its own', () => {
    for (const guildId of [GUILD, OTHER]) {
      store.moderation.setReviewQueue(guildId, true, AT);
      store.moderation.recordBatch(
        [{ guildId, day: dayOf(AT), outcome: 'answered', sectionId: 's', count: 1 }],
        [entry('kept?', guildId)],
      );
      vote('h', true, `m-${guildId}`, guildId);
    }
    store.moderation.forgetGuild(GUILD);
    expect(stats(GUILD)).toMatchObject({ daily: [], helpful: 0, queued: 0 });
    expect(stats(OTHER)).toMatchObject({ helpful: 1, queued: 1 });
    expect(store.moderation.settings(GUILD)).toEqual({ ok: true, value: { reviewQueue: false } });
  });

  it('WHEN the database is read-only THEN votes report unavailable instead of throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moderation-store-'));
    const path = join(dir, 'bot.db');
    openPinStore(path).close();
    const readonly = openPinStore(path, { readonly: true });
    const result = readonly.moderation.recordVote({
      answerId: 'm',
      voterHash: 'h',
      guildId: GUILD,
      helpful: true,
      articleId: 'a',
      sectionId: 's',
      at: AT,
    });
    expect(result.ok).toBe(false);
    readonly.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS } from '../../src/store/forum-store.js';
import { openPinStore, type SqlitePinStore } from '../../src/store/sqlite-pin-store.js';
import { makeTempDir } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const AT = 1_700_000_000_000;

describe('GIVEN the forum auto-answer store', () => {
  const opened: SqlitePinStore[] = [];
  const temp = makeTempDir();
  const open = (): SqlitePinStore => {
    const store = openPinStore(join(temp.dir, 'bot.db'));
    opened.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  afterAll(() => temp.cleanup());

  it('WHEN a forum is chosen and then turned off THEN the setting follows, per server', () => {
    const { forums } = open();
    expect(forums.autoAnswerForum('g1')).toEqual({ ok: true, value: null });
    expect(forums.setAutoAnswerForum('g1', '111', AT).ok).toBe(true);
    expect(forums.setAutoAnswerForum('g2', '222', AT).ok).toBe(true);
    expect(forums.autoAnswerForum('g1')).toEqual({ ok: true, value: '111' });
    expect(forums.setAutoAnswerForum('g1', null, AT).ok).toBe(true);
    expect(forums.autoAnswerForum('g1')).toEqual({ ok: true, value: null });
    expect(forums.autoAnswerForum('g2')).toEqual({ ok: true, value: '222' });
  });

  it('WHEN a post is claimed twice, even by a reopened store, THEN only the first claim wins', () => {
    expect(open().forums.claimThread('t1', 'g1', AT)).toEqual({ ok: true, value: true });
    expect(open().forums.claimThread('t1', 'g1', AT + 1)).toEqual({ ok: true, value: false });
    expect(open().forums.claimThread('t2', 'g1', AT + 2)).toEqual({ ok: true, value: true });
  });

  it('WHEN a mark is older than the forgetting age THEN it is dropped; younger ones stay', () => {
    const { forums } = open();
    forums.claimThread('old', 'g1', AT);
    forums.claimThread('young', 'g1', AT + FORGET_AFTER_MS - DAY);
    forums.claimThread('trigger', 'g1', AT + FORGET_AFTER_MS + 1);
    expect(forums.claimThread('old', 'g1', AT + FORGET_AFTER_MS + 2)).toEqual({ ok: true, value: true });
    expect(forums.claimThread('young', 'g1', AT + FORGET_AFTER_MS + 3)).toEqual({ ok: true, value: false });
  });

  it('WHEN the server removes the bot THEN its setting and marks go, other servers keep theirs', () => {
    const { forums } = open();
    forums.setAutoAnswerForum('g1', '111', AT);
    forums.setAutoAnswerForum('g2', '222', AT);
    forums.claimThread('t1', 'g1', AT);
    forums.claimThread('t2', 'g2', AT);
    expect(forums.forgetGuild('g1').ok).toBe(true);
    expect(forums.autoAnswerForum('g1')).toEqual({ ok: true, value: null });
    expect(forums.claimThread('t1', 'g1', AT)).toEqual({ ok: true, value: true });
    expect(forums.autoAnswerForum('g2')).toEqual({ ok: true, value: '222' });
    expect(forums.claimThread('t2', 'g2', AT)).toEqual({ ok: true, value: false });
  });
});

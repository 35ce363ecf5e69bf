import { describe, expect, it } from 'vitest';
import { createRateLimiter, createRecentAnswers } from '../../src/discord/rate-limit.js';

function clock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('GIVEN a limit of 5 questions per 30 s', () => {
  it('WHEN a user asks 6 times at once THEN the first 5 pass and the 6th waits for the first to expire', () => {
    const time = clock();
    const limiter = createRateLimiter(5, 30_000, time.now);
    const decisions = [];
    for (let i = 0; i < 5; i++) {
      decisions.push(limiter.take('user'));
      time.advance(1_000);
    }
    expect(decisions).toEqual(Array.from({ length: 5 }, () => ({ ok: true })));
    // First question at t0, now t0 + 5 s: it expires in 25 s.
    expect(limiter.take('user')).toEqual({ ok: false, retryAfterMs: 25_000 });
  });

  it('WHEN the window slides past the oldest question THEN one more is allowed, and only one', () => {
    const time = clock();
    const limiter = createRateLimiter(5, 30_000, time.now);
    for (let i = 0; i < 5; i++) {
      limiter.take('user');
      time.advance(1_000);
    }
    time.advance(25_000); // t0 + 30 s: the first question has left the window
    expect(limiter.take('user')).toEqual({ ok: true });
    expect(limiter.take('user')).toEqual({ ok: false, retryAfterMs: 1_000 });
  });

  it('WHEN refused questions keep coming THEN they do not extend the wait', () => {
    const time = clock();
    const limiter = createRateLimiter(5, 30_000, time.now);
    for (let i = 0; i < 5; i++) limiter.take('user');
    for (let i = 0; i < 10; i++) {
      expect(limiter.take('user').ok).toBe(false);
      time.advance(1_000);
    }
    time.advance(20_000);
    expect(limiter.take('user')).toEqual({ ok: true });
  });

  it('WHEN one user is limited THEN other users are not', () => {
    const time = clock();
    const limiter = createRateLimiter(5, 30_000, time.now);
    for (let i = 0; i < 5; i++) limiter.take('alice');
    expect(limiter.take('alice').ok).toBe(false);
    expect(limiter.take('bob')).toEqual({ ok: true });
  });

  it('WHEN a quiet user has been forgotten by the sweep THEN they start afresh', () => {
    const time = clock();
    const limiter = createRateLimiter(5, 30_000, time.now);
    for (let i = 0; i < 5; i++) limiter.take('alice');
    time.advance(60_000);
    limiter.take('bob'); // triggers the sweep
    for (let i = 0; i < 5; i++) expect(limiter.take('alice')).toEqual({ ok: true });
    expect(limiter.take('alice').ok).toBe(false);
  });

  it('WHEN the limit is 1 THEN retryAfter is the rest of the window', () => {
    const time = clock();
    const limiter = createRateLimiter(1, 10_000, time.now);
    expect(limiter.take('u')).toEqual({ ok: true });
    time.advance(4_000);
    expect(limiter.take('u')).toEqual({ ok: false, retryAfterMs: 6_000 });
  });
});

describe('GIVEN recent answers with a 60 s time to live', () => {
  it('WHEN looked up within the TTL THEN the link is found; after it THEN it is gone', () => {
    const time = clock();
    const recent = createRecentAnswers(60_000, time.now);
    expect(recent.find('k')).toBeUndefined();
    recent.remember('k', 'https://discord.com/channels/1/2/3');
    time.advance(60_000);
    expect(recent.find('k')).toBe('https://discord.com/channels/1/2/3');
    time.advance(1);
    expect(recent.find('k')).toBeUndefined();
  });

  it('WHEN remembered again THEN the newest link wins and its TTL restarts', () => {
    const time = clock();
    const recent = createRecentAnswers(60_000, time.now);
    recent.remember('k', 'old');
    time.advance(50_000);
    recent.remember('k', 'new');
    time.advance(50_000);
    expect(recent.find('k')).toBe('new');
  });

  it('WHEN keys differ THEN they are independent', () => {
    const time = clock();
    const recent = createRecentAnswers(60_000, time.now);
    recent.remember('a', 'link-a');
    time.advance(30_000);
    recent.remember('b', 'link-b');
    time.advance(31_000);
    expect(recent.find('a')).toBeUndefined();
    expect(recent.find('b')).toBe('link-b');
  });
});

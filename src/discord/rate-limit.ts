export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

/** A sliding window per key; keys with no recent use are forgotten so memory stays bounded. */
export function createRateLimiter(
  limit: number,
  windowMs: number,
  now: () => number = Date.now,
): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = now();
  return {
    take(key) {
      const time = now();
      if (time - lastSweep > windowMs) {
        for (const [other, times] of hits)
          if ((times[times.length - 1] ?? 0) <= time - windowMs) hits.delete(other);
        lastSweep = time;
      }
      const recent = (hits.get(key) ?? []).filter((at) => at > time - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { ok: false, retryAfterMs: (recent[0] ?? time) + windowMs - time };
      }
      recent.push(time);
      hits.set(key, recent);
      return { ok: true };
    },
  };
}

/** Remembers what was recently said where, so a repeated mention points to the earlier answer. */
export interface RecentAnswers {
  find(key: string): string | undefined;
  remember(key: string, link: string): void;
}

export function createRecentAnswers(ttlMs: number, now: () => number = Date.now): RecentAnswers {
  const entries = new Map<string, { link: string; at: number }>();
  return {
    find(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.at > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.link;
    },
    remember(key, link) {
      const time = now();
      for (const [other, entry] of entries) if (time - entry.at > ttlMs) entries.delete(other);
      entries.set(key, { link, at: time });
    },
  };
}

/**
 * "Once, then quiet": `first(key, until)` is true the first time and false again until `until` has
 * passed. One "slow down" per refused window; one public crisis reply per member and channel a minute.
 * Expired keys are forgotten, so memory follows recent activity only.
 */
export interface OncePer {
  first(key: string, until: number): boolean;
}

export function createOncePer(now: () => number = Date.now): OncePer {
  const quietUntil = new Map<string, number>();
  let nextSweep = 0;
  return {
    first(key, until) {
      const time = now();
      if (time >= nextSweep) {
        for (const [other, end] of quietUntil) if (end <= time) quietUntil.delete(other);
        nextSweep = time + 60_000;
      }
      const end = quietUntil.get(key);
      if (end !== undefined && time < end) return false;
      quietUntil.set(key, until);
      return true;
    },
  };
}

/**
 * Work put off until later, one task per key: at most `limit` wait at a time (scheduling one more drops
 * the one that has waited longest, reported to `onDrop`), the timers never keep the process alive, and
 * `clear()` cancels every one (the bot shutting down). Scheduling a key that already waits replaces it.
 */
export interface DelayedTasks {
  schedule(key: string, delayMs: number, run: () => void): void;
  /** Cancels every waiting task; nothing scheduled before runs afterwards. */
  clear(): void;
  /** How many tasks wait. */
  readonly size: number;
}

export function createDelayedTasks(limit: number, onDrop: (key: string) => void): DelayedTasks {
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    schedule(key, delayMs, run) {
      const previous = waiting.get(key);
      if (previous) clearTimeout(previous);
      waiting.delete(key);
      while (waiting.size >= limit) {
        const oldest = waiting.entries().next();
        if (oldest.done) break;
        clearTimeout(oldest.value[1]);
        waiting.delete(oldest.value[0]);
        onDrop(oldest.value[0]);
      }
      const timer = setTimeout(() => {
        waiting.delete(key);
        run();
      }, delayMs);
      timer.unref();
      waiting.set(key, timer);
    },
    clear() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
    get size() {
      return waiting.size;
    },
  };
}

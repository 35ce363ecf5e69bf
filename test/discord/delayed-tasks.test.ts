import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelayedTasks } from '../../src/discord/delayed-tasks.js';

describe('GIVEN delayed tasks kept at most 3 at a time', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('WHEN a task is due THEN it runs once, and not before its delay', () => {
    const tasks = createDelayedTasks(3, () => {});
    const ran: string[] = [];
    tasks.schedule('a', 1_000, () => ran.push('a'));
    vi.advanceTimersByTime(999);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
    vi.advanceTimersByTime(10_000);
    expect(ran).toEqual(['a']);
    expect(tasks.size).toBe(0);
  });

  it('WHEN a fourth is scheduled THEN the one waiting longest is dropped, reported, and never runs', () => {
    const dropped: string[] = [];
    const tasks = createDelayedTasks(3, (key) => dropped.push(key));
    const ran: string[] = [];
    for (const key of ['a', 'b', 'c', 'd']) tasks.schedule(key, 1_000, () => ran.push(key));
    expect(dropped).toEqual(['a']);
    expect(tasks.size).toBe(3);
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual(['b', 'c', 'd']);
  });

  it('WHEN a waiting key is scheduled again THEN only the new task runs, and nothing is dropped', () => {
    const dropped: string[] = [];
    const tasks = createDelayedTasks(3, (key) => dropped.push(key));
    const ran: string[] = [];
    tasks.schedule('a', 1_000, () => ran.push('first'));
    tasks.schedule('a', 2_000, () => ran.push('second'));
    vi.advanceTimersByTime(5_000);
    expect(ran).toEqual(['second']);
    expect(dropped).toEqual([]);
  });

  it('WHEN cleared (the bot stops) THEN no waiting task ever runs', () => {
    const tasks = createDelayedTasks(3, () => {});
    const ran: string[] = [];
    tasks.schedule('a', 1_000, () => ran.push('a'));
    tasks.schedule('b', 2_000, () => ran.push('b'));
    tasks.clear();
    vi.advanceTimersByTime(10_000);
    expect(ran).toEqual([]);
    expect(tasks.size).toBe(0);
  });

  it('WHEN tasks wait THEN their timers do not keep the process alive', () => {
    vi.useRealTimers();
    const tasks = createDelayedTasks(3, () => {});
    const spy = vi.spyOn(globalThis, 'setTimeout');
    tasks.schedule('a', 60_000, () => {});
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    spy.mockRestore();
    expect(timer.hasRef()).toBe(false);
    tasks.clear();
  });
});

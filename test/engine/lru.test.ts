import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/engine/lru.js';

describe('GIVEN an LRU cache of 3 entries', () => {
  it('WHEN a fourth key is set THEN the least recently used is forgotten and the others kept', () => {
    const cache = new LruCache<string, number>(3);
    ['a', 'b', 'c', 'd'].forEach((key, i) => cache.set(key, i));
    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key))).toEqual([undefined, 1, 2, 3]);
    expect(cache.size).toBe(3);
  });

  it('WHEN a key is read THEN it becomes the most recent; WHEN deleted THEN it is gone', () => {
    const cache = new LruCache<string, true>(2);
    cache.set('a', true);
    cache.set('b', true);
    cache.get('a');
    cache.set('c', true);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([true, undefined, true]);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});

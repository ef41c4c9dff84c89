import { describe, expect, it } from 'vitest';
import { createLruCache } from '@/lib/lru-cache';

describe('the LRU cache', () => {
  it('drops the least recently used first and never costs more than its budget', () => {
    const cache = createLruCache<string, string>(10, (_key, value) => value.length);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    // Reading `a` makes it the most recently used, so `b` leaves when `c` arrives.
    expect(cache.get('a')).toBe('aaaa');
    cache.set('c', 'cccc');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('aaaa');
    expect(cache.get('c')).toBe('cccc');
    expect([cache.size, cache.cost]).toEqual([2, 8]);
  });

  it('replaces a key in place, and keeps nothing that alone exceeds the budget', () => {
    const cache = createLruCache<string, string>(10, (_key, value) => value.length);
    cache.set('a', 'aaaa');
    cache.set('a', 'aaaaaa');
    expect([cache.size, cache.cost]).toEqual([1, 6]);
    cache.set('a', 'x'.repeat(11));
    expect(cache.get('a')).toBeUndefined();
    expect([cache.size, cache.cost]).toEqual([0, 0]);
    cache.set('b', 'bb');
    cache.delete('b');
    expect([cache.size, cache.cost]).toEqual([0, 0]);
  });

  it('counts entries when given no cost', () => {
    const cache = createLruCache<number, number>(3);
    for (let i = 0; i < 100; i++) cache.set(i, i);
    expect([cache.size, cache.cost]).toEqual([3, 3]);
    expect([cache.get(97), cache.get(98), cache.get(99)]).toEqual([97, 98, 99]);
  });
});

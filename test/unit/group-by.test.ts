import { describe, expect, it } from 'vitest';
import { groupBy } from '@/lib/group-by';

describe('groupBy', () => {
  it('keeps keys in the order first met and items in their order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (item) => item[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
    expect(groupBy([], (item: string) => item).size).toBe(0);
  });
});

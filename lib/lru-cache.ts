// A map that keeps its most recently used entries within a budget, for the caches that live in
// the server's memory (feed bodies, embedded-mode token rows): however many distinct
// keys pass, it never holds more than `maxCost`. Each entry costs what `costOf` says (its bytes,
// or 1 to count entries); the least recently used leave first.

export interface LruCache<Key, Value> {
  /** The value kept under `key`, if any (it becomes the most recently used). */
  get(key: Key): Value | undefined;
  /** Keeps `value` as the most recently used; one that alone exceeds the budget is not kept. */
  set(key: Key, value: Value): void;
  delete(key: Key): void;
  /** Entries kept, and what they cost together (never above the budget). */
  readonly size: number;
  readonly cost: number;
}

export function createLruCache<Key, Value>(
  maxCost: number,
  costOf: (key: Key, value: Value) => number = () => 1,
): LruCache<Key, Value> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<Key, { value: Value; cost: number }>();
  let totalCost = 0;

  function remove(key: Key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    totalCost -= entry.cost;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      remove(key);
      const cost = costOf(key, value);
      if (cost > maxCost) return;
      entries.set(key, { value, cost });
      totalCost += cost;
      for (const oldest of entries.keys()) {
        if (totalCost <= maxCost) break;
        remove(oldest);
      }
    },
    delete: remove,
    get size() {
      return entries.size;
    },
    get cost() {
      return totalCost;
    },
  };
}

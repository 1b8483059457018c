// Results of pure analysis kept by their input: names and descriptions repeat (a few thousand given names and surnames
// make most reports), so a worker scoring hundreds of candidates a second analyses each word once.

/** Entries a cache keeps by default; the oldest is dropped beyond it, so memory stays bounded in a long-lived worker. */
export const MEMO_ENTRIES = 50_000;

/** A map that forgets its oldest entry beyond `entries`; its values must be treated as immutable. */
export class BoundedCache<K, V> {
  private readonly kept = new Map<K, V>();
  /**
   * The keys in the order they were added, as a ring whose slot `oldest` holds the next to forget. Not the Map's own
   * first key: V8 finds it by stepping over every slot deleted before it, tens of microseconds an eviction once full.
   */
  private readonly order: K[] = [];
  private oldest = 0;

  private readonly entries: number;

  constructor(entries = MEMO_ENTRIES) {
    this.entries = Math.max(1, entries);
  }

  get size(): number {
    return this.kept.size;
  }

  getOrAdd(key: K, make: (key: K) => V): V {
    const hit = this.kept.get(key);
    if (hit !== undefined) return hit;
    const value = make(key);
    if (!this.kept.has(key)) {
      if (this.order.length < this.entries) this.order.push(key);
      else {
        this.kept.delete(this.order[this.oldest]!);
        this.order[this.oldest] = key;
        this.oldest = (this.oldest + 1) % this.entries;
      }
    }
    this.kept.set(key, value);
    return value;
  }
}

/** `fn` memoised by its string argument; its results must be treated as immutable. */
export function memoiseByText<T>(fn: (text: string) => T, entries = MEMO_ENTRIES): (text: string) => T {
  const cache = new BoundedCache<string, T>(entries);
  return (text) => cache.getOrAdd(text, fn);
}

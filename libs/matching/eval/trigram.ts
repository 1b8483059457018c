// pg_trgm's similarity(), to emulate the candidate search the database will run.

/** Trigrams of a text as pg_trgm makes them: each word padded with two spaces before, one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** |shared| / |union| of the two texts' trigrams, as pg_trgm's similarity(). */
export function trigramSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** An inverted index of trigrams, as a GIN index with gin_trgm_ops serves `%`. */
export class TrigramIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];

  add(id: number, text: string): void {
    const grams = trigrams(text);
    this.sizes[id] = grams.size;
    for (const g of grams) {
      const list = this.postings.get(g);
      if (list) list.push(id);
      else this.postings.set(g, [id]);
    }
  }

  /** Ids whose text has similarity ≥ threshold with the query (pg_trgm default threshold 0.3). */
  search(text: string, threshold = 0.3): number[] {
    const grams = trigrams(text);
    const shared = new Map<number, number>();
    for (const g of grams) {
      for (const id of this.postings.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const hits: number[] = [];
    for (const [id, n] of shared) {
      const union = grams.size + (this.sizes[id] ?? 0) - n;
      if (n / union >= threshold) hits.push(id);
    }
    return hits;
  }
}

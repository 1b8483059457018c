// Candidate search as the database will run it, over the stored blocking keys: a shared name
// key, name skeleton or guardian key (GIN on text[]), or a name key similar to one of the
// found child's (pg_trgm on a table of keys), then the blocking predicate. A found child with
// no usable name (none, or a pet name only) is compared with every missing report the
// predicate allows.
import { blockingKeys, isCandidatePair, type BlockingKeys, type BlockingOptions, type FoundReport, type MissingReport } from '../src/index.js';
import { TrigramIndex } from './trigram.js';

class KeyIndex {
  private readonly postings = new Map<string, number[]>();

  add(id: number, keys: readonly string[]): void {
    for (const k of keys) {
      const list = this.postings.get(k);
      if (list) list.push(id);
      else this.postings.set(k, [id]);
    }
  }

  lookup(keys: readonly string[], into: Set<number>): void {
    for (const k of keys) for (const id of this.postings.get(k) ?? []) into.add(id);
  }
}

export interface CandidateSearch {
  /** missing reports (by index) that are candidates for a found report */
  candidatesFor(found: FoundReport): number[];
}

export function buildCandidateSearch(missing: readonly MissingReport[], options: BlockingOptions & { trigramThreshold?: number } = {}): CandidateSearch {
  const names = new KeyIndex();
  const skeletons = new KeyIndex();
  const guardians = new KeyIndex();
  const trigram = new TrigramIndex();
  const reportsByKey: number[][] = [];
  const keyIds = new Map<string, number>();
  missing.forEach((m, i) => {
    const keys = blockingKeys(m);
    names.add(i, keys.nameKeys);
    skeletons.add(i, keys.nameSkeletons);
    guardians.add(i, keys.guardianKeys);
    for (const key of keys.nameKeys) {
      let id = keyIds.get(key);
      if (id === undefined) {
        id = keyIds.size;
        keyIds.set(key, id);
        trigram.add(id, key);
        reportsByKey[id] = [];
      }
      reportsByKey[id]?.push(i);
    }
  });
  const threshold = options.trigramThreshold ?? 0.3;
  return {
    candidatesFor(found: FoundReport): number[] {
      const keys: BlockingKeys = blockingKeys(found);
      const hits = new Set<number>();
      if (keys.searchByAttributes) missing.forEach((_, i) => hits.add(i));
      names.lookup(keys.nameKeys, hits);
      skeletons.lookup(keys.nameSkeletons, hits);
      for (const key of keys.nameKeys) {
        for (const id of trigram.search(key, threshold)) for (const i of reportsByKey[id] ?? []) hits.add(i);
      }
      guardians.lookup(keys.guardianKeys, hits);
      return [...hits].filter((i) => isCandidatePair(missing[i] as MissingReport, found, options)).sort((a, b) => a - b);
    },
  };
}

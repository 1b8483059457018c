// Re-keying: when the matching keys change (BLOCKING_KEYS_VERSION), the reports stored before get the keys today's code
// computes, so that candidate search reaches them as it reaches new ones. An open report whose keys changed is matched
// again: its new keys may find reports the old ones missed (a pair where neither report's keys changed is unaffected).
// Run by the worker's matching processor as the 'rekey' job, in batches: a crash loses no more than a batch's work.
import { enqueueMatching, type MatchingQueue } from '@raksha/contracts';
import type { ReportKeys, ReportRepository, StaleKeyedReport } from '@raksha/db';
import { BLOCKING_KEYS_VERSION, storedKeys } from '@raksha/matching';
import { storedRecord } from './matching.js';

export interface RekeyDeps {
  reports: ReportRepository;
  matching: MatchingQueue;
}

export interface RekeyOutcome {
  keysVersion: number;
  /** reports given the current version's keys */
  rekeyed: number;
  /** of which the keys differ from those stored */
  changed: number;
  /** of which open, and enqueued to be matched again */
  rematched: number;
}

const REKEY_BATCH = 500;

function keysChanged(stored: StaleKeyedReport, now: ReportKeys): boolean {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    stored.searchName !== now.searchName ||
    stored.searchByAttributes !== now.searchByAttributes ||
    !same(stored.nameKeys, now.nameKeys) ||
    !same(stored.nameSkeletons, now.nameSkeletons) ||
    !same(stored.guardianKeys, now.guardianKeys) ||
    stored.gender !== now.gender ||
    stored.birthYearMin !== now.birthYearMin ||
    stored.birthYearMax !== now.birthYearMax
  );
}

export function createRekeyer(deps: RekeyDeps) {
  return {
    /** The version this code keys reports with. */
    keysVersion: BLOCKING_KEYS_VERSION,

    /** Gives every report keyed by an older version the current keys; returns what it did. */
    async rekeyStoredReports(batchSize = REKEY_BATCH): Promise<RekeyOutcome> {
      const outcome: RekeyOutcome = { keysVersion: BLOCKING_KEYS_VERSION, rekeyed: 0, changed: 0, rematched: 0 };
      for (let after: string | null = null; ; ) {
        const batch = await deps.reports.staleKeyed(BLOCKING_KEYS_VERSION, after, batchSize);
        if (batch.length === 0) return outcome;
        const keyed = batch.map((row) => ({ row, keys: { id: row.id, ...storedKeys(storedRecord(row)) } }));
        await deps.reports.rekey(keyed.map((k) => k.keys));
        const changed = keyed.filter(({ row, keys }) => keysChanged(row, keys));
        const open = changed.filter(({ row }) => row.status === 'OPEN');
        for (const { row } of open) await enqueueMatching(deps.matching, row.id, `rekey-v${BLOCKING_KEYS_VERSION}`);
        outcome.rekeyed += batch.length;
        outcome.changed += changed.length;
        outcome.rematched += open.length;
        after = batch.at(-1)!.id;
      }
    },
  };
}

export type Rekeyer = ReturnType<typeof createRekeyer>;

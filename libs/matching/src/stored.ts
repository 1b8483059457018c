// How a report as Raksha stores it (a description, a date, a place) becomes the record matching works on.
import { BLOCKING_KEYS_VERSION, blockingKeys, type BlockingKeys } from './blocking.js';
import type { ChildDescription, ChildReport, Place } from './record.js';

export interface StoredReportParts {
  id: string;
  kind: 'MISSING' | 'FOUND';
  /** the child's description as filed (names, guardians, age, marks, ...) */
  description: Omit<ChildDescription, 'id' | 'place'>;
  /** ISO time last seen (missing) or found (found) */
  occurredAt: string;
  place: Place;
}

export function childReportOf(p: StoredReportParts): ChildReport {
  const base = { ...p.description, id: p.id, place: p.place };
  return p.kind === 'MISSING' ? { ...base, kind: 'MISSING', lastSeenAt: p.occurredAt } : { ...base, kind: 'FOUND', foundAt: p.occurredAt };
}

/** A report's matching keys as the ChildReport row stores them, with the BLOCKING_KEYS_VERSION that computed them. */
export interface StoredKeys extends Omit<BlockingKeys, 'searchNames'> {
  /** the name and aliases as phonetic keys, space-separated, for pg_trgm */
  searchName: string;
  keysVersion: number;
}

export function storedKeys(report: ChildReport): StoredKeys {
  const { searchNames, ...keys } = blockingKeys(report);
  return { ...keys, searchName: searchNames.join(' '), keysVersion: BLOCKING_KEYS_VERSION };
}

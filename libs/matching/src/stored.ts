// How a report as Raksha stores it (a description, a date, a place) becomes the record matching works on.
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

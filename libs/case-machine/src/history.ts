// A case's past, replayed: the events a legacy register records (production, placement, orders, plans), each at
// its own time, run through the machine exactly as the workflow will run them. Checked whole before anything is
// stored, so a case whose history the machine refuses is never started half-made. Pure: no clock, no I/O.
import type { CaseInput } from './context.js';
import { describeState, initialCaseSnapshot, type CaseSnapshot } from './runtime.js';
import { prepareCaseEvent } from './step.js';
import type { CaseEventRejection } from './step.js';

/** One step of a case's history as a register records it: the event, its particulars and when it happened. */
export interface HistoricalEvent {
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

/**
 * An imported case's deadlines that were already past at its import stay overdue (and shown so), but no rung of
 * their escalation ladders fires before the import time plus this grace: the office that ported the register
 * has it to bring the records up to date (a register often simply never recorded a review), and a port of a
 * whole register would otherwise raise every overdue obligation of every child at once (docs/porting.md).
 */
export const IMPORTED_ESCALATION_GRACE = 'P7D';

export type ReplayedHistory = { ok: true; snapshot: CaseSnapshot } | { ok: false; index: number; state: string; label: string; rejection: CaseEventRejection };

/** Runs the history from the case's registration; the first event the machine refuses stops it, with why. */
export function replayHistory(input: CaseInput, events: readonly HistoricalEvent[]): ReplayedHistory {
  let snapshot = initialCaseSnapshot(input);
  for (const [index, e] of events.entries()) {
    // allowedEvents is not needed to reject an imported row: skip trying every event type on refusal.
    const prepared = prepareCaseEvent(snapshot, { type: e.type, payload: e.payload, at: e.at, sequence: index + 1 }, () => []);
    if (prepared.rejection) {
      const { state, label } = describeState(snapshot);
      return { ok: false, index, state, label, rejection: prepared.rejection };
    }
    snapshot = prepared.next.snapshot;
  }
  return { ok: true, snapshot };
}

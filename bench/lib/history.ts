// Where an Update's time goes, read back from workflow histories: how many workflow tasks and
// activities each one needs, and how long each waited in its task queue and ran.
import type { WorkflowHandle } from '@temporalio/client';

type Ts = { seconds?: { toNumber(): number } | number | string | null; nanos?: number | null } | null | undefined;
const tsMs = (ts: Ts) => {
  if (!ts) return Number.NaN;
  const s = ts.seconds;
  const seconds = typeof s === 'object' && s !== null ? s.toNumber() : Number(s ?? 0);
  return seconds * 1000 + (ts.nanos ?? 0) / 1e6;
};
type Id = { toString(): string } | number | string | null | undefined;
const key = (id: Id) => String(id ?? '');

interface Step {
  count: number;
  /** scheduled -> started: waiting in the task queue for a worker slot and a poll */
  queueMs: number;
  /** started -> completed: running on the worker (for an activity, the PostgreSQL/Redis work) */
  runMs: number;
}

export interface UpdateBreakdown {
  histories: number;
  updates: number;
  /** Per Update, averaged: */
  workflowTasks: Step;
  activities: Record<string, Step>;
  /** UpdateAccepted -> UpdateCompleted event times (the server's view of the handler's run) */
  acceptedToCompletedMs: number;
}

const add = (into: Record<string, Step>, name: string, queueMs: number, runMs: number) => {
  const s = (into[name] ??= { count: 0, queueMs: 0, runMs: 0 });
  s.count += 1;
  s.queueMs += queueMs;
  s.runMs += runMs;
};

/**
 * Reads the histories and averages, per Update named `updateName`, every workflow task and
 * activity from the first such Update on (registration and the like before it are left out).
 */
export async function breakdownUpdates(handles: readonly WorkflowHandle[], updateName: string): Promise<UpdateBreakdown> {
  const totals: Record<string, Step> = {};
  let updates = 0;
  let acceptedToCompleted = 0;
  for (const handle of handles) {
    const events = (await handle.fetchHistory()).events ?? [];
    const firstAccepted = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === updateName);
    if (firstAccepted < 0) continue;
    let from = firstAccepted;
    while (from > 0 && !events[from]!.workflowTaskScheduledEventAttributes) from -= 1;
    const time = new Map<string, number>();
    const activityName = new Map<string, string>();
    const acceptedAt = new Map<string, number>();
    for (const e of events.slice(from)) {
      const id = key(e.eventId);
      const at = tsMs(e.eventTime);
      time.set(id, at);
      if (e.activityTaskScheduledEventAttributes) activityName.set(id, e.activityTaskScheduledEventAttributes.activityType?.name ?? '?');
      const wft = e.workflowTaskCompletedEventAttributes;
      if (wft) {
        const scheduled = time.get(key(wft.scheduledEventId));
        const started = time.get(key(wft.startedEventId));
        if (scheduled !== undefined && started !== undefined) add(totals, '#wft', started - scheduled, at - started);
      }
      const act = e.activityTaskCompletedEventAttributes;
      if (act) {
        const scheduled = time.get(key(act.scheduledEventId));
        const started = time.get(key(act.startedEventId));
        const name = activityName.get(key(act.scheduledEventId));
        if (scheduled !== undefined && started !== undefined && name) add(totals, name, started - scheduled, at - started);
      }
      // A local activity runs inside its workflow task: only a marker records it (no queue time of its own).
      if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') add(totals, 'local activity (in the workflow task)', 0, 0);
      const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
      if (accepted?.acceptedRequest?.input?.name === updateName && accepted.protocolInstanceId) acceptedAt.set(accepted.protocolInstanceId, at);
      const completed = e.workflowExecutionUpdateCompletedEventAttributes;
      const updateId = completed?.meta?.updateId;
      if (updateId && acceptedAt.has(updateId)) {
        updates += 1;
        acceptedToCompleted += at - acceptedAt.get(updateId)!;
      }
    }
  }
  const per = (s: Step | undefined): Step =>
    s && updates ? { count: s.count / updates, queueMs: s.queueMs / s.count, runMs: s.runMs / s.count } : { count: 0, queueMs: 0, runMs: 0 };
  const activities: Record<string, Step> = {};
  for (const [name, s] of Object.entries(totals)) if (name !== '#wft') activities[name] = per(s);
  return {
    histories: handles.length,
    updates,
    workflowTasks: per(totals['#wft']),
    activities,
    acceptedToCompletedMs: updates ? acceptedToCompleted / updates : Number.NaN,
  };
}

// One workflow per obligation that is not a child's case's own but escalates like one: a child care
// institution's s.41 registration, a missing child's report to be referred to the AHTU. It waits for the due
// time and raises each rung of the ladder (DCPU, then SCPS, then the state's monitoring cell) while unmet.
// Its owner signals every change: a later due time (a renewal) meets the old one; `closed` ends the watch.
import { condition, continueAsNew, patched, proxyLocalActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { InstitutionActivities } from '@raksha/activities';
import type { ArmedDeadline } from '@raksha/case-machine/workflow';
import { obligationChangedSignal, obligationWatchQuery, type WatchedObligation } from '@raksha/contracts/temporal';
import { handleEscalationActions } from './escalation-actions.js';
import { EscalationLedger, type EscalationCarryOver } from './escalation-ledger.js';
import { escalationOf, nextDueRung } from './escalation-ladder.js';
import { WorkflowLock } from './lock.js';
import { overdueNotice } from './notices.js';

const { raiseBodyEscalation, recordBodyEscalationAction, markBodyObligationMet } = proxyLocalActivities<InstitutionActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds',
});

/**
 * Runs that began after this patch mark a missed due time met only when a later one replaces it (a renewal: the
 * obligation fulfilled); a watch closed otherwise (a missing child traced, a report closed) leaves its escalations
 * open and unmet, for the body to resolve. Runs recorded before it replay the old rule (any change met it).
 */
export const MET_BY_RENEWAL_ONLY_PATCH = 'obligation-met-by-renewal-only';

/** What a watch carries into its next run: its escalations and the answers given on them. */
export type ObligationCarryOver = EscalationCarryOver;

/** The watched obligation as a deadline the ladder reads; none while it has no due time. */
function asDeadline(w: WatchedObligation): ArmedDeadline | undefined {
  const { dueAt } = w.deadline;
  if (w.closed || !dueAt) return undefined;
  return { id: w.deadline.id as ArmedDeadline['id'], obligation: w.deadline.obligation, owner: w.bodyId, citation: w.deadline.citation, basis: 'statute', ladder: w.deadline.ladder, dueAt, startedAt: dueAt };
}

export async function obligationWatchWorkflow(initial: WatchedObligation, carried?: ObligationCarryOver): Promise<void> {
  // Decided once, in the run's first workflow task, so a run never mixes the two rules.
  const metByRenewalOnly = patched(MET_BY_RENEWAL_ONLY_PATCH);
  let watched = initial;
  let changes = 0;
  let steps = 0; // escalations raised or acted on in this run
  const lock = new WorkflowLock();
  const ledger = new EscalationLedger(carried);
  /** Only with `stepsPerRun` (tests): otherwise a run ends when Temporal suggests it. */
  const runFull = () => initial.stepsPerRun !== undefined && steps >= initial.stepsPerRun;

  setHandler(obligationWatchQuery, () => ({ watched, escalations: ledger.list() }));
  setHandler(obligationChangedSignal, (next) => {
    if (next.subject !== watched.subject || next.subjectId !== watched.subjectId) return; // meant for another watch
    watched = next;
    changes += 1;
  });

  handleEscalationActions({
    ledger,
    lock,
    owner: () => watched.label,
    record: (entry, req) =>
      recordBodyEscalationAction({
        id: entry.id,
        bodyId: watched.bodyId,
        action: req.action,
        actorId: req.actor.id,
        actorRole: req.actor.role,
        note: req.note ?? null,
        at: new Date().toISOString(),
      }),
    recorded: () => {
      steps += 1;
    },
  });

  /** Raises one rung: the escalation row and its notice, written once however often retried. */
  const raise = (due: NonNullable<ReturnType<typeof nextDueRung>>) =>
    lock.runExclusive(async () => {
      const id = uuid4();
      const raisedAt = new Date().toISOString();
      const overdueDays = Math.floor((Date.parse(raisedAt) - Date.parse(due.deadline.dueAt)) / 86_400_000);
      const escalation = escalationOf(due, id, watched);
      const { toBody } = escalation;
      await raiseBodyEscalation({
        ...escalation,
        bodyId: watched.bodyId,
        watchId: workflowInfo().workflowId,
        raisedAt,
        notice: {
          dedupeKey: `watch-${watched.subject}-${watched.subjectId}-${due.key}`,
          recipientBody: toBody,
          districtCode: watched.districtCode,
          stateCode: watched.stateCode,
          caseId: null,
          kind: watched.noticeKind,
          ...overdueNotice(watched.label, due.deadline, `${overdueDays} days`, watched.label),
        },
      });
      steps += 1;
      ledger.raised(due.key, escalation);
    });

  for (;;) {
    const deadline = asDeadline(watched);
    const due = deadline && nextDueRung([deadline], ledger.raisedKeys());
    const seen = changes;
    if (!due) {
      await condition(() => changes !== seen || watched.closed || workflowInfo().continueAsNewSuggested || runFull());
    } else {
      const wait = Date.parse(due.fireAt) - Date.now();
      const changed = wait > 0 && (await condition(() => changes !== seen || runFull(), wait));
      if (!changed) {
        await raise(due);
        continue;
      }
    }
    // A later due time (a renewal) meets the one before; its escalations stay on record.
    const before = deadline?.dueAt;
    const after = asDeadline(watched)?.dueAt;
    const fulfilled = metByRenewalOnly ? after !== undefined && before !== undefined && Date.parse(after) > Date.parse(before) : before !== after;
    if (before && fulfilled && ledger.missedAt(before)) {
      await markBodyObligationMet({ bodyId: watched.bodyId, deadlineId: watched.deadline.id, dueAt: before, metAt: new Date().toISOString() });
    }
    if (watched.closed) {
      // Escalations still open are acted on after the watch ends only through the inbox's record; wait for them first.
      await condition(() => ledger.allResolved());
      return;
    }
    if (workflowInfo().continueAsNewSuggested || runFull()) {
      await condition(() => !lock.held);
      const next = initial.stepsPerRun === undefined ? watched : { ...watched, stepsPerRun: initial.stepsPerRun };
      await continueAsNew<typeof obligationWatchWorkflow>(next, ledger.carryOver());
    }
  }
}

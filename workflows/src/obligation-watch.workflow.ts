// One workflow per obligation that is not a child's case's own but escalates like one: a child care
// institution's s.41 registration, a missing child's report to be referred to the AHTU. It waits for the due
// time and raises each rung of the ladder (DCPU, then SCPS, then the state's monitoring cell) while unmet.
// Its owner signals every change: a later due time meets the old one; `closed` ends the watch.
import { ApplicationFailure, condition, continueAsNew, proxyLocalActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { InstitutionActivities } from '@raksha/activities';
import type { OpenDeadline } from '@raksha/case-machine/workflow';
import type { CaseEscalation } from '@raksha/contracts';
import {
  ESCALATION_ACTION_REJECTED,
  escalationActionUpdate,
  obligationChangedSignal,
  obligationWatchQuery,
  type EscalationActionRejection,
  type EscalationActionRequest,
  type WatchedObligation,
} from '@raksha/contracts/temporal';
import { escalationActionRejection, nextDueRung } from './escalation-ladder.js';

const { raiseBodyEscalation, recordBodyEscalationAction, markBodyObligationMet } = proxyLocalActivities<InstitutionActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds',
});

export interface ObligationCarryOver {
  escalations: (CaseEscalation & { key: string })[];
}

/** The watched obligation as a deadline the ladder reads; none while it has no due time. */
function asDeadline(w: WatchedObligation): OpenDeadline | undefined {
  const { dueAt } = w.deadline;
  if (w.closed || !dueAt) return undefined;
  return { id: w.deadline.id as OpenDeadline['id'], obligation: w.deadline.obligation, owner: w.bodyId, citation: w.deadline.citation, basis: 'statute', ladder: w.deadline.ladder, dueAt, startedAt: dueAt };
}

export async function obligationWatchWorkflow(initial: WatchedObligation, carried?: ObligationCarryOver): Promise<void> {
  let watched = initial;
  let changes = 0;
  let busy = false;
  const escalations = new Map((carried?.escalations ?? []).map((e) => [e.key, e]));
  const answers = new Map<string, CaseEscalation>();

  const list = (): CaseEscalation[] => [...escalations.values()].map(({ key: _key, ...e }) => e);
  setHandler(obligationWatchQuery, () => ({ watched, escalations: list() }));
  setHandler(obligationChangedSignal, (next) => {
    if (next.subject !== watched.subject || next.subjectId !== watched.subjectId) return; // meant for another watch
    watched = next;
    changes += 1;
  });

  const rejection = (req: EscalationActionRequest) => escalationActionRejection(list().find((x) => x.id === req.escalationId), req, watched.label);
  const reject = (r: EscalationActionRejection) => ApplicationFailure.create({ type: ESCALATION_ACTION_REJECTED, message: r.message, details: [r], nonRetryable: true });

  async function locked<T>(body: () => Promise<T>): Promise<T> {
    while (busy) await condition(() => !busy);
    busy = true;
    try {
      return await body();
    } finally {
      busy = false;
    }
  }

  setHandler(
    escalationActionUpdate,
    async (req) => {
      const earlier = answers.get(req.idempotencyKey);
      if (earlier) return earlier;
      return locked(async () => {
        const problem = rejection(req);
        if (problem) throw reject(problem);
        const entry = [...escalations.values()].find((x) => x.id === req.escalationId)!;
        await recordBodyEscalationAction({
          id: entry.id,
          bodyId: watched.bodyId,
          action: req.action,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          note: req.note ?? null,
          at: new Date().toISOString(),
        });
        entry.status = req.action === 'ACKNOWLEDGE' ? 'ACKNOWLEDGED' : 'RESOLVED';
        const { key: _key, ...answer } = entry;
        answers.set(req.idempotencyKey, answer);
        return answer;
      });
    },
    {
      validator: (req) => {
        if (answers.has(req.idempotencyKey)) return;
        const problem = rejection(req);
        if (problem && !(problem.reason === 'UNKNOWN_ESCALATION' && busy)) throw reject(problem);
      },
    },
  );

  /** Raises one rung: the escalation row and its notice, written once however often retried. */
  const raise = (due: NonNullable<ReturnType<typeof nextDueRung>>) =>
    locked(async () => {
      const id = uuid4();
      const raisedAt = new Date().toISOString();
      const overdueDays = Math.floor((Date.parse(raisedAt) - Date.parse(due.deadline.dueAt)) / 86_400_000);
      const toBody = due.deadline.ladder[due.rung]!.to;
      await raiseBodyEscalation({
        id,
        bodyId: watched.bodyId,
        watchId: workflowInfo().workflowId,
        deadlineId: due.deadline.id,
        obligation: due.deadline.obligation,
        citation: due.deadline.citation,
        rung: due.rung,
        toBody,
        districtCode: watched.districtCode,
        stateCode: watched.stateCode,
        dueAt: due.deadline.dueAt,
        raisedAt,
        notice: {
          dedupeKey: `watch-${watched.subject}-${watched.subjectId}-${due.key}`,
          recipientBody: toBody,
          districtCode: watched.districtCode,
          stateCode: watched.stateCode,
          caseId: null,
          kind: watched.noticeKind,
          subject: `Overdue by ${overdueDays} days: ${due.deadline.obligation} (${watched.label})`,
          body: `${watched.label}: "${due.deadline.obligation}" was due ${due.deadline.dueAt} (${due.deadline.citation}) and is not met.`,
        },
      });
      escalations.set(due.key, { key: due.key, id, deadlineId: due.deadline.id, dueAt: due.deadline.dueAt, rung: due.rung, toBody, status: 'OPEN' });
    });

  for (;;) {
    const deadline = asDeadline(watched);
    const due = deadline && nextDueRung([deadline], new Set(escalations.keys()));
    const seen = changes;
    if (!due) {
      await condition(() => changes !== seen || watched.closed || workflowInfo().continueAsNewSuggested);
    } else {
      const wait = Date.parse(due.fireAt) - Date.now();
      const changed = wait > 0 && (await condition(() => changes !== seen, wait));
      if (!changed) {
        await raise(due);
        continue;
      }
    }
    // A later due time (a renewal) or closure meets the one before; its escalations stay on record.
    const before = deadline?.dueAt;
    if (before && before !== asDeadline(watched)?.dueAt && [...escalations.values()].some((e) => e.dueAt === before)) {
      await markBodyObligationMet({ bodyId: watched.bodyId, deadlineId: watched.deadline.id, dueAt: before, metAt: new Date().toISOString() });
    }
    if (watched.closed) {
      // Escalations still open are acted on after the watch ends only through the inbox's record; wait for them first.
      await condition(() => list().every((e) => e.status === 'RESOLVED'));
      return;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !busy);
      await continueAsNew<typeof obligationWatchWorkflow>(watched, { escalations: [...escalations.values()] });
    }
  }
}

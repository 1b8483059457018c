// One workflow per child a helpline call is about. The district's CHILDLINE unit (else its DCPU) must reach the
// child within the helpline's response time (policy); unmet, it escalates on the cases' ladder (DCPU, then SCPS),
// through the same escalation records and notices as a body's own obligations. A rescue starts the child's CNCP
// case (its own workflow, outliving this one); closing without a case needs a reason.
import { ApplicationFailure, condition, ParentClosePolicy, proxyLocalActivities, setHandler, startChild, uuid4, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities, InstitutionActivities, InterventionActivities } from '@raksha/activities';
import { HELPLINE_RESPONSE_RULE, interventionActionRejection, interventionNoticeKey, statusAfter, type ArmedDeadline, type InterventionCloseReason, type InterventionStatus } from '@raksha/case-machine/workflow';
import {
  caseWorkflowId,
  INTERVENTION_ACTION_REJECTED,
  interventionActionFingerprint,
  interventionActionUpdate,
  interventionQuery,
  type CaseRegistration,
  type InterventionActionRejection,
  type InterventionActionRequest,
  type InterventionStart,
  type InterventionState,
} from '@raksha/contracts/temporal';
import { IDEMPOTENCY_KEY_REUSED_MESSAGE, isSameRequest } from '@raksha/domain';
import type { caseWorkflow } from './case.workflow.js';
import { handleEscalationActions } from './escalation-actions.js';
import { escalationOf, nextDueRung, type DueRung } from './escalation-ladder.js';
import { EscalationLedger } from './escalation-ledger.js';
import { WorkflowLock } from './lock.js';
import { indiaTime, overdueNotice } from './notices.js';

const { raiseBodyEscalation, recordBodyEscalationAction, markBodyObligationMet, recordInterventionStep, notify } = proxyLocalActivities<InstitutionActivities & InterventionActivities & Pick<CaseActivities, 'notify'>>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds',
});

const now = () => new Date().toISOString();
const reject = (r: InterventionActionRejection) => ApplicationFailure.create({ type: INTERVENTION_ACTION_REJECTED, message: r.message, details: [r], nonRetryable: true });

/** "45 minutes", "3 hours", "2 days": how late a response is, as a notice says it. */
function lateness(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 120) return `${minutes} minutes`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} hours`;
  return `${Math.floor(minutes / 1440)} days`;
}

export async function interventionWorkflow(start: InterventionStart): Promise<void> {
  const lock = new WorkflowLock();
  const ledger = new EscalationLedger();
  const answers = new Map<string, { fingerprint: string; answer: InterventionState }>();
  let status: InterventionStatus = 'OPEN';
  let reachedAt: string | null = null;
  let rescuedAt: string | null = null;
  let caseId: string | null = null;
  let closedAt: string | null = null;
  let closeReason: InterventionCloseReason | null = null;
  let changes = 0;

  const response: ArmedDeadline = {
    id: HELPLINE_RESPONSE_RULE.id as ArmedDeadline['id'],
    obligation: HELPLINE_RESPONSE_RULE.obligation,
    owner: start.ownerBodyId,
    citation: HELPLINE_RESPONSE_RULE.citation,
    basis: HELPLINE_RESPONSE_RULE.basis,
    ladder: HELPLINE_RESPONSE_RULE.ladder,
    dueAt: start.respondBy,
    startedAt: start.firstCall.calledAt,
  };

  const state = (): InterventionState => ({ interventionId: start.interventionId, status, reachedAt, rescuedAt, caseId, closedAt, closeReason, escalations: ledger.list() });

  /** Why `req` cannot be done now, or an earlier answer to it under its key. */
  const earlierOrRejection = (req: InterventionActionRequest): { answer: InterventionState } | { rejection: InterventionActionRejection } | undefined => {
    const first = answers.get(req.idempotencyKey);
    if (first) return isSameRequest(first.fingerprint, interventionActionFingerprint(req)) ? { answer: first.answer } : { rejection: { reason: 'IDEMPOTENCY_KEY_REUSED', message: IDEMPOTENCY_KEY_REUSED_MESSAGE } };
    const refused = interventionActionRejection(status, req.action);
    if (refused) return { rejection: { reason: 'ACTION_NOT_ALLOWED', message: refused } };
    if (req.action === 'CLOSED' && !req.reason) return { rejection: { reason: 'REASON_REQUIRED', message: 'closing without a case needs a reason: no child found, resolved on the phone, or referred' } };
    return undefined;
  };

  setHandler(interventionQuery, state);

  setHandler(
    interventionActionUpdate,
    (req) =>
      lock.runExclusive(async () => {
        const earlier = earlierOrRejection(req);
        if (earlier && 'answer' in earlier) return earlier.answer;
        if (earlier) throw reject(earlier.rejection);
        const at = req.at ?? now();
        const newCaseId = req.action === 'RESCUED' ? uuid4() : undefined;
        await recordInterventionStep({
          interventionId: start.interventionId,
          action: req.action,
          at,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          ...(newCaseId && { caseId: newCaseId }),
          ...(req.reason && { reason: req.reason }),
          ...(req.note && { note: req.note }),
          notices: [
            {
              dedupeKey: interventionNoticeKey(start.interventionId, req.action),
              recipientBody: 'DCPU',
              districtCode: start.districtCode,
              stateCode: start.stateCode,
              caseId: newCaseId ?? null,
              kind: `INTERVENTION_${req.action}`,
              subject: `${start.label}: ${req.action === 'REACHED' ? 'child reached' : req.action === 'RESCUED' ? 'child rescued, case registered' : 'closed without a case'}`,
              body: req.action === 'CLOSED' ? `Closed: ${(req.reason ?? '').replaceAll('_', ' ').toLowerCase()}.` : `${start.label}: ${req.action.toLowerCase()}.`,
            },
          ],
        });
        status = statusAfter(req.action);
        if (req.action === 'REACHED') reachedAt = at;
        if (req.action === 'RESCUED') {
          rescuedAt = at;
          reachedAt ??= at;
          caseId = newCaseId!;
          // The existing registration path: the case's own workflow, its 24 hours (s.31(1)) from the rescue.
          const registration: CaseRegistration = {
            caseId,
            track: 'CNCP',
            districtCode: start.districtCode,
            stateCode: start.stateCode,
            child: req.child ?? {},
            registeredAt: at,
            registeredBy: req.actor,
            ...(req.deadlinePolicy && Object.keys(req.deadlinePolicy).length ? { deadlinePolicy: req.deadlinePolicy } : {}),
            origin: start.firstCall,
          };
          await startChild<typeof caseWorkflow>('caseWorkflow', { workflowId: caseWorkflowId(caseId), args: [registration], parentClosePolicy: ParentClosePolicy.ABANDON });
        }
        if (req.action === 'CLOSED') {
          closedAt = at;
          closeReason = req.reason!;
        }
        changes += 1;
        const answer = state();
        answers.set(req.idempotencyKey, { fingerprint: interventionActionFingerprint(req), answer });
        return answer;
      }),
    {
      validator: (req) => {
        const earlier = earlierOrRejection(req);
        if (earlier && 'rejection' in earlier) throw reject(earlier.rejection);
      },
    },
  );

  handleEscalationActions({
    ledger,
    lock,
    owner: () => start.label,
    record: (entry, req) =>
      recordBodyEscalationAction({ id: entry.id, bodyId: start.ownerBodyId, action: req.action, actorId: req.actor.id, actorRole: req.actor.role, note: req.note ?? null, at: now() }),
  });

  /** Raises one rung: the escalation row and its notice, written once however often retried. */
  const raise = (due: DueRung) =>
    lock.runExclusive(async () => {
      if (status !== 'OPEN') return; // reached while this rung waited for the lock
      const raisedAt = now();
      const escalation = escalationOf(due, uuid4(), start);
      await raiseBodyEscalation({
        ...escalation,
        bodyId: start.ownerBodyId,
        watchId: workflowInfo().workflowId,
        raisedAt,
        notice: {
          dedupeKey: interventionNoticeKey(start.interventionId, due.key),
          recipientBody: escalation.toBody,
          districtCode: start.districtCode,
          stateCode: start.stateCode,
          caseId: null,
          kind: 'INTERVENTION_RESPONSE_OVERDUE',
          ...overdueNotice(start.label, due.deadline, lateness(Date.parse(raisedAt) - Date.parse(due.deadline.dueAt)), start.label),
        },
      });
      ledger.raised(due.key, escalation);
    });

  await notify([
    {
      dedupeKey: interventionNoticeKey(start.interventionId, 'opened'),
      recipientBody: start.ownerBodyType,
      districtCode: start.districtCode,
      stateCode: start.stateCode,
      caseId: null,
      kind: 'INTERVENTION_OPENED',
      subject: `${start.label}: a child in distress to reach`,
      body: `${start.label}: reach the child by ${indiaTime(response.dueAt)} (${response.citation}).`,
    },
  ]);

  // The response clock: each rung while the child is not reached; any step stops it.
  for (;;) {
    const due = status === 'OPEN' ? nextDueRung([response], ledger.raisedKeys()) : undefined;
    if (!due) break;
    const seen = changes;
    const wait = Date.parse(due.fireAt) - Date.now();
    const changed = wait > 0 && (await condition(() => changes !== seen, wait));
    if (!changed) await raise(due);
  }
  await condition(() => status !== 'OPEN');
  // Reaching or rescuing the child late meets the response on record; closing otherwise leaves the misses open.
  const metAt = reachedAt;
  if (metAt && ledger.missedAt(response.dueAt)) {
    await markBodyObligationMet({ bodyId: start.ownerBodyId, deadlineId: response.id, dueAt: response.dueAt, metAt, watchId: workflowInfo().workflowId });
  }
  // Rescued or closed: the workflow ends once its escalations are resolved (acted on through this workflow).
  await condition(() => (status === 'RESCUED' || status === 'CLOSED') && ledger.allResolved() && !lock.held);
}

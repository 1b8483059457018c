// One workflow per child care institution: it watches the institution's s.41 registration and, when it
// lapses unrenewed, escalates on the same ladder as a case's deadline (DCPU, then SCPS, then the state's
// monitoring cell). The registry signals every change; a renewal meets the obligation.
import { ApplicationFailure, condition, continueAsNew, proxyLocalActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { InstitutionActivities } from '@raksha/activities';
import { CCI_REGISTRATION_RULE, registrationDueAt, type OpenDeadline } from '@raksha/case-machine';
import {
  ESCALATION_ACTION_REJECTED,
  escalationActionUpdate,
  institutionRegistrationSignal,
  institutionWatchQuery,
  type CaseEscalation,
  type EscalationActionRejection,
  type EscalationActionRequest,
  type InstitutionRegistrationState,
} from '@raksha/contracts';
import { nextDueRung } from './escalation-ladder.js';

const { raiseBodyEscalation, recordBodyEscalationAction, markBodyObligationMet } = proxyLocalActivities<InstitutionActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds',
});

export interface InstitutionCarryOver {
  escalations: (CaseEscalation & { key: string })[];
}

/** The registration as a deadline the ladder can read; none while the institution has no validity on record. */
function registrationDeadline(r: InstitutionRegistrationState): OpenDeadline | undefined {
  if (!r.registeredUntil) return undefined;
  const dueAt = registrationDueAt(r.registeredUntil);
  return { ...CCI_REGISTRATION_RULE, id: CCI_REGISTRATION_RULE.id as OpenDeadline['id'], dueAt, startedAt: dueAt };
}

export async function institutionWorkflow(initial: InstitutionRegistrationState, carried?: InstitutionCarryOver): Promise<void> {
  let registration = initial;
  let changes = 0;
  let busy = false;
  const escalations = new Map((carried?.escalations ?? []).map((e) => [e.key, e]));
  const answers = new Map<string, CaseEscalation>();

  const list = (): CaseEscalation[] => [...escalations.values()].map(({ key: _key, ...e }) => e);
  setHandler(institutionWatchQuery, () => ({ registration, dueAt: registrationDeadline(registration)?.dueAt ?? null, escalations: list() }));
  setHandler(institutionRegistrationSignal, (next) => {
    if (next.bodyId !== registration.bodyId) return; // a signal meant for another institution changes nothing
    registration = next;
    changes += 1;
  });

  function rejection(req: EscalationActionRequest): EscalationActionRejection | undefined {
    const e = list().find((x) => x.id === req.escalationId);
    if (!e) return { reason: 'UNKNOWN_ESCALATION', message: `institution ${registration.bodyId} has no escalation ${req.escalationId}` };
    if (e.status === 'RESOLVED') return { reason: 'ALREADY_RESOLVED', message: 'the escalation is already resolved' };
    if (req.action === 'ACKNOWLEDGE' && e.status === 'ACKNOWLEDGED') return { reason: 'ALREADY_ACKNOWLEDGED', message: 'the escalation is already acknowledged' };
    if (req.action === 'RESOLVE' && !(req.note && req.note.trim().length >= 5)) {
      return { reason: 'NOTE_REQUIRED', message: 'resolving an escalation needs a note of what was done (at least 5 characters)' };
    }
    return undefined;
  }
  const reject = (r: EscalationActionRejection) => ApplicationFailure.create({ type: ESCALATION_ACTION_REJECTED, message: r.message, details: [r], nonRetryable: true });

  setHandler(
    escalationActionUpdate,
    async (req) => {
      const earlier = answers.get(req.idempotencyKey);
      if (earlier) return earlier;
      while (busy) await condition(() => !busy);
      busy = true;
      try {
        const problem = rejection(req);
        if (problem) throw reject(problem);
        const entry = [...escalations.values()].find((x) => x.id === req.escalationId)!;
        await recordBodyEscalationAction({
          id: entry.id,
          bodyId: registration.bodyId,
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
      } finally {
        busy = false;
      }
    },
    {
      validator: (req) => {
        if (answers.has(req.idempotencyKey)) return;
        const problem = rejection(req);
        if (problem && !(problem.reason === 'UNKNOWN_ESCALATION' && busy)) throw reject(problem);
      },
    },
  );

  for (;;) {
    const deadline = registrationDeadline(registration);
    const raised = new Set(escalations.keys());
    const due = deadline && nextDueRung([deadline], raised);
    const seen = changes;
    if (!due) {
      await condition(() => changes !== seen || workflowInfo().continueAsNewSuggested);
    } else {
      const wait = Date.parse(due.fireAt) - Date.now();
      const changed = wait > 0 && (await condition(() => changes !== seen, wait));
      if (!changed) {
        while (busy) await condition(() => !busy);
        busy = true;
        try {
          const id = uuid4();
          const raisedAt = new Date().toISOString();
          const overdueDays = Math.floor((Date.parse(raisedAt) - Date.parse(due.deadline.dueAt)) / 86_400_000);
          const toBody = due.deadline.ladder[due.rung]!.to;
          await raiseBodyEscalation({
            id,
            bodyId: registration.bodyId,
            deadlineId: due.deadline.id,
            obligation: due.deadline.obligation,
            citation: due.deadline.citation,
            rung: due.rung,
            toBody,
            districtCode: registration.districtCode,
            stateCode: registration.stateCode,
            dueAt: due.deadline.dueAt,
            raisedAt,
            notice: {
              dedupeKey: `institution-${registration.bodyId}-${due.key}`,
              recipientBody: toBody,
              districtCode: registration.districtCode,
              stateCode: registration.stateCode,
              caseId: null,
              kind: 'REGISTRATION_LAPSED',
              subject: `Registration lapsed ${overdueDays} days ago: ${registration.name}`,
              body: `${registration.name} (${registration.bodyId}): registration ${registration.registrationNo ?? '(no number)'} was valid until ${registration.registeredUntil}; it has not been renewed (${due.deadline.citation}).`,
            },
          });
          escalations.set(due.key, { key: due.key, id, deadlineId: due.deadline.id, dueAt: due.deadline.dueAt, rung: due.rung, toBody, status: 'OPEN' });
        } finally {
          busy = false;
        }
        continue;
      }
    }
    // A renewal (a later validity) meets the lapsed registration; its escalations stay on record.
    const before = deadline?.dueAt;
    const after = registrationDeadline(registration)?.dueAt;
    if (before && before !== after && [...escalations.values()].some((e) => e.dueAt === before)) {
      await markBodyObligationMet({ bodyId: registration.bodyId, deadlineId: CCI_REGISTRATION_RULE.id, dueAt: before, metAt: new Date().toISOString() });
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !busy);
      await continueAsNew<typeof institutionWorkflow>(registration, { escalations: [...escalations.values()] });
    }
  }
}

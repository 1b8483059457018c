// The escalation-action Update (acknowledge, resolve) of every workflow that raises escalations: validated
// against the ledger, done under the workflow's lock, and answered once per idempotency key.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { CaseEscalation } from '@raksha/contracts';
import { ESCALATION_ACTION_REJECTED, type EscalationActionRejection, type EscalationActionRequest, escalationActionUpdate } from '@raksha/contracts/temporal';
import type { EscalationLedger } from './escalation-ledger.js';
import type { WorkflowLock } from './lock.js';

export interface EscalationActionHost {
  ledger: EscalationLedger;
  lock: WorkflowLock;
  /** Names the case or institution in a rejection's message. */
  owner: () => string;
  /** Puts the action on record (returns the activity's promise); runs under the lock once the action is allowed. */
  record: (escalation: CaseEscalation, req: EscalationActionRequest) => Promise<unknown>;
  /** After the record, before the answer: the host counts its step. */
  recorded?: () => void;
}

const rejectAction = (r: EscalationActionRejection) =>
  ApplicationFailure.create({ type: ESCALATION_ACTION_REJECTED, message: r.message, details: [r], nonRetryable: true });

/** An earlier answer under the same Idempotency-Key: the answer for the same request, a rejection for another. */
const answerOf = (earlier: { answer: CaseEscalation } | { rejection: EscalationActionRejection }): CaseEscalation => {
  if ('rejection' in earlier) throw rejectAction(earlier.rejection);
  return earlier.answer;
};

export function handleEscalationActions({ ledger, lock, owner, record, recorded }: EscalationActionHost): void {
  setHandler(
    escalationActionUpdate,
    async (req) => {
      const earlier = ledger.answerTo(req);
      if (earlier) return answerOf(earlier);
      return lock.runExclusive(async () => {
        // Checked again under the lock: the same request may have been done while this one waited.
        const again = ledger.answerTo(req);
        if (again) return answerOf(again);
        const problem = ledger.rejection(req, owner());
        if (problem) throw rejectAction(problem);
        await record(ledger.find(req.escalationId)!, req);
        recorded?.();
        return ledger.acted(req);
      });
    },
    {
      validator: (req) => {
        const earlier = ledger.answerTo(req);
        if (earlier) return void answerOf(earlier);
        const problem = ledger.rejection(req, owner());
        // An escalation being raised right now is on record before it is in memory: the handler
        // waits for that step and checks again.
        if (problem && !(problem.reason === 'UNKNOWN_ESCALATION' && lock.held)) throw rejectAction(problem);
      },
    },
  );
}

// The handles of the intervention workflow (`intervention-<id>`): one per child a helpline call is about, with its
// response clock and ladder; a rescue starts the child's CNCP case, whose timeline begins with the call.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DeadlinePolicyOverrides, Helpline, InterventionAction, InterventionCloseReason, InterventionStatus } from '@raksha/case-machine';
import { requestFingerprint } from '@raksha/domain';
import type { CaseEscalation } from '../cases.js';
import type { CaseActor, ChildParticulars } from './case-workflow.js';

export const interventionWorkflowId = (interventionId: string) => `intervention-${interventionId}`;

/** The call that began it, as a case started by the rescue shows it first on its timeline. */
export interface HelplineCallOrigin {
  interventionId: string;
  helpline: Helpline;
  callId: string;
  calledAt: string;
  callerRelation: string;
  distress: string;
}

export interface InterventionStart {
  interventionId: string;
  /** how notices name it: the helpline, its call id and the district, never the child */
  label: string;
  /** the body that owes the response (the district's CHILDLINE unit, else its DCPU) */
  ownerBodyId: string;
  ownerBodyType: 'CHILDLINE' | 'DCPU';
  districtCode: string;
  stateCode: string;
  firstCall: HelplineCallOrigin;
  /** when the helpline's response time runs out (policy) */
  respondBy: string;
}

export interface InterventionActionRequest {
  action: InterventionAction;
  actor: CaseActor;
  idempotencyKey: string;
  /** when it happened, if not now (recorded after the fact); the case's 24 hours (s.31(1)) run from a rescue's */
  at?: string;
  /** CLOSED: why no case was needed */
  reason?: InterventionCloseReason;
  note?: string;
  /** RESCUED: what is known of the child, for the case */
  child?: ChildParticulars;
  /** RESCUED: the state's own periods for the case, where its rules differ from the statutory defaults */
  deadlinePolicy?: DeadlinePolicyOverrides;
}

export interface InterventionState {
  interventionId: string;
  status: InterventionStatus;
  reachedAt: string | null;
  rescuedAt: string | null;
  caseId: string | null;
  closedAt: string | null;
  closeReason: InterventionCloseReason | null;
  escalations: CaseEscalation[];
}

export interface InterventionActionRejection {
  reason: 'ACTION_NOT_ALLOWED' | 'REASON_REQUIRED' | 'IDEMPOTENCY_KEY_REUSED';
  message: string;
}

/** What makes two requests under one Idempotency-Key the same: who asked for what. */
export const interventionActionFingerprint = (req: InterventionActionRequest) =>
  requestFingerprint({ action: req.action, at: req.at, reason: req.reason, note: req.note, child: req.child, actor: req.actor.id });

/** Records that the child was reached or rescued, or closes the intervention; the validator rejects what its status does not allow. */
export const interventionActionUpdate = defineUpdate<InterventionState, [InterventionActionRequest]>('actOnIntervention');
export const interventionQuery = defineQuery<InterventionState>('intervention');
export const INTERVENTION_ACTION_REJECTED = 'InterventionActionRejected';

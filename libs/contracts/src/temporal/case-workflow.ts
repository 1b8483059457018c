// The case workflow's handles and payloads, shared by the API (client) and the worker; what it answers is the
// HTTP half's (CaseStatus), which this may import and never the reverse.
// Reads no environment: the task queue name is configuration's default, see libs/config.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DeadlinePolicyOverrides, HistoricalEvent } from '@raksha/case-machine';
import { requestFingerprint, type BodyType, type Actor, type Track } from '@raksha/domain';
import type { CaseEscalation, CaseStatus } from '../cases.js';
import type { HelplineCallOrigin } from './intervention.js';

export const CASE_TASK_QUEUE = 'raksha-cases';
export const caseWorkflowId = (caseId: string) => `case-${caseId}`;

export interface CaseActor {
  id: string;
  role: Actor;
  /** PUBLIC: a citizen, who belongs to no body */
  body: BodyType | 'SYSTEM' | 'PUBLIC';
  /** The body they acted for (its id) and the address the request came from: the access log names both. */
  bodyId?: string;
  from?: string;
}

export const SYSTEM_CASE_ACTOR: CaseActor = { id: 'system', role: 'SYSTEM', body: 'SYSTEM' };

export interface ChildParticulars {
  name?: string;
  ageYears?: number;
  /** YYYY-MM-DD: from a document, or estimated from an age with its basis (docs/child-profile.md); the machine counts age from it */
  dateOfBirth?: string;
  gender?: 'FEMALE' | 'MALE' | 'TRANSGENDER' | 'UNKNOWN';
}

/** What starts a case: a found or rescued child (CNCP) or an apprehension (CICL). */
export interface CaseRegistration {
  caseId: string;
  track: Track;
  districtCode: string;
  stateCode: string;
  /** the police station (thana), block and village of the district where the child was found or lives */
  thanaCode?: string;
  blockCode?: string;
  villageCode?: string;
  child: ChildParticulars;
  registeredAt: string;
  registeredBy: CaseActor;
  /** The state's own periods where its rules differ from the statutory defaults. */
  deadlinePolicy?: DeadlinePolicyOverrides;
  /** Timeline steps one workflow run takes before it continues as new (history stays small). */
  stepsPerRun?: number;
  /** The helpline call a rescue began from: the case's timeline starts with it (intervention.ts). */
  origin?: HelplineCallOrigin;
  /** A child's case ported from a legacy register: its history is replayed at its own times, each step marked imported. */
  imported?: CaseImport;
}

/** A case imported from a legacy register (docs/porting.md): where from, when, and the history it replays. */
export interface CaseImport {
  /** the register's name as the timeline shows it: "Imported from the <register> register" */
  register: string;
  source: string;
  recordId: string;
  importId: string;
  /** when the import ran: no escalation ladder of a deadline already past starts before it (IMPORTED_ESCALATION_GRACE) */
  importedAt: string;
  /** the steps the register dates, in order, checked whole against the machine before the case was started */
  history: HistoricalEvent[];
}

export const DEFAULT_STEPS_PER_RUN = 200;

export interface CaseEventRequest {
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  actor: CaseActor;
  /** The case version (sequence) the sender saw (HTTP If-Match); a newer case rejects the event. */
  expectedSequence?: number;
}

export type { CaseEventRejection } from '@raksha/case-machine';

/** What makes two requests under one Idempotency-Key the same (libs/domain requestFingerprint): who sent what. */
export const caseEventFingerprint = (req: CaseEventRequest) => requestFingerprint({ type: req.type, payload: req.payload, actor: req.actor.id });
export const escalationActionFingerprint = (req: EscalationActionRequest) =>
  requestFingerprint({ escalationId: req.escalationId, action: req.action, note: req.note, actor: req.actor.id });
/** A registration retried under its key names the same child on the same track in the same district. */
export const registrationFingerprint = (r: Pick<CaseRegistration, 'track' | 'districtCode' | 'thanaCode' | 'blockCode' | 'villageCode' | 'child'>) =>
  requestFingerprint({ track: r.track, districtCode: r.districtCode, thanaCode: r.thanaCode, blockCode: r.blockCode, villageCode: r.villageCode, child: r.child });

export interface EscalationActionRequest {
  escalationId: string;
  action: 'ACKNOWLEDGE' | 'RESOLVE';
  note?: string;
  idempotencyKey: string;
  actor: CaseActor;
}

export interface EscalationActionRejection {
  reason: 'UNKNOWN_ESCALATION' | 'ALREADY_RESOLVED' | 'ALREADY_ACKNOWLEDGED' | 'NOTE_REQUIRED' | 'IDEMPOTENCY_KEY_REUSED';
  message: string;
}

/**
 * Gives the case to a person of its body to work (CASE_ASSIGNED), or releases it to the body's queue (assigneeId
 * null: CASE_RELEASED) when its assignee is deactivated or moved; the same assignee again writes nothing.
 */
export interface CaseAssignmentRequest {
  assigneeId: string | null;
  /** the assignee's name as the timeline shows it (an official's, never a child's); null for a release */
  assigneeName: string | null;
  actor: CaseActor;
  /** why the case changed hands without its body choosing: its assignee was deactivated or moved */
  reason?: 'ASSIGNEE_DEACTIVATED' | 'ASSIGNEE_MOVED';
  /** only while this person still works the case: a hand-over never undoes an assignment made since */
  fromAssigneeId?: string;
}

export interface CaseAssignment {
  /** null: nobody works it now, it waits in its body's queue */
  assigneeId: string | null;
  /** The timeline step that assigned it. */
  sequence: number;
  assignedAt: string;
}

/** Applies one event; the validator rejects what the case cannot take now, before anything is written. */
export const applyEventUpdate = defineUpdate<CaseStatus, [CaseEventRequest]>('applyEvent');
/** Answers once the registration is projected, so the API can reply with a case that reads back. */
export const registrationUpdate = defineUpdate<CaseStatus, []>('registration');
/** Acknowledges or resolves an escalation; its timeline entry is ordered with the case's events. */
export const escalationActionUpdate = defineUpdate<CaseEscalation, [EscalationActionRequest]>('actOnEscalation');
/** Assigns the case; its timeline entry is ordered with the case's events. */
/** Answers null when the case has never been assigned and nothing was (a release of no one). */
export const assignCaseUpdate = defineUpdate<CaseAssignment | null, [CaseAssignmentRequest]>('assignCase');
export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');
export const caseRegistrationQuery = defineQuery<CaseRegistration>('caseRegistration');
/** The machine's context: what the guards know of the case (production, SIR, orders, clocks). */
export const caseContextQuery = defineQuery<Record<string, unknown>>('caseContext');

/** Error types carried by ApplicationFailure from the workflow to the API. */
export const CASE_EVENT_REJECTED = 'CaseEventRejected';
export const ESCALATION_ACTION_REJECTED = 'EscalationActionRejected';

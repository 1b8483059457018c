// The case workflow's handles and payloads, shared by the API (client), the worker and the web app.
// Reads no environment: the task queue name is configuration's default, see libs/config.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BodyType, Actor, Track } from '@raksha/domain';

export const CASE_TASK_QUEUE = 'raksha-cases';
export const caseWorkflowId = (caseId: string) => `case-${caseId}`;

export interface CaseActor {
  id: string;
  role: Actor;
  body: BodyType | 'SYSTEM';
}

export interface ChildParticulars {
  name?: string;
  ageYears?: number;
  gender?: 'FEMALE' | 'MALE' | 'TRANSGENDER' | 'UNKNOWN';
}

/** What starts a case: a found or rescued child (CNCP) or an apprehension (CICL). */
export interface CaseRegistration {
  caseId: string;
  track: Track;
  districtCode: string;
  stateCode: string;
  child: ChildParticulars;
  registeredAt: string;
  registeredBy: CaseActor;
}

export interface CaseEventRequest {
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  actor: CaseActor;
}

export interface OpenDeadline {
  id: string;
  obligation: string;
  dueAt: string;
  citation: string;
}

/** What a person sees of a case after any change: where it stands and what can happen next. */
export interface CaseStatus {
  caseId: string;
  sequence: number;
  state: string;
  phase: string;
  label: string;
  allowedEvents: string[];
  openDeadlines: OpenDeadline[];
}

export interface CaseEventRejection {
  reason: 'EVENT_NOT_ALLOWED' | 'INVALID_PAYLOAD';
  state: string;
  message: string;
  allowedEvents: string[];
  issues?: { path: string; message: string }[];
}

/** Applies one event; the validator rejects what the case cannot take now, before anything is written. */
export const applyEventUpdate = defineUpdate<CaseStatus, [CaseEventRequest]>('applyEvent');
/** Answers once the registration is projected, so the API can reply with a case that reads back. */
export const registrationUpdate = defineUpdate<CaseStatus, []>('registration');
export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');

/** Error types carried by ApplicationFailure from the workflow to the API. */
export const CASE_EVENT_REJECTED = 'CaseEventRejected';

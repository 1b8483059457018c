// The handles of the institution workflow (one per child care institution, `institution-<bodyId>`), which
// watches its s.41 registration and escalates an expiry on the same ladder as a case's deadline.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CaseEscalation } from './case-workflow.js';

export const institutionWorkflowId = (bodyId: string) => `institution-${bodyId}`;

export interface InstitutionRegistrationState {
  bodyId: string;
  name: string;
  districtCode: string;
  stateCode: string;
  registrationNo: string | null;
  /** last day the registration is valid (YYYY-MM-DD); null when unregistered */
  registeredUntil: string | null;
}

export interface InstitutionWatchStatus {
  registration: InstitutionRegistrationState;
  /** when the registration falls due for renewal, if it has a validity */
  dueAt: string | null;
  escalations: CaseEscalation[];
}

/** The registry's latest record of the institution (sent on create, every change and every import). */
export const institutionRegistrationSignal = defineSignal<[InstitutionRegistrationState]>('institutionRegistration');
export const institutionWatchQuery = defineQuery<InstitutionWatchStatus>('institutionWatch');

// The handles of the obligation-watch workflow: one per obligation that is not a child's case's own but
// escalates like one — a child care institution's s.41 registration, a missing report's referral to the AHTU.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CaseEscalation } from '../cases.js';

/** BODY_DUTY: a CWC's or JJB's recurring duty missed in one period (sittings, CCI visits, a return), watched once missed. */
export const OBLIGATION_SUBJECTS = ['INSTITUTION_REGISTRATION', 'MISSING_REPORT', 'BODY_DUTY'] as const;
export type ObligationSubject = (typeof OBLIGATION_SUBJECTS)[number];

export const obligationWatchId = (subject: ObligationSubject, id: string) => `watch-${subject.toLowerCase().replaceAll('_', '-')}-${id}`;

export interface WatchedObligation {
  subject: ObligationSubject;
  /** the institution's body id, or the report's id */
  subjectId: string;
  /** what people call it, for notices: the institution's name, the report's reference */
  label: string;
  /** the body that owes the obligation; its escalations carry this id */
  bodyId: string;
  districtCode: string;
  stateCode: string;
  deadline: {
    id: string;
    obligation: string;
    citation: string;
    ladder: readonly { to: 'DCPU' | 'SCPS' | 'STATE_MONITORING_CELL'; after: string }[];
    /** when it falls due; null while there is nothing to watch (no registration validity on record) */
    dueAt: string | null;
  };
  /** the kind of the notice sent at each rung */
  noticeKind: string;
  /** met for good (the report traced, closed or referred): the watch ends */
  closed: boolean;
  /** Steps (escalations raised or acted on) a run takes before it continues as new; unset, Temporal's suggestion decides. */
  stepsPerRun?: number;
}

export interface ObligationWatchStatus {
  watched: WatchedObligation;
  escalations: CaseEscalation[];
}

/** The latest record of the obligation: a new due time meets the old one; `closed` ends the watch. */
export const obligationChangedSignal = defineSignal<[WatchedObligation]>('obligationChanged');
export const obligationWatchQuery = defineQuery<ObligationWatchStatus>('obligationWatch');

// What the API answers for cases, their timelines, escalations and the inbox: one definition for the API's
// services and the web app.
import type { Track } from '@raksha/domain';
import type { EscalationStatus, OpenDeadline } from './case-workflow.js';

export interface CaseView {
  id: string;
  track: Track;
  state: string;
  phase: string;
  districtCode: string;
  stateCode: string;
  childName: string | null;
  /** the case's sequence: what `If-Match` expects */
  version: number;
  registeredAt: string;
  nextDueAt: string | null;
  overdue: boolean;
  openDeadlines: OpenDeadline[];
}

/** GET /cases/:id adds what the case can take now, and which of those the reader may send (null when the workflow could not be asked). */
export interface CaseDetailView extends CaseView {
  allowedEvents: string[] | null;
  yourEvents: string[] | null;
}

export interface CasePage {
  items: CaseView[];
  /** pass as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
}

export interface TimelineEntryView {
  sequence: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  actor: { id: string | null; role: string | null };
  payload: Record<string, unknown>;
  /** the deadlines this step met (late or on time) and started */
  deadlines: { met?: { id: string; dueAt: string; late: boolean }[]; opened?: { id: string; dueAt: string }[] };
  occurredAt: string;
  recordedAt: string;
}

export interface EscalationView {
  id: string;
  /** the child's case whose deadline was missed; null for a body's own obligation */
  caseId: string | null;
  /** the body whose own obligation was missed (an institution's s.41 registration); null for a case's */
  bodyId: string | null;
  deadlineId: string;
  obligation: string;
  citation: string;
  rung: number;
  toBody: string;
  districtCode: string;
  stateCode: string;
  dueAt: string;
  raisedAt: string;
  /** how late the obligation is now, or was when it was met */
  overdueHours: number;
  status: EscalationStatus;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  metAt: string | null;
}

export interface NotificationView {
  id: string;
  kind: string;
  subject: string;
  body: string;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

// What the API answers, as the web app reads it (the API's own view types live in its services).
export type { CaseStatus, DashboardArea, DashboardOverview, OpenDeadline, SignedInUser, TokenResponse } from '@raksha/contracts';

export interface CaseView {
  id: string;
  track: 'CNCP' | 'CICL' | string;
  state: string;
  phase: string;
  districtCode: string;
  stateCode: string;
  childName: string | null;
  version: number;
  registeredAt: string;
  nextDueAt: string | null;
  overdue: boolean;
  openDeadlines: { id: string; obligation: string; dueAt: string; citation: string }[] | null;
  /** on GET /cases/:id: what the case can take now (null when the workflow could not be asked) */
  allowedEvents?: string[] | null;
}

export interface CasePage {
  items: CaseView[];
  nextCursor: string | null;
}

export interface TimelineEntry {
  sequence: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  actor: { id: string | null; role: string | null };
  payload: Record<string, unknown>;
  deadlines: { met?: { id: string; dueAt: string; late: boolean }[]; opened?: { id: string; dueAt: string }[] } | null;
  occurredAt: string;
  recordedAt: string;
}

export interface EscalationView {
  id: string;
  caseId: string | null;
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
  overdueHours: number;
  status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  metAt: string | null;
}

export interface Resident {
  id: string;
  caseId: string;
  institutionId: string;
  orderRef: string;
  admittedAt: string;
  childName: string | null;
  track: string;
  caseState: string;
  nextDueAt: string | null;
}

export interface EFileEntry {
  id: string;
  section: string;
  kind: string;
  occurredOn: string;
  recordedAt: string;
  recordedRole: string;
  sealed: boolean;
  details: Record<string, unknown> | null;
}

export interface CarePlan {
  plan: {
    icpRef: string;
    preparedAt: string;
    goals: { domain: string; goal: string }[];
    reviews: { at: string; progress: { domain: string; status: string; note?: string }[]; revisedGoals: boolean }[];
    nextDue: { id: string; dueAt: string; citation: string } | null;
  } | null;
  nextDue: { id: string; dueAt: string; citation: string } | null;
}

export interface Me {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  body: { id: string; type: string; name: string; stateCode?: string | null; districtCode?: string | null } | null;
}

export interface ChildDescription {
  name?: string;
  aliases?: string[];
  guardians?: { relation: 'FATHER' | 'MOTHER' | 'GUARDIAN'; name: string }[];
  gender: 'MALE' | 'FEMALE' | 'TRANSGENDER' | 'UNKNOWN';
  ageYears?: { min: number; max: number };
  dateOfBirth?: string;
  heightCm?: { min: number; max: number };
  complexion?: string;
  identifyingMarks?: string;
  languages?: string[];
  clothing?: string;
}

export interface ReportView {
  id: string;
  kind: 'MISSING' | 'FOUND';
  status: 'PENDING_ACCEPTANCE' | 'OPEN' | 'TRACED' | 'CLOSED';
  policeRef: string | null;
  stationId: string | null;
  child: ChildDescription;
  occurredAt: string;
  place: { stateCode: string; districtCode: string; thanaCode: string | null; text: string | null; lat: number | null; lon: number | null };
  caseId: string | null;
  filedBy: { id: string; role: string; bodyId: string | null };
  reporter?: { name?: string; phone?: string; email?: string; verified?: boolean } | null;
  hasPhoto: boolean;
  createdAt: string;
  acceptedAt: string | null;
  tracedAt: string | null;
  closedAt: string | null;
  closedReason: string | null;
}

export interface ReportPage {
  items: ReportView[];
  nextCursor: string | null;
}

export interface FieldExplanation {
  field: string;
  level: string | null;
  score: number | null;
  weight: number;
  reason: string;
}

export interface MatchCandidate {
  id: string;
  probability: number;
  explanation: { fields: FieldExplanation[] } | null;
  status: 'PROPOSED' | 'CONFIRMED' | 'REJECTED' | 'SUPERSEDED';
  alertedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  missing: ReportView;
  found: ReportView;
}

export interface CandidatePage {
  total: number;
  offset: number;
  limit: number;
  items: MatchCandidate[];
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

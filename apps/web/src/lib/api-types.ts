// What the API answers, as the web app reads it (shared ones come from @raksha/contracts; the rest are the API services' views as read here).
export type {
  CaseDetailView,
  CasePage,
  CaseStatus,
  CaseView,
  DashboardArea,
  DashboardOverview,
  EscalationView,
  NotificationView,
  OpenDeadline,
  SignedInUser,
  TimelineEntryView as TimelineEntry,
  TokenResponse,
} from '@raksha/contracts';





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


import { z } from 'zod';
import { TRACKS, type Track } from '@raksha/domain';
import { calendarDate, type AgeEvidence, type CaseEventType, type CwcFinalOrder, type JjbFinalOrder, type OffenceCategory, type CIRCUMSTANCES, type SIR_FINDINGS } from './events.js';
import { DEADLINE_IDS, ESCALATION_TARGETS, type DeadlineId, type DeadlinePolicyOverrides } from './policy.js';
import { isIsoDuration } from './time.js';

/** Built anew on each call; createContext's copy stays private, as the event schemas do (events.ts). */
export const buildCaseInputSchema = () =>
  z.object({
    caseId: z.string().min(1),
    track: z.enum(TRACKS),
    registeredAt: z.iso.datetime({ offset: true }),
    child: z.object({
      ageYears: z.number().min(0).lt(18).optional(),
      dateOfBirth: calendarDate().optional(),
      gender: z.enum(['FEMALE', 'MALE', 'TRANSGENDER', 'UNKNOWN']).optional(),
    }),
    districtCode: z.string().min(1),
    stateCode: z.string().min(1),
    /** The state's own periods and ladders, replacing the statutory defaults by deadline id. */
    deadlinePolicy: z
      .partialRecord(
        z.enum(DEADLINE_IDS as unknown as [DeadlineId, ...DeadlineId[]]),
        z.object({
          within: z.string().refine(isIsoDuration).optional(),
          opensAfter: z.string().refine(isIsoDuration).optional(),
          ladder: z.array(z.object({ to: z.enum(ESCALATION_TARGETS), after: z.string().refine(isIsoDuration) })).readonly().optional(),
        }),
      )
      .optional(),
  });
const caseInputSchema = buildCaseInputSchema();
export type CaseInput = z.input<ReturnType<typeof buildCaseInputSchema>>;

export interface DeadlineClock {
  startedAt: string;
  /** Further periods granted (s.14(2) extension, s.14(4) proviso). */
  extensions: string[];
  /** The period the order itself fixed (s.98(1) leave), in place of the rule's. */
  period?: string;
}

export interface CaseContext {
  caseId: string;
  track: Track;
  registeredAt: string;
  child: CaseInput['child'];
  districtCode: string;
  stateCode: string;
  policyOverrides: DeadlinePolicyOverrides;
  /** 1 for the first time in care; a restored child who re-enters starts a new episode. */
  episode: number;
  lastEventAt: string;
  /** Latest time of each event that starts a deadline. */
  milestones: Partial<Record<CaseEventType, string>>;
  /** Deadlines running now; the workflow arms timers from these. */
  deadlines: Partial<Record<DeadlineId, DeadlineClock>>;
  waivers: Partial<Record<DeadlineId, { reasons: string; at: string }>>;
  production?: { at: string; body: 'CWC' | 'JJB'; circumstance?: (typeof CIRCUMSTANCES)[number] };
  interimPlacement?: { placement: string; orderRef: string; at: string };
  sir?: { ref: string; orderedAt: string; submittedAt?: string; finding?: (typeof SIR_FINDINGS)[number] };
  surrender?: { deedRef: string; at: string };
  legallyFree?: { ground: string; orderRef: string; at: string };
  finalOrder?: { order: CwcFinalOrder | JjbFinalOrder; reasons: string; orderRef: string; at: string };
  restorationOrder?: { orderRef: string; at: string };
  icp?: { ref: string; preparedAt: string; reviewedAt?: string };
  aftercarePlanRef?: string;
  /** A family traced (a confirmed missing-child match or police inquiry), and its verification by home study. */
  familyTrace?: {
    reportRef: string;
    tracedAt: string;
    tracedBy: string;
    familyDistrictCode?: string;
    familyStateCode?: string;
    verifiedAt?: string;
    outcome?: 'SUITABLE' | 'UNSUITABLE';
  };
  transfer?: { orderRef: string; toDistrictCode: string; toStateCode: string; orderedAt: string; escortedAt?: string };
  restoredAt?: string;
  followUpStartedAt?: string;
  followUpReports: number;
  offence?: { category: OffenceCategory; ageAtOffence: number };
  bail?: { granted: boolean; at: string; refusalGround?: string };
  inquiryExtension?: { at: string; reasons: string };
  magistrateExtensions: { at: string; extendBy: string; reasons: string }[];
  preliminaryAssessment?: { finding: 'TRIAL_AS_ADULT' | 'INQUIRY_AS_CHILD'; at: string };
  handoffs: { from: Track; to: Track; at: string; reasons: string }[];
  /** s.94(2): ordered by the CWC / JJB; determinedAt once the age is recorded (s.94(3)). */
  ageDetermination?: {
    orderRef: string;
    orderedAt: string;
    medicalTest: boolean;
    determinedAt?: string;
    ageYears?: number;
    evidence?: AgeEvidence;
  };
  /** s.98(1): the latest leave of absence; endedAt once the child is back or care has ended. */
  leave?: {
    orderRef: string;
    grantedAt: string;
    days: number;
    journeyDays: number;
    endedAt?: string;
    outcome?: 'RETURNED' | 'DID_NOT_RETURN' | 'CARE_ENDED';
  };
  /** The latest time the child went missing from an institution, and whether traced. */
  missing?: { from: 'INTERIM_PLACEMENT' | 'CARE'; at: string; cciRef: string; tracedAt?: string };
  closure?: { ground: string; reasons: string; at: string };
}

export function createContext(input: CaseInput): CaseContext {
  const parsed = caseInputSchema.parse(input);
  return {
    caseId: parsed.caseId,
    track: parsed.track,
    registeredAt: parsed.registeredAt,
    child: parsed.child,
    districtCode: parsed.districtCode,
    stateCode: parsed.stateCode,
    policyOverrides: parsed.deadlinePolicy ?? {},
    episode: 1,
    lastEventAt: parsed.registeredAt,
    milestones: {},
    deadlines: {},
    waivers: {},
    followUpReports: 0,
    magistrateExtensions: [],
    handoffs: [],
  };
}

import { z } from 'zod';
import { DEADLINE_IDS, type DeadlineId } from './policy.js';
import { isIsoDuration } from './time.js';

const at = z.iso.datetime({ offset: true });
/**
 * A calendar date (YYYY-MM-DD). Not `z.iso.date()`: Zod's date pattern is one shared RegExp, deep-frozen with Zod in
 * a worker's preloaded modules, and Zod resets its lastIndex on every check, so a workflow could never parse a date.
 */
export const calendarDate = () => z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'a date such as 2012-05-01');
const ref = z.string().trim().min(1);
/** Reasons the law requires to be recorded; a word or two is not a record. */
const reasons = z.string().trim().min(10, 'record the reasons (at least 10 characters)');
const duration = z.string().refine(isIsoDuration, 'an ISO-8601 duration such as P2M');

/** How the child came before the CWC (production report F.17). */
export const CIRCUMSTANCES = ['ORPHAN', 'ABANDONED', 'SURRENDERED', 'LOST', 'RESCUED', 'RUNAWAY', 'OTHER'] as const;
export const INTERIM_PLACEMENTS = [
  'CHILDRENS_HOME', // F.18
  'SPECIALISED_ADOPTION_AGENCY', // s.36(1) proviso
  'FIT_FACILITY',
  'FIT_PERSON', // F.19
  'PARENT_OR_GUARDIAN', // F.19 / F.20 undertaking
] as const;
export const SIR_FINDINGS = ['FAMILY_TRACED', 'ORPHAN', 'ABANDONED', 'OTHER'] as const;
/** Final orders of the CWC under s.37(1). */
export const CWC_FINAL_ORDERS = [
  'RESTORATION',
  'CHILDRENS_HOME',
  'FIT_FACILITY',
  'FIT_PERSON',
  'FOSTER_CARE',
  'SPECIALISED_ADOPTION_AGENCY',
  'SPONSORSHIP',
] as const;
export type CwcFinalOrder = (typeof CWC_FINAL_ORDERS)[number];
export const LEGALLY_FREE_GROUNDS = ['ORPHAN', 'ABANDONED', 'SURRENDERED'] as const;
export const OFFENCE_CATEGORIES = ['PETTY', 'SERIOUS', 'HEINOUS'] as const; // s.2(45), (54), (33)
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];
/** s.12(1) proviso: the only grounds on which bail may be refused. */
export const BAIL_REFUSAL_GROUNDS = [
  'ASSOCIATION_WITH_KNOWN_CRIMINAL',
  'MORAL_PHYSICAL_OR_PSYCHOLOGICAL_DANGER',
  'DEFEAT_ENDS_OF_JUSTICE',
] as const;
/** Final orders of the JJB: s.17(1) release, s.18(1)(a)–(g). */
export const JJB_FINAL_ORDERS = [
  'RELEASED_NO_OFFENCE', // s.17(1)
  'ADVICE_OR_ADMONITION',
  'GROUP_COUNSELLING',
  'COMMUNITY_SERVICE',
  'FINE',
  'PROBATION_WITH_PARENT_OR_GUARDIAN',
  'PROBATION_WITH_FIT_FACILITY',
  'SPECIAL_HOME',
] as const;
export type JjbFinalOrder = (typeof JJB_FINAL_ORDERS)[number];
/** s.94(2)(i)–(iii), in the Act's order: a medical test only in the absence of both certificates. */
export const AGE_EVIDENCE = ['SCHOOL_OR_MATRICULATION_CERTIFICATE', 'BIRTH_CERTIFICATE', 'MEDICAL_AGE_TEST'] as const;
export type AgeEvidence = (typeof AGE_EVIDENCE)[number];
export const CLOSURE_GROUNDS = [
  'RESTORED_AND_FOLLOWED_UP',
  'HANDED_OVER_FOR_ADOPTION',
  'LEFT_CARE_AT_MAJORITY',
  'PROCEEDINGS_TERMINATED',
  'TRANSFERRED_TO_CHILDRENS_COURT',
  'DISPOSED_BY_JJB',
  'FOUND_NOT_A_CHILD',
  'DEATH_OF_CHILD',
  'OTHER',
] as const;

/** The domains an Individual Care Plan sets goals in (s.2(39); Form 7). */
export const ICP_DOMAINS = ['HEALTH', 'EDUCATION', 'EMOTIONAL', 'FAMILY_CONTACT', 'SKILLS'] as const;
export type IcpDomain = (typeof ICP_DOMAINS)[number];
export const ICP_PROGRESS = ['NOT_STARTED', 'ON_TRACK', 'NEEDS_ATTENTION', 'ACHIEVED'] as const;
const icpGoal = z.strictObject({
  domain: z.enum(ICP_DOMAINS),
  goal: z.string().trim().min(3),
  actions: z.string().trim().min(1).optional(),
  responsible: z.string().trim().min(1).optional(),
  targetDate: calendarDate().optional(),
});
/** A plan with a goal in every domain: a plan silent on a domain has not considered it. */
const icpGoals = z
  .array(icpGoal)
  .min(1)
  .max(50)
  .refine((goals) => ICP_DOMAINS.every((d) => goals.some((g) => g.domain === d)), {
    message: `a goal for each domain: ${ICP_DOMAINS.join(', ')}`,
  });
const icpProgress = z
  .array(z.strictObject({ domain: z.enum(ICP_DOMAINS), status: z.enum(ICP_PROGRESS), note: z.string().trim().min(1).optional() }))
  .min(1)
  .max(50);

/**
 * Where an order places the child: a place from the registry (an institution, fit facility, fit person or foster
 * family), by its id. Optional in the schema so histories recorded before orders named places still replay; the
 * API requires it of a new order that places the child (placements.ts `placeKindsOf`). `placeName` is the
 * registry's name at the time of the order, written by the API for the timeline, never taken from a client.
 */
const placeFields = {
  placeId: ref.optional(),
  placeName: ref.optional(),
  /** Why the order places the child over the place's sanctioned capacity for the child's gender and age band. */
  overCapacityReason: reasons.optional(),
  /** Why the child is placed outside the case's district (a place of the kind the child needs is elsewhere). */
  outOfDistrictReason: reasons.optional(),
};

/** Strict, as every object inside it: a field the event does not define is refused, never stored on the timeline. */
const ev = <const T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), at, ...shape });

/**
 * The event schemas, built anew on each call. The workflow's copy stays private to this module
 * (see `schemas`): a module a worker preloads is deep-frozen through its exports, and Zod stores
 * members on a schema at first use, so no export here may lead to a schema. `caseEventSchemas`
 * (schemas.ts, for the API and the web app) is another copy of the same definitions.
 */
export const buildCaseEventSchemas = () => ({
  // Track CNCP, before the CWC
  PRODUCED_BEFORE_CWC: ev('PRODUCED_BEFORE_CWC', {
    circumstance: z.enum(CIRCUMSTANCES),
    producedBy: ref,
    productionReportRef: ref.optional(),
  }),
  INTERIM_PLACEMENT_ORDERED: ev('INTERIM_PLACEMENT_ORDERED', { placement: z.enum(INTERIM_PLACEMENTS), orderRef: ref, ...placeFields }),
  SIR_ORDERED: ev('SIR_ORDERED', { sirRef: ref, assignedTo: ref.optional() }),
  SIR_SUBMITTED: ev('SIR_SUBMITTED', { sirRef: ref, finding: z.enum(SIR_FINDINGS).optional() }),
  SURRENDER_DEED_EXECUTED: ev('SURRENDER_DEED_EXECUTED', { deedRef: ref, surrenderedBy: z.enum(['PARENT', 'GUARDIAN']) }),
  SURRENDER_RECONSIDERED: ev('SURRENDER_RECONSIDERED', { orderRef: ref, reasons }),
  LEGALLY_FREE_DECLARED: ev('LEGALLY_FREE_DECLARED', {
    ground: z.enum(LEGALLY_FREE_GROUNDS),
    membersSigning: z.int().min(1),
    orderRef: ref,
  }),
  HANDED_OVER_FOR_ADOPTION: ev('HANDED_OVER_FOR_ADOPTION', { saaRef: ref }),
  FINAL_ORDER_PASSED: ev('FINAL_ORDER_PASSED', { order: z.enum(CWC_FINAL_ORDERS), reasons, orderRef: ref, ...placeFields }),
  ICP_PREPARED: ev('ICP_PREPARED', { icpRef: ref, goals: icpGoals }),
  /** A review records progress per domain and, where the plan changes, the revised goals. */
  ICP_REVIEWED: ev('ICP_REVIEWED', { icpRef: ref, progress: icpProgress, goals: icpGoals.optional() }),
  FOSTER_INSPECTION_RECORDED: ev('FOSTER_INSPECTION_RECORDED', { inspectionRef: ref }),
  AFTERCARE_PLAN_PREPARED: ev('AFTERCARE_PLAN_PREPARED', { planRef: ref }),
  CHILD_ATTAINED_MAJORITY: ev('CHILD_ATTAINED_MAJORITY', { aftercare: z.boolean() }),
  AFTERCARE_COMPLETED: ev('AFTERCARE_COMPLETED', {}),
  RESTORATION_ORDERED: ev('RESTORATION_ORDERED', { orderRef: ref, reasons }),
  TRANSFER_ORDERED: ev('TRANSFER_ORDERED', { orderRef: ref, toDistrictCode: ref, toStateCode: ref }),
  CHILD_ESCORTED: ev('CHILD_ESCORTED', { escortOfficerRef: ref, escortedByWomanOfficer: z.boolean() }),
  CHILD_RESTORED: ev('CHILD_RESTORED', { restoredTo: z.enum(['PARENT', 'GUARDIAN', 'FAMILY']) }),
  FOLLOW_UP_REPORT_FILED: ev('FOLLOW_UP_REPORT_FILED', { reportRef: ref }),
  FOLLOW_UP_COMPLETED: ev('FOLLOW_UP_COMPLETED', {}),
  REENTERED_CARE: ev('REENTERED_CARE', { reasons }),
  CHILD_MISSING_FROM_CCI: ev('CHILD_MISSING_FROM_CCI', { cciRef: ref }),
  MISSING_REPORTED_TO_POLICE: ev('MISSING_REPORTED_TO_POLICE', { firRef: ref }),
  REFERRED_TO_AHTU: ev('REFERRED_TO_AHTU', { referenceNo: ref }),
  CHILD_TRACED: ev('CHILD_TRACED', { tracedBy: ref }),
  LEAVE_OF_ABSENCE_GRANTED: ev('LEAVE_OF_ABSENCE_GRANTED', {
    orderRef: ref,
    // The guard, not the schema, refuses more than 7 days, so the refusal names the rule (s.98(1)).
    days: z.int().min(1),
    /** s.98(1): the period excludes the time taken in journey. */
    journeyDays: z.int().min(0).optional(),
    purpose: ref,
  }),
  RETURNED_FROM_LEAVE: ev('RETURNED_FROM_LEAVE', {}),
  // Track CICL, before the JJB
  PRODUCED_BEFORE_JJB: ev('PRODUCED_BEFORE_JJB', {
    offenceCategory: z.enum(OFFENCE_CATEGORIES),
    ageAtOffence: z.number().min(7).lt(18, 'a person of 18 or more is not a child (s.2(12))'),
    firRef: ref.optional(),
  }),
  BAIL_DECIDED: ev('BAIL_DECIDED', {
    granted: z.boolean(),
    refusalGround: z.enum(BAIL_REFUSAL_GROUNDS).optional(),
    reasons: reasons.optional(),
    custody: z.enum(['OBSERVATION_HOME', 'PLACE_OF_SAFETY']).optional(),
  }),
  PRELIMINARY_ASSESSMENT_COMPLETED: ev('PRELIMINARY_ASSESSMENT_COMPLETED', {
    finding: z.enum(['TRIAL_AS_ADULT', 'INQUIRY_AS_CHILD']),
    reasons,
  }),
  TRANSFERRED_TO_CHILDRENS_COURT: ev('TRANSFERRED_TO_CHILDRENS_COURT', { courtRef: ref, orderRef: ref }),
  INQUIRY_EXTENDED: ev('INQUIRY_EXTENDED', { reasons }),
  INQUIRY_EXTENDED_BY_MAGISTRATE: ev('INQUIRY_EXTENDED_BY_MAGISTRATE', {
    magistrate: z.enum(['CJM', 'CMM']),
    extendBy: duration,
    reasons,
  }),
  PROCEEDINGS_TERMINATED: ev('PROCEEDINGS_TERMINATED', {}),
  JJB_FINAL_ORDER_PASSED: ev('JJB_FINAL_ORDER_PASSED', { order: z.enum(JJB_FINAL_ORDERS), reasons, orderRef: ref, ...placeFields }),
  REFERRED_TO_CWC: ev('REFERRED_TO_CWC', { reasons }),
  /** The child's family is traced: a missing-child report matched and confirmed, or a police inquiry. */
  FAMILY_TRACED: ev('FAMILY_TRACED', {
    reportRef: ref,
    tracedBy: ref,
    familyDistrictCode: z.string().min(1).optional(),
    familyStateCode: z.string().min(1).optional(),
  }),
  /** The home study of the traced family, for the CWC to decide restoration on. */
  FAMILY_VERIFIED: ev('FAMILY_VERIFIED', { reportRef: ref, outcome: z.enum(['SUITABLE', 'UNSUITABLE']), reasons }),
  /** A child before the CWC or in its care is apprehended, alleged to have committed an offence. */
  APPREHENDED_FOR_OFFENCE: ev('APPREHENDED_FOR_OFFENCE', { firRef: ref, allegedOffence: ref }),
  // Either track
  AGE_DETERMINATION_ORDERED: ev('AGE_DETERMINATION_ORDERED', {
    orderRef: ref,
    /** s.94(2): the process is undertaken only on reasonable grounds for doubt. */
    groundsForDoubt: reasons,
    medicalTest: z.boolean().optional(),
  }),
  AGE_DETERMINED: ev('AGE_DETERMINED', {
    /** Completed years; for a child in conflict with law, on the date of the offence (s.2(13)). */
    ageYears: z.int().min(0).max(100),
    dateOfBirth: calendarDate().optional(),
    evidence: z.enum(AGE_EVIDENCE),
  }),
  WAIVE_DEADLINE: ev('WAIVE_DEADLINE', {
    deadlineId: z.enum(DEADLINE_IDS as unknown as [DeadlineId, ...DeadlineId[]]),
    reasons,
  }),
  CLOSE_CASE: ev('CLOSE_CASE', { ground: z.enum(CLOSURE_GROUNDS), reasons }),
});

export type CaseEventSchemas = ReturnType<typeof buildCaseEventSchemas>;
/** What parseCaseEvent validates with; deliberately not exported (see buildCaseEventSchemas). */
const schemas: CaseEventSchemas = buildCaseEventSchemas();

export type CaseEventType = keyof CaseEventSchemas;
export const CASE_EVENT_TYPES = Object.keys(schemas) as CaseEventType[];
export type CaseEventOf<T extends CaseEventType> = z.infer<CaseEventSchemas[T]>;
export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];

export function isCaseEventType(value: unknown): value is CaseEventType {
  return typeof value === 'string' && Object.hasOwn(schemas, value);
}

export interface EventIssue {
  path: string;
  message: string;
  /** what kind of failure, and its limits, so the API can say it in plain words (libs/contracts field-issues) */
  code?: string;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
}
export type ParseCaseEventResult = { ok: true; event: CaseEvent } | { ok: false; issues: EventIssue[] };

/** Validates an event from outside (API body, workflow update) against its schema. */
export function parseCaseEvent(raw: unknown): ParseCaseEventResult {
  const type = (raw as { type?: unknown } | null)?.type;
  if (!isCaseEventType(type)) {
    return { ok: false, issues: [{ path: 'type', message: `unknown event type: ${String(type)}` }] };
  }
  const result = schemas[type].safeParse(raw);
  if (result.success) return { ok: true, event: result.data as CaseEvent };
  return {
    ok: false,
    issues: result.error.issues.flatMap((i): EventIssue[] => {
      // An unknown field is named by its own path, so the refusal points at it.
      if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: [...i.path, key].map(String).join('.'), message: 'not a field of this event', code: i.code }));
      const detail = i as { expected?: string; origin?: string; format?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean };
      return [{
        path: i.path.map(String).join('.'),
        message: i.message,
        code: i.code,
        ...(detail.expected !== undefined && { expected: String(detail.expected) }),
        ...(detail.origin !== undefined && { origin: detail.origin }),
        ...(detail.format !== undefined && { format: detail.format }),
        ...(detail.minimum !== undefined && { minimum: Number(detail.minimum) }),
        ...(detail.maximum !== undefined && { maximum: Number(detail.maximum) }),
        ...(detail.inclusive !== undefined && { inclusive: detail.inclusive }),
      }];
    }),
  };
}

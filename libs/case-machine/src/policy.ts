import type { ESCALATION_ACTORS } from '@raksha/domain';
import { addIsoDuration, isIsoDuration } from './time.js';

/** Who an overdue obligation escalates to; each has the roles that act for it (ESCALATION_ACTORS in libs/domain). */
export const ESCALATION_TARGETS = ['DCPU', 'SCPS', 'STATE_MONITORING_CELL'] as const satisfies readonly (keyof typeof ESCALATION_ACTORS)[];
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
export interface EscalationRung {
  to: EscalationTarget;
  /** How long after the due time this rung is reached (ISO-8601 duration). */
  after: string;
}

/** JJ-ACT.md "Escalation ladder" (policy, configurable per state). */
export const DEFAULT_LADDER: readonly EscalationRung[] = [
  { to: 'DCPU', after: 'PT0S' },
  { to: 'SCPS', after: 'P7D' },
  { to: 'STATE_MONITORING_CELL', after: 'P30D' },
];

/** Facts about the case that decide whether a deadline applies at all. */
export const DEADLINE_CONDITIONS = [
  'ORPHAN_OR_ABANDONED_UP_TO_2',
  'ORPHAN_OR_ABANDONED_OVER_2',
  'FOSTER_CARE',
  'NO_AFTERCARE_PLAN',
  'AGE_DETERMINATION_PENDING',
  'ON_LEAVE',
  'FAMILY_VERIFICATION_PENDING',
] as const;
export type DeadlineCondition = (typeof DEADLINE_CONDITIONS)[number];

/** 'stateEntry', the time of an event, or the child's 18th birthday (with a negative period). */
export type DeadlineStart = 'stateEntry' | 'eighteenthBirthday' | CaseEventTypeName;

// Kept as a string union here to avoid a cycle with events.ts; events.ts checks it is a subset.
export type CaseEventTypeName = string;

export interface DeadlineRule {
  id: string;
  obligation: string;
  /** Who must meet it (body), for the escalation text. */
  owner: string;
  within: string;
  from: DeadlineStart;
  citation: string;
  /**
   * The events that fulfil the obligation. A deadline that closes on any other event (the case moved on: a
   * surrender reconsidered, a referral, a waiver, leaving care) ended without being met.
   */
  fulfilledBy: readonly CaseEventTypeName[];
  basis: 'statute' | 'policy';
  ladder: readonly EscalationRung[];
  appliesIf?: DeadlineCondition;
  /** The event that starts it again (recurring duties such as inspections). */
  repeatsOn?: string;
  /**
   * A period from `from` during which the obligation cannot lawfully be met (s.35(3) reconsideration): the
   * guards that gate the event read this same value, and `within` counts from its end.
   */
  opensAfter?: string;
}

/** A maker of rules of one kind that escalate up the default ladder, each keeping its literal id. */
export const onDefaultLadder =
  <Rule extends { id: string; ladder: readonly EscalationRung[] }>() =>
  <const Id extends string>(r: Omit<Rule, 'id' | 'ladder'> & { id: Id }) =>
    ({ ...r, ladder: DEFAULT_LADDER }) as unknown as Rule & { id: Id };

const rule = onDefaultLadder<DeadlineRule>();

/** Age determination on reasonable doubt (s.94(2)), by the CWC or the JJB that holds the child. */
const ageDetermination = <const Id extends string>(id: Id, owner: 'CWC' | 'JJB') =>
  rule({
    id,
    obligation: 'Complete age determination, with any medical test',
    owner,
    within: 'P15D',
    from: 'AGE_DETERMINATION_ORDERED',
    citation: 's.94(2) proviso',
    fulfilledBy: ['AGE_DETERMINED'],
    basis: 'statute',
    appliesIf: 'AGE_DETERMINATION_PENDING',
  });

/** Every deadline of the machine with its statutory default (JJ-ACT.md); `basis: 'policy'` where no statute fixes it. */
export const DEADLINE_RULES = [
  rule({
    id: 'cncp.production',
    obligation: 'Produce the child before the Child Welfare Committee',
    owner: 'Police / SJPU / CWPO / Childline / person who found the child',
    within: 'PT24H',
    from: 'stateEntry',
    citation: 's.31(1); report at production F.17 (R.18(2))',
    fulfilledBy: ['PRODUCED_BEFORE_CWC'],
    basis: 'statute',
  }),
  rule({
    id: 'cncp.sir',
    obligation: 'Submit the Social Investigation Report to the CWC',
    owner: 'Social worker / CWO (probation officer)',
    within: 'P15D',
    from: 'SIR_ORDERED',
    citation: 's.36(2); F.22 (R.19(8))',
    fulfilledBy: ['SIR_SUBMITTED'],
    basis: 'statute',
  }),
  rule({
    id: 'cncp.finalOrder',
    obligation: 'Complete the inquiry and pass a final order under s.37',
    owner: 'CWC',
    within: 'P4M',
    from: 'PRODUCED_BEFORE_CWC',
    citation: 's.36(2)',
    fulfilledBy: ['FINAL_ORDER_PASSED', 'LEGALLY_FREE_DECLARED'],
    basis: 'statute',
  }),
  rule({
    id: 'cncp.legallyFreeUpTo2',
    obligation: 'Declare an orphan or abandoned child aged up to 2 legally free for adoption',
    owner: 'CWC',
    within: 'P2M',
    from: 'PRODUCED_BEFORE_CWC',
    citation: 's.38(1) proviso',
    fulfilledBy: ['LEGALLY_FREE_DECLARED'],
    basis: 'statute',
    appliesIf: 'ORPHAN_OR_ABANDONED_UP_TO_2',
  }),
  rule({
    id: 'cncp.legallyFreeOver2',
    obligation: 'Declare an orphan or abandoned child above 2 legally free for adoption',
    owner: 'CWC',
    within: 'P4M',
    from: 'PRODUCED_BEFORE_CWC',
    citation: 's.38(1) proviso',
    fulfilledBy: ['LEGALLY_FREE_DECLARED'],
    basis: 'statute',
    appliesIf: 'ORPHAN_OR_ABANDONED_OVER_2',
  }),
  rule({
    id: 'cncp.legallyFreeAfterSurrender',
    obligation: 'Declare a surrendered child legally free once the reconsideration period ends',
    owner: 'CWC',
    // s.35(3) gives the parent two months to reconsider; the declaration falls due a working interval
    // (state policy) after that period ends, so it can be met on time.
    opensAfter: 'P2M',
    within: 'P15D',
    from: 'SURRENDER_DEED_EXECUTED',
    citation: 's.35(3), s.38(2); F.23, F.24 (R.19(22)); the interval after the period is state policy',
    fulfilledBy: ['LEGALLY_FREE_DECLARED'],
    basis: 'policy',
  }),
  rule({
    id: 'cncp.icpPreparation',
    obligation: 'Prepare the Individual Care Plan after placement',
    owner: 'CCI / DCPU',
    within: 'P30D',
    from: 'stateEntry',
    citation: 's.2(39), s.30(vi); ICP form F.7; 30 days is policy (as Tamil Nadu JJ Rules 2017 r.24(l)(i): within a month of admission)',
    fulfilledBy: ['ICP_PREPARED'],
    basis: 'policy',
  }),
  rule({
    id: 'cncp.icpReview',
    obligation: 'Review the Individual Care Plan',
    owner: 'CCI / DCPU',
    within: 'P3M',
    from: 'stateEntry',
    citation: 's.2(39), s.30(vi); R.39(4)(vi) (the Management Committee’s quarterly review of individual care plans)',
    fulfilledBy: ['ICP_REVIEWED'],
    basis: 'statute',
    repeatsOn: 'ICP_REVIEWED',
  }),
  rule({
    id: 'cncp.fosterInspection',
    obligation: 'Inspect the foster family (F.35)',
    owner: 'DCPU',
    within: 'P1M',
    from: 'stateEntry',
    citation: 's.44; R.23(15)–(18); F.35',
    fulfilledBy: ['FOSTER_INSPECTION_RECORDED'],
    basis: 'statute',
    appliesIf: 'FOSTER_CARE',
    repeatsOn: 'FOSTER_INSPECTION_RECORDED',
  }),
  rule({
    id: 'cncp.aftercarePlan',
    obligation: 'Prepare the aftercare plan before the child turns 18 (F.37)',
    owner: 'CWC / DCPU',
    within: '-P3M',
    from: 'eighteenthBirthday',
    citation: 's.46; F.37 (R.25(2))',
    fulfilledBy: ['AFTERCARE_PLAN_PREPARED'],
    basis: 'policy',
    appliesIf: 'NO_AFTERCARE_PLAN',
  }),
  rule({
    id: 'cncp.transferEscort',
    obligation: 'Escort the child to the home district or state (a girl by a woman officer)',
    owner: 'SJPU',
    within: 'P15D',
    from: 'TRANSFER_ORDERED',
    citation: 's.95(1)–(4); R.81',
    fulfilledBy: ['CHILD_ESCORTED'],
    basis: 'statute',
  }),
  rule({
    id: 'cncp.followUpReport',
    obligation: 'File the post-restoration follow-up report',
    owner: 'DCPU / probation officer',
    within: 'P3M',
    from: 'stateEntry',
    citation: 'post-restoration follow-up: quarterly reports for a year are policy; no section fixes them',
    fulfilledBy: ['FOLLOW_UP_REPORT_FILED'],
    basis: 'policy',
    repeatsOn: 'FOLLOW_UP_REPORT_FILED',
  }),
  rule({
    id: 'cncp.missingReport',
    obligation: 'Report the child missing from the institution to the police / SJPU, copies to CWC and DCPU',
    owner: 'CCI',
    within: 'PT24H',
    from: 'stateEntry',
    citation: 'R.92 (missing children: the inquiry into a child missing); National SOP of 23 Nov 2016; the 24 h is state policy',
    fulfilledBy: ['MISSING_REPORTED_TO_POLICE'],
    basis: 'policy',
  }),
  rule({
    id: 'cncp.ahtuReferral',
    obligation: 'Refer a child still untraced to the Anti-Human Trafficking Unit',
    owner: 'Police / SJPU',
    within: 'P4M',
    from: 'CHILD_MISSING_FROM_CCI',
    citation: 'Bachpan Bachao Andolan v. Union of India, WP(C) 75/2012 (SC, 10 May 2013)',
    fulfilledBy: ['REFERRED_TO_AHTU'],
    basis: 'policy',
  }),
  ageDetermination('cncp.ageDetermination', 'CWC'),
  rule({
    id: 'cncp.familyVerification',
    obligation: 'Verify the traced family by a home study and place the report before the CWC',
    owner: 'DCPU / probation officer (of the family’s district, where it differs)',
    within: 'P15D',
    from: 'FAMILY_TRACED',
    citation: 's.36(2), s.40; National SOP of 23 Nov 2016; 15 days is policy',
    fulfilledBy: ['FAMILY_VERIFIED'],
    basis: 'policy',
    appliesIf: 'FAMILY_VERIFICATION_PENDING',
  }),
  rule({
    id: 'cncp.returnFromLeave',
    // The leave order fixes the due time (days granted plus journey); P7D is the most s.98(1) allows.
    obligation: 'Child to return from leave',
    owner: 'CCI / person the child is released to under supervision',
    within: 'P7D',
    from: 'LEAVE_OF_ABSENCE_GRANTED',
    citation: 's.98(1), (3)',
    fulfilledBy: ['RETURNED_FROM_LEAVE'],
    basis: 'statute',
    appliesIf: 'ON_LEAVE',
  }),
  rule({
    id: 'cicl.production',
    obligation: 'Produce the child before the Juvenile Justice Board',
    owner: 'CWPO / SJPU',
    within: 'PT24H',
    from: 'stateEntry',
    citation: 's.10(1)',
    fulfilledBy: ['PRODUCED_BEFORE_JJB'],
    basis: 'statute',
  }),
  rule({
    id: 'cicl.sir',
    obligation: 'Submit the Social Investigation Report to the JJB',
    owner: 'Probation officer / CWO',
    within: 'P14D',
    from: 'PRODUCED_BEFORE_JJB',
    citation: 's.13(1)(ii)',
    fulfilledBy: ['SIR_SUBMITTED'],
    basis: 'statute',
  }),
  rule({
    id: 'cicl.inquiry',
    obligation: 'Complete the inquiry (extendable once by up to 2 months with recorded reasons)',
    owner: 'JJB',
    within: 'P4M',
    from: 'PRODUCED_BEFORE_JJB',
    citation: 's.14(2)',
    fulfilledBy: ['JJB_FINAL_ORDER_PASSED', 'TRANSFERRED_TO_CHILDRENS_COURT'],
    basis: 'statute',
  }),
  rule({
    id: 'cicl.preliminaryAssessment',
    obligation: 'Complete the preliminary assessment of a child of 16–18 alleged to have committed a heinous offence',
    owner: 'JJB',
    within: 'P3M',
    from: 'PRODUCED_BEFORE_JJB',
    citation: 's.14(3), s.15 (held directory by the Supreme Court, 2024)',
    fulfilledBy: ['PRELIMINARY_ASSESSMENT_COMPLETED'],
    basis: 'statute',
  }),
  ageDetermination('cicl.ageDetermination', 'JJB'),
  rule({
    id: 'cicl.icpPreparation',
    obligation: 'Prepare the Individual Care Plan after the final order',
    owner: 'Probation officer',
    within: 'P30D',
    from: 'stateEntry',
    citation: 's.18; 30 days is policy, as for a child in care',
    fulfilledBy: ['ICP_PREPARED'],
    basis: 'policy',
  }),
  rule({
    id: 'cicl.followUpReport',
    obligation: 'File the follow-up report on the child after the final order',
    owner: 'Probation officer / DCPU',
    within: 'P3M',
    from: 'stateEntry',
    citation: 's.18; quarterly reports are policy',
    fulfilledBy: ['FOLLOW_UP_REPORT_FILED'],
    basis: 'policy',
    repeatsOn: 'FOLLOW_UP_REPORT_FILED',
  }),
] as const;

export type DeadlineId = (typeof DEADLINE_RULES)[number]['id'];
export const DEADLINE_IDS = DEADLINE_RULES.map((r) => r.id) as readonly DeadlineId[];
export type DeadlinePolicy = Readonly<Record<DeadlineId, DeadlineRule & { id: DeadlineId }>>;
/** What a state may set for one deadline: its period, the waiting period before it (where the rule has one), its ladder. */
export interface DeadlineOverride {
  within?: string;
  opensAfter?: string;
  ladder?: readonly EscalationRung[];
}
export type DeadlinePolicyOverrides = Partial<Record<DeadlineId, DeadlineOverride>>;

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze(
  Object.fromEntries(DEADLINE_RULES.map((r) => [r.id, r])) as Record<DeadlineId, DeadlineRule & { id: DeadlineId }>,
);

export function isDeadlineId(value: unknown): value is DeadlineId {
  return typeof value === 'string' && (DEADLINE_IDS as readonly string[]).includes(value);
}

/** Why a ladder cannot be a deadline's (rungs in order of time, each body once), or undefined if it can. */
export function ladderProblem(ladder: readonly EscalationRung[]): string | undefined {
  if (ladder.length === 0 || ladder.length > ESCALATION_TARGETS.length) return `a ladder has 1 to ${ESCALATION_TARGETS.length} rungs`;
  for (const [i, rung] of ladder.entries()) {
    if (!(ESCALATION_TARGETS as readonly string[]).includes(rung.to)) return `rung ${i + 1}: no body ${rung.to} (one of ${ESCALATION_TARGETS.join(', ')})`;
    if (!isIsoDuration(rung.after) || rung.after.startsWith('-')) return `rung ${i + 1}: not a non-negative ISO-8601 duration: ${rung.after}`;
    if (ladder.findIndex((r) => r.to === rung.to) !== i) return `rung ${i + 1}: ${rung.to} is on the ladder already`;
    const before = ladder[i - 1];
    if (before && Date.parse(addIsoDuration(LADDER_EPOCH, rung.after)) < Date.parse(addIsoDuration(LADDER_EPOCH, before.after))) {
      return `rung ${i + 1}: reached before rung ${i} (${rung.after} < ${before.after})`;
    }
  }
  return undefined;
}
const LADDER_EPOCH = '2026-01-01T00:00:00.000Z';

/** A state's stored overrides (its DeadlinePolicyOverride rows) as the policy a new case registered there starts with. */
export function deadlineOverridesOf(rows: readonly { deadlineId: string; within: string | null; opensAfter: string | null; ladder: unknown }[]): DeadlinePolicyOverrides {
  return Object.fromEntries(
    rows
      .filter((r) => isDeadlineId(r.deadlineId))
      .map((r): [string, DeadlineOverride] => [
        r.deadlineId,
        {
          ...(r.within !== null && { within: r.within }),
          ...(r.opensAfter !== null && { opensAfter: r.opensAfter }),
          ...(r.ladder !== null && { ladder: r.ladder as EscalationRung[] }), // stored from a validated ladder
        },
      ])
      .filter(([, o]) => Object.keys(o).length > 0),
  );
}

/** A state's own rules replace the period, the waiting period and the ladder only; obligation, start and citation stay the Act's. */
export function resolveDeadlinePolicy(overrides: DeadlinePolicyOverrides = {}): DeadlinePolicy {
  const resolved = { ...DEFAULT_DEADLINE_POLICY } as Record<DeadlineId, DeadlineRule & { id: DeadlineId }>;
  for (const [id, override] of Object.entries(overrides) as [string, DeadlineOverride | undefined][]) {
    if (!override) continue;
    if (!isDeadlineId(id)) throw new RangeError(`unknown deadline: ${id}`);
    const { within, opensAfter, ladder } = override;
    for (const period of [within, opensAfter]) {
      if (period !== undefined && !isIsoDuration(period)) throw new RangeError(`${id}: not an ISO-8601 duration: ${period}`);
    }
    if (opensAfter !== undefined && resolved[id].opensAfter === undefined) throw new RangeError(`${id}: has no waiting period to set`);
    const badLadder = ladder && ladderProblem(ladder);
    if (badLadder) throw new RangeError(`${id}: ${badLadder}`);
    resolved[id] = {
      ...resolved[id],
      ...(within !== undefined && { within }),
      ...(opensAfter !== undefined && { opensAfter }),
      ...(ladder !== undefined && { ladder }),
      basis: within !== undefined || opensAfter !== undefined ? 'policy' : resolved[id].basis,
    };
  }
  return Object.freeze(resolved);
}

/**
 * Periods and ages the guards use that no deadline carries; a period a deadline also reads (the s.35(3)
 * reconsideration, the s.98(1) leave) lives on that deadline's rule, so a state's policy moves both.
 */
export const STATUTORY_RULES = {
  inquiryExtension: { period: 'P2M', citation: 's.14(2)' },
  restorationFollowUp: { period: 'P1Y', citation: 'post-restoration follow-up for a year (policy)' },
  saaInterimPlacementBelowAge: { years: 6, citation: 's.36(1) proviso' },
  preliminaryAssessmentFromAge: { years: 16, citation: 's.15(1)' },
  majority: { years: 18, citation: 's.2(12), s.46' },
  legallyFreeMinimumMembers: { members: 3, citation: 's.38(4)' },
} as const;

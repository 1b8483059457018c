import type { CaseContext } from './context.js';
import type { CaseEvent } from './events.js';
import { ORPHANED_OR_ABANDONED, dueAtOf, isAgeDeterminationPending, isFamilyVerificationPending, isOnLeave, leaveAllowedUntil, policyOf, reconsiderationEndsAt } from './clocks.js';
import { STATUTORY_RULES, type DeadlineId } from './policy.js';
import { addIsoDuration, ageInYearsAt, isAtOrAfter, isBefore } from './time.js';

export interface GuardArgs {
  context: CaseContext;
  event: CaseEvent;
}

const hasReasons = (reasons: string | undefined) => (reasons?.trim().length ?? 0) >= 10;
const ageAt = (context: CaseContext, at: string) => ageInYearsAt(context.child, context.registeredAt, at);
const INSTITUTIONS: readonly string[] = ['CHILDRENS_HOME', 'FIT_FACILITY', 'SPECIALISED_ADOPTION_AGENCY'];

/**
 * s.38(4): at least three members decide a declaration, each named once (a member named twice is one signer).
 * Whether each is on the CWC's roster at the time is the API's check (the roster is data, not the workflow's).
 * A declaration recorded before signers were named carries only their number (`membersSigning`): it replays on that.
 */
export function enoughSigners(event: Extract<CaseEvent, { type: 'LEGALLY_FREE_DECLARED' }>): boolean {
  const least = STATUTORY_RULES.legallyFreeMinimumMembers.members;
  if (event.signedBy !== undefined) return new Set(event.signedBy).size === event.signedBy.length && event.signedBy.length >= least;
  return (event.membersSigning ?? 0) >= least;
}

/** Named guards: each enforces one rule of the Act and is tested on its own. */
export const guards = {
  isCncpTrack: ({ context }: GuardArgs) => context.track === 'CNCP',

  /** s.36(1) proviso: an orphan, surrendered or abandoned child under 6 goes to a Specialised Adoption Agency. */
  interimPlacementLawful: ({ context, event }: GuardArgs) => {
    if (event.type !== 'INTERIM_PLACEMENT_ORDERED') return false;
    const age = ageAt(context, event.at);
    const circumstance = context.production?.circumstance;
    const mustGoToSaa =
      age !== undefined &&
      age < STATUTORY_RULES.saaInterimPlacementBelowAge.years &&
      (circumstance === 'ORPHAN' || circumstance === 'ABANDONED' || circumstance === 'SURRENDERED');
    return !mustGoToSaa || event.placement === 'SPECIALISED_ADOPTION_AGENCY';
  },

  sirMatchesTheOrder: ({ context, event }: GuardArgs) =>
    event.type === 'SIR_SUBMITTED' && context.sir !== undefined && event.sirRef === context.sir.ref,

  ordersRestoration: ({ event }: GuardArgs) => event.type === 'FINAL_ORDER_PASSED' && event.order === 'RESTORATION',

  /** s.38(1): declared only once the inquiry establishes the child is an orphan or abandoned; three members sign (s.38(4)). */
  orphanOrAbandonedMayBeDeclaredFree: ({ context, event }: GuardArgs) =>
    event.type === 'LEGALLY_FREE_DECLARED' &&
    (event.ground === 'ORPHAN' || event.ground === 'ABANDONED') &&
    enoughSigners(event) &&
    (ORPHANED_OR_ABANDONED as readonly string[]).includes(context.sir?.finding ?? ''),

  notAlreadySurrendered: ({ context }: GuardArgs) => context.surrender === undefined,

  /** s.35(3): the parent may reconsider only within the period (two months, or the state's policy). */
  withinReconsiderationPeriod: ({ context, event }: GuardArgs) => {
    const ends = reconsiderationEndsAt(context);
    return ends !== undefined && isBefore(event.at, ends);
  },

  /** s.38(2): a surrendered child is declared free only after the s.35 period (the one its deadline reads); three members sign. */
  surrenderedChildMayBeDeclaredFree: ({ context, event }: GuardArgs) => {
    const ends = reconsiderationEndsAt(context);
    return (
      event.type === 'LEGALLY_FREE_DECLARED' &&
      event.ground === 'SURRENDERED' &&
      enoughSigners(event) &&
      ends !== undefined &&
      isAtOrAfter(event.at, ends)
    );
  },

  /** A plan is reviewed only once prepared (s.2(39)). */
  icpPrepared: ({ context }: GuardArgs) => context.icp !== undefined,

  isFosterCare: ({ context }: GuardArgs) => context.finalOrder?.order === 'FOSTER_CARE',

  aftercarePlanNotYetPrepared: ({ context }: GuardArgs) => context.aftercarePlanRef === undefined,

  /** Only a child placed in an institution, by the final order or pending inquiry, can go missing from one. */
  isInInstitution: ({ context }: GuardArgs) =>
    INSTITUTIONS.includes(context.finalOrder?.order ?? context.interimPlacement?.placement ?? ''),

  /** s.35(1): a parent surrenders a child by producing it before the CWC, which a missing child cannot be. */
  childNotMissing: ({ context }: GuardArgs) => context.missing === undefined || context.missing.tracedAt !== undefined,

  /** s.98(1): leave for a child in an institution, one instance at a time, of at most 7 days (journey excluded), or the state's policy. */
  leaveOfAbsenceLawful: ({ context, event }: GuardArgs) =>
    event.type === 'LEAVE_OF_ABSENCE_GRANTED' &&
    !isBefore(leaveAllowedUntil(context, event.at), addIsoDuration(event.at, `P${event.days}D`)) &&
    !isOnLeave(context) &&
    INSTITUTIONS.includes(context.finalOrder?.order ?? ''),

  isOnLeave: ({ context }: GuardArgs) => isOnLeave(context),

  /** One family trace at a time: a new one only once the last is verified (e.g. found unsuitable). */
  noFamilyVerificationPending: ({ context }: GuardArgs) => !isFamilyVerificationPending(context),
  familyVerificationPending: ({ context }: GuardArgs) => isFamilyVerificationPending(context),

  /** s.94(2): one age determination per inquiry; s.94(3) makes the age recorded the true age. */
  ageDeterminationMayBeOrdered: ({ context }: GuardArgs) => context.ageDetermination === undefined,

  ageDeterminationPending: ({ context }: GuardArgs) => isAgeDeterminationPending(context),

  /** s.94: no final decision on a person whose age, and so whether the Act applies, is still being determined. */
  noAgeDeterminationPending: ({ context }: GuardArgs) => !isAgeDeterminationPending(context),

  /** s.2(12), s.94(3): a person found to be 18 or more (for an offence, on its date: s.2(13)) is not a child. */
  foundNotAChild: ({ event }: GuardArgs) =>
    event.type === 'AGE_DETERMINED' && event.ageYears >= STATUTORY_RULES.majority.years,

  /** s.15(1): a child found to have been under 16 at the offence is not preliminarily assessed. */
  foundBelowPreliminaryAssessmentAge: ({ event }: GuardArgs) =>
    event.type === 'AGE_DETERMINED' && event.ageYears < STATUTORY_RULES.preliminaryAssessmentFromAge.years,

  /** s.15(1): a heinous offence by a child found to have been 16–18 needs the assessment not yet held. */
  foundToNeedPreliminaryAssessment: ({ context, event }: GuardArgs) =>
    event.type === 'AGE_DETERMINED' &&
    context.offence?.category === 'HEINOUS' &&
    context.preliminaryAssessment === undefined &&
    event.ageYears >= STATUTORY_RULES.preliminaryAssessmentFromAge.years &&
    event.ageYears < STATUTORY_RULES.majority.years,

  /** s.46: aftercare for a child leaving care at 18 follows the plan prepared for it. */
  entersAftercareAtMajority: ({ context, event }: GuardArgs) =>
    event.type === 'CHILD_ATTAINED_MAJORITY' &&
    event.aftercare &&
    context.aftercarePlanRef !== undefined &&
    (ageAt(context, event.at) ?? 0) >= STATUTORY_RULES.majority.years,

  leavesCareAtMajority: ({ context, event }: GuardArgs) =>
    event.type === 'CHILD_ATTAINED_MAJORITY' &&
    !event.aftercare &&
    (ageAt(context, event.at) ?? 0) >= STATUTORY_RULES.majority.years,

  transferIsOutOfDistrict: ({ context, event }: GuardArgs) =>
    event.type === 'TRANSFER_ORDERED' &&
    (event.toDistrictCode !== context.districtCode || event.toStateCode !== context.stateCode),

  /** s.95 / R.81: a girl is escorted by a woman police officer. */
  escortLawful: ({ context, event }: GuardArgs) =>
    event.type === 'CHILD_ESCORTED' && (context.child.gender !== 'FEMALE' || event.escortedByWomanOfficer),

  restorationOrdered: ({ context }: GuardArgs) => context.restorationOrder !== undefined,

  restorationFollowUpPeriodOver: ({ context, event }: GuardArgs) =>
    context.restoredAt !== undefined &&
    isAtOrAfter(event.at, addIsoDuration(context.restoredAt, STATUTORY_RULES.restorationFollowUp.period)),

  followUpReportFiled: ({ context }: GuardArgs) => context.followUpReports >= 1,

  /** s.12(1) proviso: bail is the rule; refusal only on a named ground, with reasons, and the child kept safe. */
  bailDecisionLawful: ({ event }: GuardArgs) =>
    event.type === 'BAIL_DECIDED' &&
    (event.granted ||
      (event.refusalGround !== undefined && hasReasons(event.reasons) && event.custody !== undefined)),

  /** s.15(1): preliminary assessment only for a heinous offence by a child of 16 or more. */
  requiresPreliminaryAssessment: ({ context }: GuardArgs) =>
    context.offence?.category === 'HEINOUS' &&
    context.offence.ageAtOffence >= STATUTORY_RULES.preliminaryAssessmentFromAge.years,

  findsTrialAsAdult: ({ event }: GuardArgs) =>
    event.type === 'PRELIMINARY_ASSESSMENT_COMPLETED' && event.finding === 'TRIAL_AS_ADULT',

  /** s.14(2): one extension, before the four months run out, with reasons recorded. */
  inquiryExtensionAllowed: ({ context, event }: GuardArgs) => {
    if (event.type !== 'INQUIRY_EXTENDED' || context.inquiryExtension !== undefined) return false;
    const due = dueAtOf(context, 'cicl.inquiry');
    return hasReasons(event.reasons) && due !== undefined && !isBefore(due, event.at);
  },

  /** s.14(4) proviso: further time only for serious or heinous offences, after the s.14(2) extension. */
  magistrateExtensionAllowed: ({ context, event }: GuardArgs) =>
    event.type === 'INQUIRY_EXTENDED_BY_MAGISTRATE' &&
    (context.offence?.category === 'SERIOUS' || context.offence?.category === 'HEINOUS') &&
    context.inquiryExtension !== undefined &&
    hasReasons(event.reasons),

  /** s.14(4): a petty-offence inquiry still open after the full extended period stands terminated. */
  pettyInquiryInconclusiveAfterExtension: ({ context, event }: GuardArgs) => {
    const clock = context.deadlines['cicl.inquiry'];
    if (context.offence?.category !== 'PETTY' || !clock) return false;
    return isAtOrAfter(event.at, pettyTerminationAt(context) ?? event.at);
  },

  releasesChild: ({ event }: GuardArgs) =>
    event.type === 'JJB_FINAL_ORDER_PASSED' && event.order === 'RELEASED_NO_OFFENCE',

  deadlineOpenAndUnwaived: ({ context, event }: GuardArgs) =>
    event.type === 'WAIVE_DEADLINE' &&
    context.deadlines[event.deadlineId] !== undefined &&
    context.waivers[event.deadlineId] === undefined,

  /** A case closes only when every running deadline has been waived with reasons. */
  noUnwaivedOpenDeadlines: ({ context }: GuardArgs) =>
    (Object.keys(context.deadlines) as DeadlineId[]).every((id) => context.waivers[id] !== undefined),
};

/** s.14(4): four months from first production plus the two-month s.14(2) extension. */
export function pettyTerminationAt(context: CaseContext): string | undefined {
  const clock = context.deadlines['cicl.inquiry'];
  if (context.offence?.category !== 'PETTY' || !clock) return undefined;
  const base = addIsoDuration(clock.startedAt, policyOf(context)['cicl.inquiry'].within);
  return addIsoDuration(base, STATUTORY_RULES.inquiryExtension.period);
}

export type GuardName = keyof typeof guards;

import type { CaseContext } from './context.js';
import {
  AGE_EVIDENCE,
  CLOSURE_GROUNDS,
  CWC_FINAL_ORDERS,
  ICP_DOMAINS,
  INTERIM_PLACEMENTS,
  JJB_FINAL_ORDERS,
  LEGALLY_FREE_GROUNDS,
  OFFENCE_CATEGORIES,
  SIR_FINDINGS,
  type CaseEvent,
  type CaseEventType,
} from './events.js';
import { STATUTORY_RULES, type DeadlineId } from './policy.js';

const REASONS = 'reasons recorded in the order sheet';
/** Three members of the CWC, as the roster names them, who sign a sample declaration (s.38(4)). */
export const SAMPLE_SIGNERS = [
  { id: '00000000-0000-4000-8000-0000000000a1', name: 'Asha Verma' },
  { id: '00000000-0000-4000-8000-0000000000a2', name: 'Bhanu Pratap' },
  { id: '00000000-0000-4000-8000-0000000000a3', name: 'Chitra Rao' },
] as const;

/**
 * Well-formed events of a type whose payloads cover every branch the guards distinguish,
 * filled from the case itself (e.g. the SIR reference it ordered). Used to ask the machine
 * which events it would take, and to drive the model-based tests.
 */
export function sampleEvents(type: CaseEventType, context: CaseContext, at: string): CaseEvent[] {
  const ref = `${type.toLowerCase()}-${context.caseId}`;
  switch (type) {
    case 'PRODUCED_BEFORE_CWC':
      return (['ABANDONED', 'SURRENDERED', 'LOST'] as const).map((circumstance) => ({
        type,
        at,
        circumstance,
        producedBy: 'CHILDLINE',
      }));
    case 'INTERIM_PLACEMENT_ORDERED':
      return INTERIM_PLACEMENTS.filter((p) => p === 'SPECIALISED_ADOPTION_AGENCY' || p === 'CHILDRENS_HOME').map(
        (placement) => ({ type, at, placement, orderRef: ref }),
      );
    case 'SIR_ORDERED':
      return [{ type, at, sirRef: `sir-${context.caseId}-${context.episode}` }];
    case 'SIR_SUBMITTED':
      return SIR_FINDINGS.filter((f) => f !== 'OTHER').map((finding) => ({
        type,
        at,
        sirRef: context.sir?.ref ?? `sir-${context.caseId}-${context.episode}`,
        finding,
      }));
    case 'SURRENDER_DEED_EXECUTED':
      return [{ type, at, deedRef: ref, surrenderedBy: 'PARENT' }];
    case 'SURRENDER_RECONSIDERED':
      return [{ type, at, orderRef: ref, reasons: REASONS }];
    case 'LEGALLY_FREE_DECLARED':
      return LEGALLY_FREE_GROUNDS.filter((g) => g !== 'ORPHAN').map((ground) => ({
        type,
        at,
        ground,
        signedBy: SAMPLE_SIGNERS.map((m) => m.id),
        signerNames: SAMPLE_SIGNERS.map((m) => m.name),
        orderRef: ref,
      }));
    case 'HANDED_OVER_FOR_ADOPTION':
      return [{ type, at, saaRef: ref }];
    case 'FINAL_ORDER_PASSED':
      return CWC_FINAL_ORDERS.filter((o) => ['RESTORATION', 'CHILDRENS_HOME', 'FOSTER_CARE'].includes(o)).map(
        (order) => ({ type, at, order, reasons: REASONS, orderRef: ref }),
      );
    case 'ICP_PREPARED':
      return [{ type, at, icpRef: ref, goals: SAMPLE_ICP_GOALS }];
    case 'ICP_REVIEWED':
      return [{ type, at, icpRef: context.icp?.ref ?? ref, progress: [{ domain: 'EDUCATION', status: 'ON_TRACK' }] }];
    case 'FOSTER_INSPECTION_RECORDED':
      return [{ type, at, inspectionRef: ref }];
    case 'AFTERCARE_PLAN_PREPARED':
      return [{ type, at, planRef: ref }];
    case 'CHILD_ATTAINED_MAJORITY':
      return [true, false].map((aftercare) => ({ type, at, aftercare }));
    case 'AFTERCARE_COMPLETED':
    case 'FOLLOW_UP_COMPLETED':
    case 'PROCEEDINGS_TERMINATED':
      return [{ type, at }];
    case 'RESTORATION_ORDERED':
      return [{ type, at, orderRef: ref, reasons: REASONS }];
    case 'TRANSFER_ORDERED':
      return [{ type, at, orderRef: ref, toDistrictCode: `${context.districtCode}-HOME`, toStateCode: context.stateCode }];
    case 'CHILD_ESCORTED':
      return [{ type, at, escortOfficerRef: ref, escortedByWomanOfficer: true }];
    case 'CHILD_RESTORED':
      return [{ type, at, restoredTo: 'PARENT' }];
    case 'FOLLOW_UP_REPORT_FILED':
      return [{ type, at, reportRef: ref }];
    case 'REENTERED_CARE':
    case 'INQUIRY_EXTENDED':
    case 'REFERRED_TO_CWC':
      return [{ type, at, reasons: REASONS }];
    case 'CHILD_MISSING_FROM_CCI':
      return [{ type, at, cciRef: ref }];
    case 'MISSING_REPORTED_TO_POLICE':
      return [{ type, at, firRef: ref }];
    case 'FAMILY_TRACED':
      return [{ type, at, reportRef: ref, tracedBy: 'SJPU' }];
    case 'FAMILY_VERIFIED':
      return [{ type, at, reportRef: context.familyTrace?.reportRef ?? ref, outcome: 'SUITABLE', reasons: REASONS }];
    case 'APPREHENDED_FOR_OFFENCE':
      return [{ type, at, firRef: ref, allegedOffence: 'theft (s.303 BNS)' }];
    case 'REFERRED_TO_AHTU':
      return [{ type, at, referenceNo: ref }];
    case 'CHILD_TRACED':
      return [{ type, at, tracedBy: ref }];
    case 'LEAVE_OF_ABSENCE_GRANTED':
      return [{ type, at, orderRef: ref, days: 1, journeyDays: 1, purpose: 'examination' }];
    case 'RETURNED_FROM_LEAVE':
      return [{ type, at }];
    case 'AGE_DETERMINATION_ORDERED':
      return [{ type, at, orderRef: ref, groundsForDoubt: REASONS, medicalTest: true }];
    case 'AGE_DETERMINED':
      return determinedAges(context).map((ageYears) => ({ type, at, ageYears, evidence: AGE_EVIDENCE[0] }));
    case 'PRODUCED_BEFORE_JJB':
      return OFFENCE_CATEGORIES.flatMap((offenceCategory) =>
        (offenceCategory === 'HEINOUS' ? [15, 17] : [15]).map((ageAtOffence) => ({
          type,
          at,
          offenceCategory,
          ageAtOffence,
        })),
      );
    case 'BAIL_DECIDED':
      return [
        { type, at, granted: true },
        { type, at, granted: false, refusalGround: 'DEFEAT_ENDS_OF_JUSTICE', reasons: REASONS, custody: 'OBSERVATION_HOME' },
      ];
    case 'PRELIMINARY_ASSESSMENT_COMPLETED':
      return (['TRIAL_AS_ADULT', 'INQUIRY_AS_CHILD'] as const).map((finding) => ({ type, at, finding, reasons: REASONS }));
    case 'TRANSFERRED_TO_CHILDRENS_COURT':
      return [{ type, at, courtRef: ref, orderRef: ref }];
    case 'INQUIRY_EXTENDED_BY_MAGISTRATE':
      return [{ type, at, magistrate: 'CJM', extendBy: 'P1M', reasons: REASONS }];
    case 'JJB_FINAL_ORDER_PASSED':
      return JJB_FINAL_ORDERS.filter((o) => o === 'RELEASED_NO_OFFENCE' || o === 'SPECIAL_HOME').map((order) => ({
        type,
        at,
        order,
        reasons: REASONS,
        orderRef: ref,
      }));
    case 'WAIVE_DEADLINE':
      return (Object.keys(context.deadlines) as DeadlineId[]).map((deadlineId) => ({
        type,
        at,
        deadlineId,
        reasons: REASONS,
      }));
    case 'CLOSE_CASE':
      return [{ type, at, ground: CLOSURE_GROUNDS[0], reasons: REASONS }];
  }
}

/**
 * Ages an age determination may record: 18 (not a child), and for a child in conflict with law either
 * side of 16 (s.15(1)); for a child in need of care, the age already known, so the search stays small.
 */
function determinedAges(context: CaseContext): number[] {
  const majority = STATUTORY_RULES.majority.years;
  if (context.track === 'CICL') return [STATUTORY_RULES.preliminaryAssessmentFromAge.years - 1, majority - 1, majority];
  return [Math.floor(context.child.ageYears ?? 10), majority];
}

/** A plan with one goal per domain, as the ICP events require. */
export const SAMPLE_ICP_GOALS = ICP_DOMAINS.map((domain) => ({ domain, goal: `goal for ${domain.toLowerCase()}` }));

// The machine's actions, by name: each records one thing the event establishes on the case's
// context (or, for notify, names who the workflow tells), so the machine reads as a specification.
import { assign } from 'xstate';
import type { CaseContext } from './context.js';
import type { CaseEvent } from './events.js';
import { isOnLeave, startClocks, withoutKeys } from './clocks.js';
import { STATUTORY_RULES, type DeadlineId } from './policy.js';
import { laterOf } from './time.js';
import type { NotifyParams } from './machine.js';

/** An action that updates the case's context, typed as the machine's own. */
const assignCase = <Params extends object | undefined = undefined>(
  update: (args: { context: CaseContext; event: CaseEvent }, params: Params) => Partial<CaseContext>,
) => assign<CaseContext, CaseEvent, Params, CaseEvent, never>(update);

const clearedEpisode = (context: CaseContext): Partial<CaseContext> => ({
  episode: context.episode + 1,
  waivers: {},
  production: undefined,
  interimPlacement: undefined,
  sir: undefined,
  surrender: undefined,
  legallyFree: undefined,
  finalOrder: undefined,
  restorationOrder: undefined,
  icp: undefined,
  transfer: undefined,
  restoredAt: undefined,
  followUpStartedAt: undefined,
  followUpReports: 0,
  bail: undefined,
  inquiryExtension: undefined,
  magistrateExtensions: [],
  preliminaryAssessment: undefined,
  ageDetermination: undefined,
  familyTrace: undefined,
  leave: undefined,
  missing: undefined,
});

const S38_1: DeadlineId[] = ['cncp.legallyFreeUpTo2', 'cncp.legallyFreeOver2'];

/** Named actions: the machine refers to each by name in its transitions and state entries. */
export const actions = {
  // Every event is kept on the case: its time for elapsed-time rules, and as a milestone a deadline may count from.
  recordEvent: assignCase(({ context, event }) => ({
    lastEventAt: laterOf(context.lastEventAt, event.at),
    milestones: { ...context.milestones, [event.type]: event.at },
  })),
  startDeadlines: assignCase(({ context, event }, params: { ids: readonly DeadlineId[] }) => ({
    deadlines: startClocks(context, event, params.ids),
  })),
  stopDeadlines: assignCase(({ context }, params: { ids: readonly DeadlineId[] }) => ({
    deadlines: withoutKeys(context.deadlines, params.ids),
    waivers: withoutKeys(context.waivers, params.ids),
  })),
  restartDeadline: assignCase(({ context, event }, params: { id: DeadlineId }) => ({
    deadlines: startClocks(context, event, [params.id]),
    waivers: withoutKeys(context.waivers, [params.id]),
  })),
  recordCwcProduction: assignCase(({ event }) =>
    event.type === 'PRODUCED_BEFORE_CWC'
      ? { production: { at: event.at, body: 'CWC' as const, circumstance: event.circumstance } }
      : {},
  ),
  recordInterimPlacement: assignCase(({ event }) =>
    event.type === 'INTERIM_PLACEMENT_ORDERED'
      ? { interimPlacement: { placement: event.placement, orderRef: event.orderRef, at: event.at } }
      : {},
  ),
  recordSirOrder: assignCase(({ event }) =>
    event.type === 'SIR_ORDERED' ? { sir: { ref: event.sirRef, orderedAt: event.at } } : {},
  ),
  recordSir: assignCase(({ context, event }) => {
    if (event.type !== 'SIR_SUBMITTED') return {};
    const sir = {
      ref: event.sirRef,
      orderedAt: context.sir?.orderedAt ?? context.production?.at ?? event.at,
      submittedAt: event.at,
      ...(event.finding ? { finding: event.finding } : {}),
    };
    // A traced family ends the s.38(1) adoption clock: there is no one to declare free.
    const traced = event.finding === 'FAMILY_TRACED';
    const ids: DeadlineId[] = ['cncp.legallyFreeUpTo2', 'cncp.legallyFreeOver2'];
    return traced
      ? { sir, deadlines: withoutKeys(context.deadlines, ids), waivers: withoutKeys(context.waivers, ids) }
      : { sir };
  }),
  recordSurrender: assignCase(({ event }) =>
    event.type === 'SURRENDER_DEED_EXECUTED' ? { surrender: { deedRef: event.deedRef, at: event.at } } : {},
  ),
  recordLegallyFree: assignCase(({ event }) =>
    event.type === 'LEGALLY_FREE_DECLARED'
      ? { legallyFree: { ground: event.ground, orderRef: event.orderRef, at: event.at } }
      : {},
  ),
  recordFinalOrder: assignCase(({ event }) => {
    if (event.type !== 'FINAL_ORDER_PASSED' && event.type !== 'JJB_FINAL_ORDER_PASSED') return {};
    const finalOrder = { order: event.order, reasons: event.reasons, orderRef: event.orderRef, at: event.at };
    return event.order === 'RESTORATION'
      ? { finalOrder, restorationOrder: { orderRef: event.orderRef, at: event.at } }
      : { finalOrder };
  }),
  recordRestorationOrder: assignCase(({ event }) =>
    event.type === 'RESTORATION_ORDERED' || event.type === 'SURRENDER_RECONSIDERED'
      ? { restorationOrder: { orderRef: event.orderRef, at: event.at } }
      : {},
  ),
  recordIcp: assignCase(({ context, event }) => {
    if (event.type === 'ICP_PREPARED') return { icp: { ref: event.icpRef, preparedAt: event.at } };
    if (event.type === 'ICP_REVIEWED' && context.icp) return { icp: { ...context.icp, reviewedAt: event.at } };
    return {};
  }),
  recordAftercarePlan: assignCase(({ event }) =>
    event.type === 'AFTERCARE_PLAN_PREPARED' ? { aftercarePlanRef: event.planRef } : {},
  ),
  recordTransferOrder: assignCase(({ event }) =>
    event.type === 'TRANSFER_ORDERED'
      ? {
          transfer: {
            orderRef: event.orderRef,
            toDistrictCode: event.toDistrictCode,
            toStateCode: event.toStateCode,
            orderedAt: event.at,
          },
        }
      : {},
  ),
  // R.81: the file goes with the child, so the case moves to the home district's jurisdiction.
  recordEscort: assignCase(({ context, event }) =>
    event.type === 'CHILD_ESCORTED' && context.transfer
      ? {
          transfer: { ...context.transfer, escortedAt: event.at },
          districtCode: context.transfer.toDistrictCode,
          stateCode: context.transfer.toStateCode,
        }
      : {},
  ),
  recordRestoration: assignCase(({ event }) => ({ restoredAt: event.at, followUpStartedAt: event.at })),
  startFollowUp: assignCase(({ event }) => ({ followUpStartedAt: event.at })),
  countFollowUpReport: assignCase(({ context }) => ({ followUpReports: context.followUpReports + 1 })),
  startNewEpisode: assignCase(({ context }) => clearedEpisode(context)),
  recordJjbProduction: assignCase(({ event }) =>
    event.type === 'PRODUCED_BEFORE_JJB'
      ? {
          production: { at: event.at, body: 'JJB' as const },
          offence: { category: event.offenceCategory, ageAtOffence: event.ageAtOffence },
        }
      : {},
  ),
  recordBail: assignCase(({ event }) =>
    event.type === 'BAIL_DECIDED'
      ? {
          bail: {
            granted: event.granted,
            at: event.at,
            ...(event.refusalGround ? { refusalGround: event.refusalGround } : {}),
          },
        }
      : {},
  ),
  recordPreliminaryAssessment: assignCase(({ event }) =>
    event.type === 'PRELIMINARY_ASSESSMENT_COMPLETED'
      ? { preliminaryAssessment: { finding: event.finding, at: event.at } }
      : {},
  ),
  extendInquiry: assignCase(({ context, event }) => {
    const clock = context.deadlines['cicl.inquiry'];
    if (event.type !== 'INQUIRY_EXTENDED' || !clock) return {};
    return {
      inquiryExtension: { at: event.at, reasons: event.reasons },
      deadlines: {
        ...context.deadlines,
        'cicl.inquiry': { ...clock, extensions: [...clock.extensions, STATUTORY_RULES.inquiryExtension.period] },
      },
    };
  }),
  extendInquiryByMagistrate: assignCase(({ context, event }) => {
    const clock = context.deadlines['cicl.inquiry'];
    if (event.type !== 'INQUIRY_EXTENDED_BY_MAGISTRATE' || !clock) return {};
    return {
      magistrateExtensions: [...context.magistrateExtensions, { at: event.at, extendBy: event.extendBy, reasons: event.reasons }],
      deadlines: { ...context.deadlines, 'cicl.inquiry': { ...clock, extensions: [...clock.extensions, event.extendBy] } },
    };
  }),
  handOffToCwc: assignCase(({ context, event }) => ({
    ...clearedEpisode(context),
    track: 'CNCP' as const,
    handoffs: [
      ...context.handoffs,
      { from: 'CICL' as const, to: 'CNCP' as const, at: event.at, reasons: event.type === 'REFERRED_TO_CWC' ? event.reasons : '' },
    ],
  })),
  handOffToJjb: assignCase(({ context, event }) => ({
    ...clearedEpisode(context),
    track: 'CICL' as const,
    offence: undefined,
    handoffs: [
      ...context.handoffs,
      {
        from: 'CNCP' as const,
        to: 'CICL' as const,
        at: event.at,
        reasons: event.type === 'APPREHENDED_FOR_OFFENCE' ? `FIR ${event.firRef}: ${event.allegedOffence}` : '',
      },
    ],
  })),
  recordFamilyTrace: assignCase(({ event }) =>
    event.type === 'FAMILY_TRACED'
      ? {
          familyTrace: {
            reportRef: event.reportRef,
            tracedAt: event.at,
            tracedBy: event.tracedBy,
            ...(event.familyDistrictCode ? { familyDistrictCode: event.familyDistrictCode } : {}),
            ...(event.familyStateCode ? { familyStateCode: event.familyStateCode } : {}),
          },
        }
      : {},
  ),
  recordFamilyVerification: assignCase(({ context, event }) =>
    event.type === 'FAMILY_VERIFIED' && context.familyTrace
      ? { familyTrace: { ...context.familyTrace, verifiedAt: event.at, outcome: event.outcome } }
      : {},
  ),
  recordAgeDeterminationOrder: assignCase(({ event }) =>
    event.type === 'AGE_DETERMINATION_ORDERED'
      ? { ageDetermination: { orderRef: event.orderRef, orderedAt: event.at, medicalTest: event.medicalTest ?? false } }
      : {},
  ),
  // s.94(3): the age recorded is the child's true age for the Act, so the guards and clocks read it from now on.
  recordDeterminedAge: assignCase(({ context, event }) => {
    if (event.type !== 'AGE_DETERMINED' || !context.ageDetermination) return {};
    const ageDetermination = {
      ...context.ageDetermination,
      determinedAt: event.at,
      ageYears: event.ageYears,
      evidence: event.evidence,
    };
    if (event.ageYears >= STATUTORY_RULES.majority.years) return { ageDetermination };
    const child = { ...context.child, ageYears: event.ageYears, dateOfBirth: event.dateOfBirth };
    const offence = context.track === 'CICL' && context.offence ? { ...context.offence, ageAtOffence: event.ageYears } : context.offence;
    return { ageDetermination, child, offence };
  }),
  // s.38(1): whether the 2- or 4-month clock runs depends on the age, so a determined age picks it again.
  recountAdoptionDeadlines: assignCase(({ context, event }) => {
    if (!S38_1.some((id) => context.deadlines[id])) return {};
    const deadlines = startClocks({ ...context, deadlines: withoutKeys(context.deadlines, S38_1) }, event, S38_1);
    const dropped = S38_1.filter((id) => !deadlines[id]);
    return { deadlines, waivers: withoutKeys(context.waivers, dropped) };
  }),
  recordLeave: assignCase(({ event }) =>
    event.type === 'LEAVE_OF_ABSENCE_GRANTED'
      ? { leave: { orderRef: event.orderRef, grantedAt: event.at, days: event.days, journeyDays: event.journeyDays ?? 0 } }
      : {},
  ),
  // A leave ends with the child's return, with the child reported missing instead (s.98(3)), or with care itself.
  endLeave: assignCase(({ context, event }) => {
    if (!context.leave || !isOnLeave(context)) return {};
    const outcome =
      event.type === 'RETURNED_FROM_LEAVE' ? 'RETURNED' : event.type === 'CHILD_MISSING_FROM_CCI' ? 'DID_NOT_RETURN' : 'CARE_ENDED';
    return { leave: { ...context.leave, endedAt: event.at, outcome } as const };
  }),
  recordMissing: assignCase(({ context, event }) =>
    event.type === 'CHILD_MISSING_FROM_CCI'
      ? {
          missing: {
            from: context.finalOrder ? ('CARE' as const) : ('INTERIM_PLACEMENT' as const),
            at: event.at,
            cciRef: event.cciRef,
          },
        }
      : {},
  ),
  recordTraced: assignCase(({ context, event }) => (context.missing ? { missing: { ...context.missing, tracedAt: event.at } } : {})),
  recordWaiver: assignCase(({ context, event }) =>
    event.type === 'WAIVE_DEADLINE'
      ? { waivers: { ...context.waivers, [event.deadlineId]: { reasons: event.reasons, at: event.at } } }
      : {},
  ),
  recordClosure: assignCase(({ event }) =>
    event.type === 'CLOSE_CASE' ? { closure: { ground: event.ground, reasons: event.reasons, at: event.at } } : {},
  ),
  // Executed by the workflow as an activity; the machine only names who is told what.
  notify: (_: unknown, _params: NotifyParams) => {},
};

export type ActionName = keyof typeof actions;

import { and, setup } from 'xstate';
import { actions } from './actions.js';
import { createContext, type CaseContext, type CaseInput } from './context.js';
import type { CaseEvent } from './events.js';
import { guards } from './guards.js';
import type { DeadlineId } from './policy.js';

/** Where a case stands, for lists and dashboards. */
export const CASE_PHASES = [
  'REGISTERED',
  'PRODUCTION',
  'INQUIRY',
  'ASSESSMENT',
  'PLACEMENT',
  'MISSING',
  'ADOPTION',
  'RESTORATION',
  'FOLLOW_UP',
  'AFTERCARE',
  'TRANSFERRED',
  'AWAITING_CLOSURE',
  'CLOSED',
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export interface CaseStateMeta {
  label: string;
  citation: string;
  phase?: CasePhase;
  deadlines?: readonly DeadlineId[];
}

type MilestoneTime = 'producedAt' | 'sirSubmittedAt' | 'restoredAt' | 'closedAt';
/** A milestone a transition marks: its time, and the flag set when the deadline met by it (id ending `.${deadline}`) was late. */
export interface MilestoneMark {
  at: MilestoneTime;
  late?: { flag: 'productionLate' | 'sirLate'; deadline: string };
}
export interface CaseTransitionMeta {
  milestone?: MilestoneMark;
}
const PRODUCED = { milestone: { at: 'producedAt', late: { flag: 'productionLate', deadline: 'production' } } } satisfies CaseTransitionMeta;
const SIR_SUBMITTED = { milestone: { at: 'sirSubmittedAt', late: { flag: 'sirLate', deadline: 'sir' } } } satisfies CaseTransitionMeta;
const RESTORED = { milestone: { at: 'restoredAt' } } satisfies CaseTransitionMeta;
const CLOSED = { milestone: { at: 'closedAt' } } satisfies CaseTransitionMeta;

/** Notices the workflow sends as activities; the machine only names them. */
export const NOTICE_TARGETS = ['CWC', 'JJB', 'DCPU', 'SJPU', 'POLICE_STATION', 'SCPS', 'SARA', 'HOME_DISTRICT_DCPU'] as const;
export type NoticeTarget = (typeof NOTICE_TARGETS)[number];
export interface NotifyParams {
  to: readonly NoticeTarget[];
  about: string;
}

/** A state's meta plus the entry/exit actions that run its deadline clocks, from one list. */
function described<const Ids extends readonly DeadlineId[] = []>(
  label: string,
  citation: string,
  phase?: CasePhase,
  deadlines?: Ids,
) {
  const meta: CaseStateMeta = { label, citation, ...(phase ? { phase } : {}), ...(deadlines ? { deadlines } : {}) };
  if (!deadlines || deadlines.length === 0) return { meta };
  return {
    meta,
    entry: [{ type: 'startDeadlines' as const, params: { ids: deadlines } }],
    exit: [{ type: 'stopDeadlines' as const, params: { ids: deadlines } }],
  };
}

/** A child placed in an institution reported missing from it (Model Rules 2016; National SOP 2016): the police, SJPU, CWC and DCPU are told. */
const wentMissing = <const Target extends string>(target: Target) => ({
  guard: 'isInInstitution' as const,
  target,
  actions: [
    'recordEvent' as const,
    'recordMissing' as const,
    { type: 'notify' as const, params: { to: ['POLICE_STATION', 'SJPU', 'CWC', 'DCPU'] as NoticeTarget[], about: 'child missing' } },
  ],
});

/** s.10(1): a child in the CWC's care who is apprehended goes before the JJB; the case follows the child. */
const apprehendedForOffence = {
  target: '#case.cicl.apprehended' as const,
  actions: [
    'recordEvent' as const,
    'handOffToJjb' as const,
    { type: 'notify' as const, params: { to: ['JJB', 'CWC', 'DCPU'] as NoticeTarget[], about: 'apprehension' } },
  ],
};

/** A traced family is verified before the CWC restores the child to it (s.36(2), s.40). */
const familyTraced = {
  guard: 'noFamilyVerificationPending' as const,
  actions: [
    'recordEvent' as const,
    'recordFamilyTrace' as const,
    { type: 'startDeadlines' as const, params: { ids: ['cncp.familyVerification'] as DeadlineId[] } },
    { type: 'notify' as const, params: { to: ['CWC', 'DCPU'] as NoticeTarget[], about: 'family traced' } },
  ],
};
const familyVerified = {
  guard: 'familyVerificationPending' as const,
  actions: [
    'recordEvent' as const,
    'recordFamilyVerification' as const,
    { type: 'stopDeadlines' as const, params: { ids: ['cncp.familyVerification'] as DeadlineId[] } },
    { type: 'notify' as const, params: { to: ['CWC'] as NoticeTarget[], about: 'family verified' } },
  ],
};

/** The missing-child branch (National SOP 2016; BBA v. UoI), the same whether placed pending inquiry or under an order. */
const missingFromInstitution = <const TracedTo extends string>(label: string, tracedTo: TracedTo) => ({
  ...described(label, 'National SOP 2016; BBA v. UoI (2013)', 'MISSING'),
  initial: 'unreported' as const,
  on: { CHILD_TRACED: { target: tracedTo, actions: ['recordEvent' as const, 'recordTraced' as const] } },
  states: {
    unreported: {
      ...described('Missing: to be reported to the police', 'Model Rules 2016; National SOP 2016', undefined, ['cncp.missingReport']),
      on: { MISSING_REPORTED_TO_POLICE: { target: 'searching' as const, actions: ['recordEvent' as const] } },
    },
    searching: {
      ...described('Missing: FIR registered, search on', 'BBA v. UoI (2013)', undefined, ['cncp.ahtuReferral']),
      on: { REFERRED_TO_AHTU: { target: 'withAhtu' as const, actions: ['recordEvent' as const] } },
    },
    withAhtu: { ...described('Missing: with the Anti-Human Trafficking Unit', 'BBA v. UoI (2013)') },
  },
});

/**
 * s.2(39): the Individual Care Plan is the child's plan whatever the s.37 order, restoration included. The ICP
 * form of the Model Rules 2016 (F.7) has a part for "follow-up post release/restoration", as the
 * states' rules do (Tamil Nadu JJ Rules 2017 r.24(l)(ii): the plan includes restoration and follow-up; Rajasthan
 * JJ Rules 2011 r.2(1)(h)(viii)). So a restored child's plan is prepared, or the plan from care carried on and
 * reviewed, through restoration and its follow-up.
 */
const icpOfRestoredChild = {
  ICP_PREPARED: { actions: ['recordEvent' as const, 'recordIcp' as const] },
  ICP_REVIEWED: { guard: 'icpPrepared' as const, actions: ['recordEvent' as const, 'recordIcp' as const] },
};

const IN_CARE_DEADLINES = ['cncp.fosterInspection', 'cncp.aftercarePlan', 'cncp.returnFromLeave', 'cncp.familyVerification'] as const;

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
    meta: {} as CaseStateMeta,
    transitionMeta: {} as CaseTransitionMeta,
  },
  guards: {
    ...guards,
    ordersOneOf: ({ event }, params: { orders: readonly string[] }) =>
      (event.type === 'FINAL_ORDER_PASSED' || event.type === 'JJB_FINAL_ORDER_PASSED') &&
      params.orders.includes(event.order),
  },
  actions,
}).createMachine({
  id: 'case',
  context: ({ input }) => createContext(input),
  initial: 'registered',
  on: {
    WAIVE_DEADLINE: { guard: 'deadlineOpenAndUnwaived', actions: ['recordEvent', 'recordWaiver'] },
    CLOSE_CASE: { guard: 'noUnwaivedOpenDeadlines', target: '.closed', actions: ['recordEvent', 'recordClosure'], meta: CLOSED },
  },
  states: {
    registered: {
      ...described('Registered', 'JJ Act 2015', 'REGISTERED'),
      always: [{ guard: 'isCncpTrack', target: 'cncp' }, { target: 'cicl' }],
    },
    cncp: {
      meta: { label: 'Child in need of care and protection (before the CWC)', citation: 'Chapter V, s.27–s.46' },
      initial: 'awaitingProduction',
      states: {
        awaitingProduction: {
          ...described('Found or rescued: to be produced before the CWC', 's.31(1); s.32', 'PRODUCTION', [
            'cncp.production',
          ]),
          on: {
            PRODUCED_BEFORE_CWC: { target: 'beforeCwc', actions: ['recordEvent', 'recordCwcProduction'], meta: PRODUCED },
            // Traced before production: verification starts with the inquiry.
            FAMILY_TRACED: { guard: 'noFamilyVerificationPending', actions: ['recordEvent', 'recordFamilyTrace'] },
          },
        },
        beforeCwc: {
          ...described('Before the CWC: inquiry', 's.36', 'INQUIRY', [
            'cncp.finalOrder',
            'cncp.legallyFreeUpTo2',
            'cncp.legallyFreeOver2',
            'cncp.ageDetermination',
            'cncp.familyVerification',
          ]),
          initial: 'awaitingInterimPlacement',
          on: {
            APPREHENDED_FOR_OFFENCE: apprehendedForOffence,
            FAMILY_TRACED: familyTraced,
            FAMILY_VERIFIED: familyVerified,
            // Age determination runs beside the inquiry: it blocks only the orders that depend on the age.
            AGE_DETERMINATION_ORDERED: {
              guard: 'ageDeterminationMayBeOrdered',
              actions: [
                'recordEvent',
                'recordAgeDeterminationOrder',
                { type: 'startDeadlines', params: { ids: ['cncp.ageDetermination'] } },
              ],
            },
            AGE_DETERMINED: [
              {
                guard: and(['ageDeterminationPending', 'foundNotAChild']),
                target: '#case.cncp.foundNotAChild',
                actions: ['recordEvent', 'recordDeterminedAge', { type: 'notify', params: { to: ['DCPU'], about: 'found not a child' } }],
              },
              {
                guard: 'ageDeterminationPending',
                actions: [
                  'recordEvent',
                  'recordDeterminedAge',
                  { type: 'stopDeadlines', params: { ids: ['cncp.ageDetermination'] } },
                  'recountAdoptionDeadlines',
                ],
              },
            ],
            SURRENDER_DEED_EXECUTED: {
              guard: and(['notAlreadySurrendered', 'childNotMissing']),
              target: '.surrendered',
              actions: ['recordEvent', 'recordSurrender', { type: 'notify', params: { to: ['DCPU'], about: 'surrender' } }],
            },
          },
          states: {
            awaitingInterimPlacement: {
              ...described('Produced: interim placement pending inquiry', 's.36(1); F.18–F.20'),
              on: {
                INTERIM_PLACEMENT_ORDERED: {
                  guard: 'interimPlacementLawful',
                  target: 'inquiry',
                  actions: ['recordEvent', 'recordInterimPlacement'],
                },
              },
            },
            inquiry: {
              ...described('Inquiry', 's.36(2)'),
              initial: 'sirNotOrdered',
              on: { CHILD_MISSING_FROM_CCI: wentMissing('#case.cncp.beforeCwc.missing') },
              states: {
                sirNotOrdered: {
                  ...described('Inquiry: Social Investigation Report to be ordered', 's.36(2); F.21'),
                  on: { SIR_ORDERED: { target: 'awaitingSir', actions: ['recordEvent', 'recordSirOrder'] } },
                },
                awaitingSir: {
                  ...described('Inquiry: awaiting the Social Investigation Report', 's.36(2); F.22', undefined, ['cncp.sir']),
                  on: {
                    SIR_SUBMITTED: {
                      guard: 'sirMatchesTheOrder',
                      target: 'sirReceived',
                      actions: ['recordEvent', 'recordSir'],
                      meta: SIR_SUBMITTED,
                    },
                  },
                },
                sirReceived: {
                  ...described('Inquiry: SIR received, final order due', 's.36(2), s.37'),
                  on: {
                    FINAL_ORDER_PASSED: [
                      {
                        guard: and(['noAgeDeterminationPending', 'ordersRestoration']),
                        target: '#case.cncp.restoration',
                        actions: ['recordEvent', 'recordFinalOrder'],
                      },
                      { guard: 'noAgeDeterminationPending', target: '#case.cncp.inCare', actions: ['recordEvent', 'recordFinalOrder'] },
                    ],
                    LEGALLY_FREE_DECLARED: {
                      guard: and(['noAgeDeterminationPending', 'orphanOrAbandonedMayBeDeclaredFree']),
                      target: '#case.cncp.legallyFree',
                      actions: ['recordEvent', 'recordLegallyFree', { type: 'notify', params: { to: ['SARA'], about: 'legally free' } }],
                    },
                  },
                },
                // Where a child traced after going missing pending inquiry resumes it.
                hist: { type: 'history' },
              },
            },
            missing: missingFromInstitution('Missing from the institution pending inquiry', '#case.cncp.beforeCwc.inquiry.hist'),
            surrendered: {
              ...described('Surrendered: reconsideration period', 's.35; F.23, F.24', undefined, [
                'cncp.legallyFreeAfterSurrender',
              ]),
              on: {
                SURRENDER_RECONSIDERED: {
                  guard: 'withinReconsiderationPeriod',
                  target: '#case.cncp.restoration',
                  actions: ['recordEvent', 'recordRestorationOrder'],
                },
                LEGALLY_FREE_DECLARED: {
                  guard: and(['noAgeDeterminationPending', 'surrenderedChildMayBeDeclaredFree']),
                  target: '#case.cncp.legallyFree',
                  actions: ['recordEvent', 'recordLegallyFree', { type: 'notify', params: { to: ['SARA'], about: 'legally free' } }],
                },
              },
            },
          },
        },
        foundNotAChild: {
          ...described(
            'Found by age determination to be 18 or more: outside the CWC’s jurisdiction',
            's.94(3); s.2(12)',
            'AWAITING_CLOSURE',
          ),
        },
        legallyFree: {
          ...described('Legally free for adoption', 's.38', 'ADOPTION'),
          on: { HANDED_OVER_FOR_ADOPTION: { target: 'handedOverForAdoption', actions: ['recordEvent'] } },
        },
        handedOverForAdoption: {
          ...described('Handed over to the Specialised Adoption Agency', 's.38; Adoption Regulations', 'AWAITING_CLOSURE'),
        },
        inCare: {
          ...described('In care under a s.37 order', 's.37(1)', 'PLACEMENT', IN_CARE_DEADLINES),
          // Leaving care also ends a leave of absence: the child is no longer the institution's to take back.
          exit: [{ type: 'stopDeadlines', params: { ids: IN_CARE_DEADLINES } }, 'endLeave'],
          initial: 'icpDue',
          on: {
            LEAVE_OF_ABSENCE_GRANTED: {
              guard: 'leaveOfAbsenceLawful',
              actions: ['recordEvent', 'recordLeave', { type: 'startDeadlines', params: { ids: ['cncp.returnFromLeave'] } }],
            },
            RETURNED_FROM_LEAVE: {
              guard: 'isOnLeave',
              actions: ['recordEvent', 'endLeave', { type: 'stopDeadlines', params: { ids: ['cncp.returnFromLeave'] } }],
            },
            FOSTER_INSPECTION_RECORDED: {
              guard: 'isFosterCare',
              actions: ['recordEvent', { type: 'restartDeadline', params: { id: 'cncp.fosterInspection' } }],
            },
            AFTERCARE_PLAN_PREPARED: {
              guard: 'aftercarePlanNotYetPrepared',
              actions: ['recordEvent', 'recordAftercarePlan', { type: 'stopDeadlines', params: { ids: ['cncp.aftercarePlan'] } }],
            },
            // s.98(3): a child who does not return from leave is reported missing like any other.
            CHILD_MISSING_FROM_CCI: wentMissing('missing'),
            APPREHENDED_FOR_OFFENCE: apprehendedForOffence,
            FAMILY_TRACED: familyTraced,
            FAMILY_VERIFIED: familyVerified,
            CHILD_ATTAINED_MAJORITY: [
              { guard: 'entersAftercareAtMajority', target: 'aftercare', actions: ['recordEvent'] },
              { guard: 'leavesCareAtMajority', target: 'leftCare', actions: ['recordEvent'] },
            ],
          },
          states: {
            icpDue: {
              ...described('In care: Individual Care Plan to be prepared', 's.30(vi)', undefined, ['cncp.icpPreparation']),
              on: { ICP_PREPARED: { target: 'icpInForce', actions: ['recordEvent', 'recordIcp'] } },
            },
            icpInForce: {
              ...described('In care: Individual Care Plan in force', 's.30(vi)', undefined, ['cncp.icpReview']),
              on: {
                ICP_REVIEWED: { target: 'icpInForce', reenter: true, actions: ['recordEvent', 'recordIcp'] },
                RESTORATION_ORDERED: {
                  target: '#case.cncp.restoration',
                  actions: ['recordEvent', 'recordRestorationOrder'],
                },
              },
            },
            hist: { type: 'history' },
          },
        },
        missing: missingFromInstitution('Missing from the institution', '#case.cncp.inCare.hist'),
        aftercare: {
          ...described('Aftercare after 18', 's.46; R.25', 'AFTERCARE'),
          on: { AFTERCARE_COMPLETED: { target: 'leftCare', actions: ['recordEvent'] } },
        },
        leftCare: { ...described('Left care at 18', 's.46', 'AWAITING_CLOSURE') },
        restoration: {
          ...described('Restoration ordered', 's.37(1)(b), s.40', 'RESTORATION'),
          on: icpOfRestoredChild,
          initial: 'pending',
          states: {
            pending: {
              ...described('Restoration ordered: child to be handed to the family', 's.40'),
              on: {
                TRANSFER_ORDERED: {
                  guard: 'transferIsOutOfDistrict',
                  target: 'awaitingEscort',
                  actions: [
                    'recordEvent',
                    'recordTransferOrder',
                    { type: 'notify', params: { to: ['HOME_DISTRICT_DCPU', 'SCPS'], about: 'transfer' } },
                  ],
                },
                CHILD_RESTORED: {
                  guard: 'restorationOrdered',
                  target: '#case.cncp.followUp',
                  actions: ['recordEvent', 'recordRestoration'],
                  meta: RESTORED,
                },
              },
            },
            awaitingEscort: {
              ...described('Transfer ordered: escort to the home district or state', 's.95; R.81', undefined, [
                'cncp.transferEscort',
              ]),
              on: {
                CHILD_ESCORTED: { guard: 'escortLawful', target: 'escorted', actions: ['recordEvent', 'recordEscort'] },
              },
            },
            escorted: {
              ...described('Escorted: to be handed to the family in the home district', 's.95(4); R.81'),
              on: {
                CHILD_RESTORED: {
                  guard: 'restorationOrdered',
                  target: '#case.cncp.followUp',
                  actions: ['recordEvent', 'recordRestoration'],
                  meta: RESTORED,
                },
              },
            },
          },
        },
        followUp: {
          ...described('Restored: follow-up', 'post-restoration follow-up (policy)', 'FOLLOW_UP', ['cncp.followUpReport']),
          on: {
            ...icpOfRestoredChild,
            FOLLOW_UP_REPORT_FILED: { target: 'followUp', reenter: true, actions: ['recordEvent', 'countFollowUpReport'] },
            FOLLOW_UP_COMPLETED: { guard: 'restorationFollowUpPeriodOver', target: 'followUpComplete', actions: ['recordEvent'] },
            REENTERED_CARE: { target: 'awaitingProduction', actions: ['recordEvent', 'startNewEpisode'] },
            APPREHENDED_FOR_OFFENCE: apprehendedForOffence,
          },
        },
        followUpComplete: {
          ...described('Follow-up completed', 'post-restoration follow-up (policy)', 'AWAITING_CLOSURE'),
          on: {
            REENTERED_CARE: { target: 'awaitingProduction', actions: ['recordEvent', 'startNewEpisode'] },
            APPREHENDED_FOR_OFFENCE: apprehendedForOffence,
          },
        },
      },
    },
    cicl: {
      meta: { label: 'Child in conflict with law (before the JJB)', citation: 'Chapter IV, s.10–s.26' },
      initial: 'apprehended',
      states: {
        apprehended: {
          ...described('Apprehended: to be produced before the JJB', 's.10(1)', 'PRODUCTION', ['cicl.production']),
          on: { PRODUCED_BEFORE_JJB: { target: 'beforeJjb', actions: ['recordEvent', 'recordJjbProduction'], meta: PRODUCED } },
        },
        beforeJjb: {
          ...described('Inquiry before the JJB', 's.14', 'INQUIRY', ['cicl.inquiry', 'cicl.ageDetermination']),
          initial: 'bailHearing',
          on: {
            AGE_DETERMINATION_ORDERED: {
              guard: 'ageDeterminationMayBeOrdered',
              actions: [
                'recordEvent',
                'recordAgeDeterminationOrder',
                { type: 'startDeadlines', params: { ids: ['cicl.ageDetermination'] } },
              ],
            },
            AGE_DETERMINED: [
              {
                guard: and(['ageDeterminationPending', 'foundNotAChild']),
                target: '#case.cicl.foundNotAChild',
                actions: [
                  'recordEvent',
                  'recordDeterminedAge',
                  { type: 'notify', params: { to: ['POLICE_STATION', 'DCPU'], about: 'found not a child' } },
                ],
              },
              {
                guard: 'ageDeterminationPending',
                actions: ['recordEvent', 'recordDeterminedAge', { type: 'stopDeadlines', params: { ids: ['cicl.ageDetermination'] } }],
              },
            ],
            INQUIRY_EXTENDED: { guard: 'inquiryExtensionAllowed', actions: ['recordEvent', 'extendInquiry'] },
            INQUIRY_EXTENDED_BY_MAGISTRATE: {
              guard: 'magistrateExtensionAllowed',
              actions: ['recordEvent', 'extendInquiryByMagistrate'],
            },
            PROCEEDINGS_TERMINATED: {
              guard: 'pettyInquiryInconclusiveAfterExtension',
              target: 'terminated',
              actions: ['recordEvent', { type: 'notify', params: { to: ['JJB', 'DCPU'], about: 'proceedings terminated' } }],
            },
            REFERRED_TO_CWC: {
              target: '#case.cncp.awaitingProduction',
              actions: ['recordEvent', 'handOffToCwc', { type: 'notify', params: { to: ['CWC'], about: 'referral' } }],
            },
          },
          states: {
            bailHearing: {
              ...described('Produced: bail to be decided', 's.12'),
              on: { BAIL_DECIDED: { guard: 'bailDecisionLawful', target: 'awaitingSir', actions: ['recordEvent', 'recordBail'] } },
            },
            awaitingSir: {
              ...described('Inquiry: awaiting the Social Investigation Report', 's.13(1)(ii)', undefined, ['cicl.sir']),
              on: {
                SIR_SUBMITTED: [
                  {
                    guard: 'requiresPreliminaryAssessment',
                    target: 'preliminaryAssessment',
                    actions: ['recordEvent', 'recordSir'],
                    meta: SIR_SUBMITTED,
                  },
                  { target: 'inquiry', actions: ['recordEvent', 'recordSir'], meta: SIR_SUBMITTED },
                ],
              },
            },
            preliminaryAssessment: {
              ...described('Preliminary assessment (heinous offence, 16–18)', 's.15', 'ASSESSMENT', [
                'cicl.preliminaryAssessment',
              ]),
              on: {
                PRELIMINARY_ASSESSMENT_COMPLETED: [
                  {
                    guard: and(['noAgeDeterminationPending', 'findsTrialAsAdult']),
                    target: 'awaitingTransfer',
                    actions: ['recordEvent', 'recordPreliminaryAssessment'],
                  },
                  { guard: 'noAgeDeterminationPending', target: 'inquiry', actions: ['recordEvent', 'recordPreliminaryAssessment'] },
                ],
                AGE_DETERMINED: {
                  guard: and(['ageDeterminationPending', 'foundBelowPreliminaryAssessmentAge']),
                  target: 'inquiry',
                  actions: ['recordEvent', 'recordDeterminedAge', { type: 'stopDeadlines', params: { ids: ['cicl.ageDetermination'] } }],
                },
              },
            },
            awaitingTransfer: {
              ...described('Assessed for trial as an adult: transfer to the Children’s Court', 's.18(3)', 'ASSESSMENT'),
              on: {
                TRANSFERRED_TO_CHILDRENS_COURT: {
                  guard: 'noAgeDeterminationPending',
                  target: '#case.cicl.transferredToChildrensCourt',
                  actions: ['recordEvent'],
                },
                AGE_DETERMINED: {
                  guard: and(['ageDeterminationPending', 'foundBelowPreliminaryAssessmentAge']),
                  target: 'inquiry',
                  actions: ['recordEvent', 'recordDeterminedAge', { type: 'stopDeadlines', params: { ids: ['cicl.ageDetermination'] } }],
                },
              },
            },
            inquiry: {
              ...described('Inquiry: final order due', 's.14, s.17, s.18'),
              on: {
                JJB_FINAL_ORDER_PASSED: [
                  {
                    guard: and(['noAgeDeterminationPending', 'releasesChild']),
                    target: '#case.cicl.released',
                    actions: ['recordEvent', 'recordFinalOrder'],
                  },
                  { guard: 'noAgeDeterminationPending', target: '#case.cicl.postOrder', actions: ['recordEvent', 'recordFinalOrder'] },
                ],
                AGE_DETERMINED: {
                  guard: and(['ageDeterminationPending', 'foundToNeedPreliminaryAssessment']),
                  target: 'preliminaryAssessment',
                  actions: ['recordEvent', 'recordDeterminedAge', { type: 'stopDeadlines', params: { ids: ['cicl.ageDetermination'] } }],
                },
              },
            },
          },
        },
        terminated: { ...described('Proceedings terminated', 's.14(4)', 'AWAITING_CLOSURE') },
        foundNotAChild: {
          ...described(
            'Found by age determination to have been 18 or more at the offence: outside the JJB’s jurisdiction',
            's.94(3); s.2(13)',
            'AWAITING_CLOSURE',
          ),
        },
        transferredToChildrensCourt: {
          ...described('Trial transferred to the Children’s Court', 's.18(3), s.19', 'TRANSFERRED'),
        },
        released: {
          ...described('Released: offence not established', 's.17(1)', 'AWAITING_CLOSURE'),
          on: {
            REFERRED_TO_CWC: {
              target: '#case.cncp.awaitingProduction',
              actions: ['recordEvent', 'handOffToCwc', { type: 'notify', params: { to: ['CWC'], about: 'referral' } }],
            },
          },
        },
        postOrder: {
          ...described('Final order in force', 's.18(1)', 'FOLLOW_UP'),
          initial: 'icpDue',
          on: {
            // s.95(1) proviso: a child in conflict with law is transferred only after the final order.
            TRANSFER_ORDERED: {
              guard: 'transferIsOutOfDistrict',
              actions: [
                'recordEvent',
                'recordTransferOrder',
                { type: 'notify', params: { to: ['HOME_DISTRICT_DCPU', 'SCPS'], about: 'transfer' } },
              ],
            },
          },
          states: {
            icpDue: {
              ...described('Final order: Individual Care Plan to be prepared', 's.18', undefined, ['cicl.icpPreparation']),
              on: { ICP_PREPARED: { target: 'followUp', actions: ['recordEvent', 'recordIcp', 'startFollowUp'] } },
            },
            followUp: {
              ...described('Final order: follow-up', 's.18', undefined, ['cicl.followUpReport']),
              on: {
                FOLLOW_UP_REPORT_FILED: { target: 'followUp', reenter: true, actions: ['recordEvent', 'countFollowUpReport'] },
                FOLLOW_UP_COMPLETED: { guard: 'followUpReportFiled', target: '#case.cicl.completed', actions: ['recordEvent'] },
              },
            },
          },
        },
        completed: { ...described('Follow-up completed', 's.18', 'AWAITING_CLOSURE') },
      },
    },
    closed: { type: 'final', ...described('Closed', 'JJ Act 2015', 'CLOSED') },
  },
});

export type CaseMachine = typeof caseMachine;

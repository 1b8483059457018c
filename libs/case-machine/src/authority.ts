import { POLICE_BODIES, ROLE_GROUPS, type Actor, type BodyType } from '@raksha/domain';
import type { CaseEventType } from './events.js';

export interface EventAuthority {
  roles: readonly Actor[];
  bodies: readonly BodyType[];
  description: string;
  citation?: string;
}

const CWC = { roles: ['CWC_MEMBER'], bodies: ['CWC'] } as const;
const JJB = { roles: ['JJB_MEMBER'], bodies: ['JJB'] } as const;
const SIR_AUTHORS = { roles: ['PROBATION_OFFICER', 'DCPU_OFFICER'], bodies: ['DCPU', 'CWC', 'JJB'] } as const;
const CARE_STAFF = { roles: ROLE_GROUPS.careStaff, bodies: ['CCI', 'DCPU'] } as const;
const POLICE = { roles: ROLE_GROUPS.police, bodies: POLICE_BODIES } as const;
const DCPU = { roles: ['DCPU_OFFICER'], bodies: ['DCPU'] } as const;
const DCPU_OR_PROBATION = { roles: ['DCPU_OFFICER', 'PROBATION_OFFICER'], bodies: ['DCPU'] } as const;
const CWC_OR_JJB = { roles: ROLE_GROUPS.boards, bodies: ['CWC', 'JJB'] } as const;
const CWC_OR_DCPU = { roles: ['CWC_MEMBER', 'DCPU_OFFICER'], bodies: ['CWC', 'DCPU'] } as const;

/** Who may send each event: the API authorises with this table and the machine is built on the same names. */
export const EVENT_AUTHORITY: Record<CaseEventType, EventAuthority> = {
  PRODUCED_BEFORE_CWC: { ...CWC, description: 'The CWC records that the child was produced before it', citation: 's.31(1); F.17' },
  INTERIM_PLACEMENT_ORDERED: { ...CWC, description: 'Interim placement pending inquiry', citation: 's.36(1); F.18–F.20' },
  SIR_ORDERED: { ...CWC, description: 'Order a Social Investigation Report', citation: 's.36(2); F.21 (R.19(3))' },
  SIR_SUBMITTED: { ...SIR_AUTHORS, description: 'Submit the Social Investigation Report', citation: 's.36(2), s.13(1)(ii); F.22' },
  SURRENDER_DEED_EXECUTED: { ...CWC, description: 'Parent or guardian surrenders the child before the CWC', citation: 's.35(1); F.23' },
  SURRENDER_RECONSIDERED: { ...CWC, description: 'Parent reconsiders within two months; the CWC restores', citation: 's.35(3); F.24' },
  LEGALLY_FREE_DECLARED: { ...CWC, description: 'Declare the child legally free for adoption (at least three members of the Committee decide, each named from its roster)', citation: 's.38(1), (2), (4)' },
  HANDED_OVER_FOR_ADOPTION: {
    ...CWC_OR_DCPU,
    description: 'Child handed over to the Specialised Adoption Agency',
    citation: 's.38; Adoption Regulations',
  },
  FINAL_ORDER_PASSED: { ...CWC, description: 'Final order of the CWC', citation: 's.37(1)' },
  ICP_PREPARED: { ...CARE_STAFF, description: 'Individual Care Plan prepared', citation: 's.30(vi)' },
  ICP_REVIEWED: { ...CARE_STAFF, description: 'Individual Care Plan reviewed', citation: 's.30(vi)' },
  FOSTER_INSPECTION_RECORDED: {
    ...DCPU,
    description: 'Monthly inspection of the foster family',
    citation: 's.44; R.23; F.35',
  },
  AFTERCARE_PLAN_PREPARED: {
    roles: ['CWC_MEMBER', 'DCPU_OFFICER', 'CCI_STAFF'],
    bodies: ['CWC', 'DCPU', 'CCI'],
    description: 'Aftercare plan prepared before the child turns 18',
    citation: 's.46; F.37',
  },
  CHILD_ATTAINED_MAJORITY: { ...CWC, description: 'Child in care turns 18: aftercare or leaving care', citation: 's.46' },
  AFTERCARE_COMPLETED: {
    ...DCPU,
    description: 'Aftercare support ended',
    citation: 's.46; R.25',
  },
  RESTORATION_ORDERED: { ...CWC, description: 'Restoration ordered on the Individual Care Plan', citation: 's.37(1)(b), s.30(vi)' },
  TRANSFER_ORDERED: {
    ...CWC_OR_JJB,
    description: 'Transfer of the child to the home district or state (JJB: only after the final order)',
    citation: 's.95(1); R.81',
  },
  CHILD_ESCORTED: {
    roles: ROLE_GROUPS.childWelfarePolice,
    bodies: POLICE_BODIES,
    description: 'Child escorted to the home district or state',
    citation: 's.95(3); R.81',
  },
  CHILD_RESTORED: {
    ...CWC_OR_DCPU,
    description: 'Child handed over to the family',
    citation: 's.37(1)(b), s.40',
  },
  FOLLOW_UP_REPORT_FILED: {
    ...DCPU_OR_PROBATION,
    description: 'Follow-up report after restoration or final order',
  },
  FOLLOW_UP_COMPLETED: {
    ...DCPU_OR_PROBATION,
    description: 'Follow-up period completed',
  },
  REENTERED_CARE: {
    roles: ['CWC_MEMBER', 'DCPU_OFFICER', 'CHILDLINE_WORKER', ...POLICE.roles],
    bodies: ['CWC', 'DCPU', 'CHILDLINE', ...POLICE.bodies],
    description: 'A restored child is again in need of care and protection',
    citation: 's.2(14)',
  },
  CHILD_MISSING_FROM_CCI: {
    roles: ['CCI_STAFF', 'DCPU_OFFICER'],
    bodies: ['CCI', 'DCPU'],
    description: 'Child missing from the institution',
    citation: 'Model Rules 2016; National SOP 2016',
  },
  MISSING_REPORTED_TO_POLICE: {
    roles: ['CCI_STAFF', ...POLICE.roles],
    bodies: ['CCI', ...POLICE.bodies],
    description: 'Missing child reported to the police; FIR registered',
    citation: 'Bachpan Bachao Andolan v. Union of India (SC, 2013)',
  },
  REFERRED_TO_AHTU: {
    ...POLICE,
    description: 'Untraced child referred to the Anti-Human Trafficking Unit',
    citation: 'Bachpan Bachao Andolan v. Union of India (SC, 2013)',
  },
  CHILD_TRACED: {
    roles: ['CCI_STAFF', 'DCPU_OFFICER', ...POLICE.roles],
    bodies: ['CCI', 'DCPU', ...POLICE.bodies],
    description: 'Missing child traced and back in care',
  },
  LEAVE_OF_ABSENCE_GRANTED: {
    ...CWC,
    description: 'Leave of absence for a child in an institution, at most 7 days an instance, journey excluded',
    citation: 's.98(1)',
  },
  RETURNED_FROM_LEAVE: { ...CARE_STAFF, description: 'Child back in the institution from leave of absence', citation: 's.98(1), (3)' },
  PRODUCED_BEFORE_JJB: { ...JJB, description: 'The JJB records that the child was produced before it', citation: 's.10(1)' },
  BAIL_DECIDED: { ...JJB, description: 'Bail granted, or refused on a s.12(1) proviso ground', citation: 's.12' },
  PRELIMINARY_ASSESSMENT_COMPLETED: { ...JJB, description: 'Preliminary assessment of a child of 16–18 (heinous offence)', citation: 's.15' },
  TRANSFERRED_TO_CHILDRENS_COURT: { ...JJB, description: 'Trial transferred to the Children’s Court', citation: 's.18(3)' },
  INQUIRY_EXTENDED: { ...JJB, description: 'Inquiry extended once by up to two months, reasons recorded', citation: 's.14(2)' },
  INQUIRY_EXTENDED_BY_MAGISTRATE: {
    ...JJB,
    description: 'Further time granted by the CJM / CMM for a serious or heinous offence (recorded by the JJB)',
    citation: 's.14(4) proviso',
  },
  PROCEEDINGS_TERMINATED: {
    roles: ['SYSTEM'],
    bodies: [],
    description: 'Petty offence inquiry still inconclusive after the extended period: proceedings stand terminated',
    citation: 's.14(4)',
  },
  JJB_FINAL_ORDER_PASSED: { ...JJB, description: 'Final order of the JJB', citation: 's.17, s.18' },
  REFERRED_TO_CWC: { ...JJB, description: 'Child found to be in need of care and protection; produced before the CWC', citation: 's.17(2)' },
  FAMILY_TRACED: {
    roles: [...POLICE.roles, 'DCPU_OFFICER', 'CWC_MEMBER'],
    bodies: [...POLICE.bodies, 'DCPU', 'CWC'],
    description: 'The child’s family is traced (a confirmed missing-child match, or police inquiry); verification begins',
    citation: 's.36(2), s.40',
  },
  FAMILY_VERIFIED: {
    ...DCPU_OR_PROBATION,
    description: 'Home study of the traced family reported to the CWC: suitable for restoration or not',
    citation: 's.36(2), s.40',
  },
  APPREHENDED_FOR_OFFENCE: {
    ...POLICE,
    description: 'Child in the CWC’s care apprehended, alleged to have committed an offence; to be produced before the JJB',
    citation: 's.10(1)',
  },
  AGE_DETERMINATION_ORDERED: {
    ...CWC_OR_JJB,
    description: 'Age determination ordered on reasonable grounds for doubt; any medical test within 15 days',
    citation: 's.94(2)',
  },
  AGE_DETERMINED: {
    ...CWC_OR_JJB,
    description: 'Age recorded as the true age; a person of 18 or more leaves the CWC / JJB',
    citation: 's.94(2), (3); s.2(12), (13)',
  },
  WAIVE_DEADLINE: {
    roles: [...ROLE_GROUPS.boards, 'DCPU_OFFICER'],
    bodies: ['CWC', 'JJB', 'DCPU'],
    description: 'Waive an open deadline, recording why it no longer applies',
  },
  CLOSE_CASE: {
    roles: [...ROLE_GROUPS.boards, 'DCPU_OFFICER'],
    bodies: ['CWC', 'JJB', 'DCPU'],
    description: 'Close the case (every open deadline met or waived)',
  },
};

/** Whether an actor (role, optionally of a body) may send an event of this type. */
export function maySend(type: CaseEventType, role: Actor, body?: BodyType): boolean {
  const authority = EVENT_AUTHORITY[type];
  if (!authority.roles.includes(role)) return false;
  return body === undefined || role === 'SYSTEM' || authority.bodies.includes(body);
}

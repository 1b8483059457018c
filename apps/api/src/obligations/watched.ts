// The obligations Raksha watches outside a case, built from their owners' records: one place for the
// registry, the reports service and the start-up sync to describe them alike.
import { addIsoDuration, CCI_REGISTRATION_RULE, MISSING_REPORT_AHTU_RULE, registrationDueAt } from '@raksha/case-machine';
import type { WatchedObligation } from '@raksha/contracts/temporal';

/** s.41: an institution's registration falls due the day after its last valid date. */
export function watchedRegistration(i: { id: string; name: string; districtCode: string; stateCode: string; registrationNo: string | null; registeredUntil: string | null }): WatchedObligation {
  return {
    subject: 'INSTITUTION_REGISTRATION',
    subjectId: i.id,
    // what a person reads in the inbox: the home's name and its registration number, never its id (a code)
    label: `${i.name}, registration ${i.registrationNo ?? 'with no number'}`,
    bodyId: i.id,
    districtCode: i.districtCode,
    stateCode: i.stateCode,
    deadline: {
      id: CCI_REGISTRATION_RULE.id,
      obligation: CCI_REGISTRATION_RULE.obligation,
      citation: CCI_REGISTRATION_RULE.citation,
      ladder: CCI_REGISTRATION_RULE.ladder,
      dueAt: i.registeredUntil ? registrationDueAt(i.registeredUntil) : null,
    },
    noticeKind: 'REGISTRATION_LAPSED',
    closed: false,
  };
}

/**
 * A missing child untraced 4 months after the station took the report goes to the AHTU (policy, after BBA v.
 * UoI), on the station's account; tracing or closing the report ends the watch. None before a station has it.
 */
export function watchedAhtuReferral(r: {
  id: string;
  kind: string;
  status: string;
  policeRef: string | null;
  stationId: string | null;
  districtCode: string;
  stateCode: string;
  acceptedAt: Date | null;
  createdAt: Date;
}): WatchedObligation | undefined {
  if (r.kind !== 'MISSING' || !r.stationId || r.status === 'PENDING_ACCEPTANCE') return undefined;
  const from = (r.acceptedAt ?? r.createdAt).toISOString();
  return {
    subject: 'MISSING_REPORT',
    subjectId: r.id,
    // the police's own reference, never the report's id or the district's code
    label: r.policeRef ? `missing report ${r.policeRef}` : 'a missing report with no police reference yet',
    bodyId: r.stationId,
    districtCode: r.districtCode,
    stateCode: r.stateCode,
    deadline: {
      id: MISSING_REPORT_AHTU_RULE.id,
      obligation: MISSING_REPORT_AHTU_RULE.obligation,
      citation: MISSING_REPORT_AHTU_RULE.citation,
      ladder: MISSING_REPORT_AHTU_RULE.ladder,
      dueAt: addIsoDuration(from, MISSING_REPORT_AHTU_RULE.within),
    },
    noticeKind: 'AHTU_REFERRAL_OVERDUE',
    closed: r.status === 'TRACED' || r.status === 'CLOSED',
  };
}

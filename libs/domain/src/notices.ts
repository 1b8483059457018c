import type { BodyType } from './bodies.js';

/** One message for one recipient body (or one person): what is queued and what lands in the in-app inbox. */
export interface Notice {
  dedupeKey: string;
  /** the body told at its place; PERSON for a message to one person (recipientUserId) */
  recipientBody: BodyType | 'PERSON';
  districtCode: string | null;
  stateCode: string | null;
  /**
   * For a police station's notice: the station area (thana) of the case or report, so only that station is told;
   * without it (a record with no thana), every station of the district.
   */
  thanaCode?: string | null;
  caseId: string | null;
  /** set for a message to one person (a citizen's verification code) rather than to their body */
  recipientUserId?: string | null;
  /**
   * For a body's notice: a person of the body who is told by name in a notice of their own (the case's assignee), so
   * the body's copy skips them (inbox, email, SMS): one notice reaches one person once per channel.
   */
  exceptUserId?: string | null;
  kind: string;
  subject: string;
  body: string;
  /**
   * An account's one-time link (ACCOUNT_NOTICE_KINDS) when it goes by email: carried in the queue only, to the
   * email, and never stored; the inbox copy then says where the link went instead of holding it.
   */
  accountLink?: string;
}

/** Notices that set up a person's account: they go by email to the account's own address, whatever the person chose. */
export const ACCOUNT_NOTICE_KINDS: ReadonlySet<string> = new Set(['ACCOUNT_INVITATION', 'PASSWORD_RESET']);

/** Notices that always go by every verified channel, whatever a person chose: a missed obligation raised to them. */
export const ESCALATION_NOTICE_KINDS = ['DEADLINE_ESCALATED', 'REGISTRATION_LAPSED', 'AHTU_REFERRAL_OVERDUE', 'INTERVENTION_RESPONSE_OVERDUE', 'BODY_DUTY_MISSED', 'ESCALATION_REMINDER'] as const;

/**
 * The kinds of notice a person chooses channels for (PUT /me/notification-settings): a case registered, a possible
 * match, and the case steps the machine tells bodies of (`CASE_<about>` of its notify actions).
 */
export const CHOOSABLE_NOTICE_KINDS = [
  'CASE_REGISTERED',
  'MATCH_ALERT',
  'CASE_CHILD_MISSING',
  'CASE_APPREHENSION',
  'CASE_FAMILY_TRACED',
  'CASE_FAMILY_VERIFIED',
  'CASE_FOUND_NOT_A_CHILD',
  'CASE_SURRENDER',
  'CASE_LEGALLY_FREE',
  'CASE_TRANSFER',
] as const;

/**
 * What a notice is about, read from its key: a case, or one of the obligations watched outside a case (a CWC's or
 * JJB's duty in one period, a CCI's s.41 registration, a missing child report's referral to the AHTU, a helpline
 * intervention's response), or an escalation (its reminder). Channels choose their wording by it: a notice that is
 * not about a case must never read as "Case <ref>".
 */
export type NoticeSubject =
  | { type: 'CASE' }
  | { type: 'BODY_DUTY'; bodyId: string; dutyId: string; period: string }
  | { type: 'INSTITUTION_REGISTRATION'; bodyId: string }
  | { type: 'MISSING_REPORT'; reportId: string }
  | { type: 'INTERVENTION' }
  | { type: 'ESCALATION'; escalationId: string }
  | { type: 'OTHER' };

// watch-<SUBJECT>-<subjectId>-<deadlineId>@<dueAt>#<rung> (workflows/src/obligation-watch.workflow.ts, escalation-ladder.ts)
const WATCH_KEY = /^watch-(BODY_DUTY|INSTITUTION_REGISTRATION|MISSING_REPORT)-(.+)-[A-Za-z0-9_.]+@.+#\d+$/;
// <bodyId>.<dutyId>.<period> (libs/contracts dutyWatchSubjectId): a period 2026-11 or 2026-Q4
const DUTY_SUBJECT = /^(.+)\.([A-Za-z]+\.[A-Za-z]+)\.(\d{4}-(?:\d{2}|Q[1-4]))$/;
// escalation-<uuid>-reminder / escalation-<uuid>-head-<userId> (apps/worker/src/reminders.ts)
const ESCALATION_KEY = /^escalation-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-/i;

/** A notice's subject, from its key and case: what its SMS and email speak of. */
export function noticeSubjectOf(noticeKey: string, caseId: string | null): NoticeSubject {
  const escalation = ESCALATION_KEY.exec(noticeKey);
  if (escalation) return { type: 'ESCALATION', escalationId: escalation[1]! };
  if (caseId) return { type: 'CASE' };
  const watch = WATCH_KEY.exec(noticeKey);
  if (watch) {
    const [, subject, subjectId] = watch as unknown as [string, string, string];
    if (subject === 'INSTITUTION_REGISTRATION') return { type: 'INSTITUTION_REGISTRATION', bodyId: subjectId };
    if (subject === 'MISSING_REPORT') return { type: 'MISSING_REPORT', reportId: subjectId };
    const duty = DUTY_SUBJECT.exec(subjectId);
    if (duty) return { type: 'BODY_DUTY', bodyId: duty[1]!, dutyId: duty[2]!, period: duty[3]! };
  }
  if (noticeKey.startsWith('intervention-')) return { type: 'INTERVENTION' };
  return { type: 'OTHER' };
}

/** The escalation reminders' own subject: the watch a body's escalation was raised by (watch-body-duty-<subjectId>). */
export function watchSubjectOf(watchId: string): NoticeSubject {
  const m = /^watch-(body-duty|institution-registration|missing-report)-(.+)$/.exec(watchId);
  if (!m) return { type: 'OTHER' };
  const subject = m[1]!.toUpperCase().replaceAll('-', '_');
  return noticeSubjectOf(`watch-${subject}-${m[2]}-x@x#0`, null);
}

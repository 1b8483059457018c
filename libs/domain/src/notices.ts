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

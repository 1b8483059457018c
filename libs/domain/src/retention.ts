// How long each kind of record is kept, and what happens when its time has run: the Digital Personal Data Protection
// Act 2023 has personal data erased once its purpose is served unless a law requires it kept (s.8(7)); the DPDP Rules
// 2025 keep the logs of processing at least one year (r.8(3)); the JJ Act destroys a child in conflict with law's
// records after the appeal period (s.24(2), docs/records-destruction.md) and keeps every child's identity out of
// reach (s.74). One schedule, read by the daily retention job, the administrators' page and docs/privacy.md.
import type { Role } from './roles.js';

/** Kinds of records Raksha keeps, as the retention schedule names them. */
export const RETENTION_RECORD_TYPES = [
  'CASE_CICL',
  'CASE_CNCP',
  'CASE_DOCUMENTS',
  'CHILD_REPORT',
  'AUDIT_TRAIL',
  'PARTNER_DISCLOSURES',
  'PARTNER_FEED',
  'NOTIFICATIONS',
  'DELIVERIES',
  'SESSIONS',
  'CONTACT_CODES',
  'IMPORTS',
] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/**
 * DESTROY_S24: the records-destruction scan (s.24(2)) destroys them; ANONYMISE: personal fields emptied, a tombstone kept;
 * DELETE: the rows go; KEEP: kept, nothing erases them (why says which law).
 */
export const RETENTION_ACTIONS = ['DESTROY_S24', 'ANONYMISE', 'DELETE', 'KEEP'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export interface RetentionRule {
  recordType: RetentionRecordType;
  action: RetentionAction;
  /** days after `from` when the action falls due; null: no period (KEEP, or the destruction's own due date) */
  days: number | null;
  /** the moment the period runs from, in words */
  from: string;
  citation: string;
  /** why, in plain words */
  why: string;
}

/** DPDP Rules 2025 r.8(3): logs of processing kept at least a year from the processing. */
export const LOG_RETENTION_DAYS = 365;

export const RETENTION_SCHEDULE: readonly RetentionRule[] = [
  {
    recordType: 'CASE_CICL',
    action: 'DESTROY_S24',
    days: 30,
    from: "the Board's order, and never before the case is closed",
    citation: 'JJ Act s.24(2), s.101(1)',
    why: 'A child in conflict with law carries no record of the finding: the records are destroyed once the appeal period has run, unless a court holds them.',
  },
  {
    recordType: 'CASE_CNCP',
    action: 'KEEP',
    days: null,
    from: 'registration',
    citation: 'JJ Act s.74, s.99; DPDP Act s.8(7)',
    why: 'The case of a child in need of care and protection is the Committee’s record of the child’s care, restoration and adoption; no law orders it destroyed. It is kept out of reach of anyone not entitled (s.74).',
  },
  {
    recordType: 'CASE_DOCUMENTS',
    action: 'DESTROY_S24',
    days: null,
    from: "the case's destruction",
    citation: 'JJ Act s.24(2)',
    why: 'Orders and uploads go with their case: destroyed with a child in conflict with law’s records, kept with any other case.',
  },
  {
    recordType: 'CHILD_REPORT',
    action: 'ANONYMISE',
    days: 3 * 365,
    from: 'the report’s closing, or the child’s tracing',
    citation: 'DPDP Act s.8(7); JJ Act s.74',
    why: 'A closed missing or found report serves no purpose once the child is home or the report set aside: its description, photograph, place and the reporter’s contact are erased three years after closing; a tombstone (its number, kind, district and dates) stays for the police record. A report linked to a child’s case stays with the case.',
  },
  {
    recordType: 'AUDIT_TRAIL',
    action: 'KEEP',
    days: null,
    from: 'the entry',
    citation: 'DPDP Rules 2025 r.8(3); JJ Act s.24(2)',
    why: 'The hash-chained trail proves who did and read what; an entry cannot go without breaking the chain. Its details are emptied with a destroyed case’s records, the hash kept.',
  },
  {
    recordType: 'PARTNER_DISCLOSURES',
    action: 'DELETE',
    days: 3 * 365,
    from: 'the disclosure',
    citation: 'DPDP Rules 2025 r.8(3)',
    why: 'Who received which record, when and why, kept three years so a citizen or a monitor can ask, then erased.',
  },
  {
    recordType: 'PARTNER_FEED',
    action: 'DELETE',
    days: LOG_RETENTION_DAYS,
    from: 'the event',
    citation: 'DPDP Act s.8(7); DPDP Rules 2025 r.8(3)',
    why: 'Partner systems read the feed within days; a year later its events serve nothing.',
  },
  {
    recordType: 'NOTIFICATIONS',
    action: 'DELETE',
    days: LOG_RETENTION_DAYS,
    from: 'the message',
    citation: 'DPDP Act s.8(7); DPDP Rules 2025 r.8(3)',
    why: 'An inbox message is a reminder, not the record: the case’s timeline and the audit trail keep what happened.',
  },
  {
    recordType: 'DELIVERIES',
    action: 'DELETE',
    days: LOG_RETENTION_DAYS,
    from: 'the delivery’s queueing',
    citation: 'DPDP Act s.8(7); DPDP Rules 2025 r.8(3)',
    why: 'The record of an SMS, email or webhook sent names the address it went to; kept a year to answer complaints, then erased.',
  },
  {
    recordType: 'SESSIONS',
    action: 'DELETE',
    days: 30,
    from: 'the session’s expiry or sign-out',
    citation: 'DPDP Act s.8(7)',
    why: 'A session ended serves nothing; the sign-ins themselves stay on the audit trail.',
  },
  {
    recordType: 'CONTACT_CODES',
    action: 'DELETE',
    days: 1,
    from: 'the code’s expiry, when never confirmed',
    citation: 'DPDP Act s.8(7)',
    why: 'A phone number or email never confirmed is not the citizen’s verified contact; it goes a day after its code expires.',
  },
  {
    recordType: 'IMPORTS',
    action: 'DELETE',
    days: 90,
    from: 'the import’s end',
    citation: 'DPDP Act s.8(7)',
    why: 'An import’s rows are copied into the registers; its job record and staged rows go three months after it ends.',
  },
];

export function retentionRule(recordType: RetentionRecordType): RetentionRule {
  return RETENTION_SCHEDULE.find((r) => r.recordType === recordType)!;
}

/** The moment before which records of this type are past retention at `now` (null: nothing is erased by age). */
export function retentionCutoff(recordType: RetentionRecordType, now: Date): Date | null {
  const rule = retentionRule(recordType);
  if (rule.action === 'KEEP' || rule.action === 'DESTROY_S24' || rule.days === null) return null;
  return new Date(now.getTime() - rule.days * 86_400_000);
}

/** A report's purpose is served once it is closed, or its child traced: then its filer may erase it, and retention runs. */
export function isReportErasable(status: string): boolean {
  return status === 'CLOSED' || status === 'TRACED';
}

/** The version of the privacy notice citizens see before filing (docs/privacy.md); a new wording gets a new version. */
export const PRIVACY_NOTICE_VERSION = '2026-12-07';

/**
 * JJ Act s.74: roles that watch a state or the country (counts, timeliness, escalations) need no child's name: their
 * lists and exports show case numbers. A person who also holds a role that works cases sees names as that role does.
 */
const NAME_BLIND_ROLES: readonly Role[] = ['STATE_MONITOR', 'NATIONAL_MONITOR'];

export function needsChildsName(roles: readonly string[]): boolean {
  return roles.some((r) => !(NAME_BLIND_ROLES as readonly string[]).includes(r));
}

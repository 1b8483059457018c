import { ROLE_GROUPS, type Role } from './roles.js';

/**
 * A member's term of office on a CWC (s.27) or a JJB (s.4): from the day the state government's notification
 * appoints them to the last day of the term, both included, as days in India (YYYY-MM-DD). Outside it the
 * member role grants nothing: the person may still sign in, but cannot act as a member.
 */
export interface MemberTerm {
  from: string;
  until: string;
}

/** A seat's term as the body's roster (BodyMember) holds it: a seat recorded without its last day runs on. */
export interface SeatTerm {
  from: string;
  until: string | null;
}

/**
 * Who sits on a CWC (a Chairperson and four other members, s.27(2)) and a JJB (a Metropolitan or Judicial
 * Magistrate of the first class, its Principal Magistrate, and two social workers, s.4(2)): designation → how many
 * seats at most.
 */
export const MEMBER_SEATS: Record<'CWC' | 'JJB', Record<string, number>> = {
  CWC: { CHAIRPERSON: 1, MEMBER: 4 },
  JJB: { PRINCIPAL_MAGISTRATE: 1, SOCIAL_WORKER_MEMBER: 2 },
};
export const MEMBER_DESIGNATIONS = ['CHAIRPERSON', 'MEMBER', 'PRINCIPAL_MAGISTRATE', 'SOCIAL_WORKER_MEMBER'] as const;
export type MemberDesignation = (typeof MEMBER_DESIGNATIONS)[number];

/** The seat a CWC / JJB member's account holds: the body's head (BODY_HEAD) takes the Chairperson's or Principal Magistrate's. */
export function seatDesignation(role: TermRole, head: boolean): MemberDesignation {
  if (role === 'CWC_MEMBER') return head ? 'CHAIRPERSON' : 'MEMBER';
  return head ? 'PRINCIPAL_MAGISTRATE' : 'SOCIAL_WORKER_MEMBER';
}

/** Whether a seat's term has not ended by `today`: it fills its seat (one ended is the roster's history). */
export const seatFilled = (term: SeatTerm, today: string) => term.until === null || term.until >= today;

/**
 * The designations of a CWC's or JJB's roster with more seats filled (not ended by `today`) than MEMBER_SEATS
 * gives, and designations the body has no seat of.
 */
export function seatProblems(type: 'CWC' | 'JJB', seats: readonly { designation: string; termFrom: string; termTo: string | null }[], today: string) {
  const most = MEMBER_SEATS[type];
  const problems: { designation: string; most: number; filled: number }[] = [];
  for (const [designation, n] of Object.entries(most)) {
    const filled = seats.filter((s) => s.designation === designation && seatFilled({ from: s.termFrom, until: s.termTo }, today)).length;
    if (filled > n) problems.push({ designation, most: n, filled });
  }
  return problems;
}

/** The roles held for a term of office: the members of the CWC and of the JJB. */
export const TERM_ROLES = ROLE_GROUPS.boards;
export type TermRole = (typeof TERM_ROLES)[number];

/**
 * The longest term one appointment may record, in years. For a CWC member it is the Act's: no one is appointed a
 * member for more than three years (s.27(6)). For a JJB's social worker members the Act fixes no figure here; three
 * years is what the states' rules commonly prescribe (policy): a state that notifies another sets it here.
 */
export const MEMBER_TERM_MAX_YEARS: Record<TermRole, number> = { CWC_MEMBER: 3, JJB_MEMBER: 3 };

/** Administrators are told of terms ending within this many days, so a renewal is notified in time (policy). */
export const TERM_ENDING_WITHIN_DAYS = 60;

export const TERM_STATUSES = ['NOT_BEGUN', 'CURRENT', 'ENDING_SOON', 'ENDED'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

export function isTermRole(role: string): role is TermRole {
  return (TERM_ROLES as readonly string[]).includes(role);
}

/** Whether one of these roles is held for a term of office. */
export const holdsTermRole = (roles: readonly string[]) => roles.some(isTermRole);

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day a term from `from` may run: the day before the same date `years` later. */
export function latestTermEnd(from: string, years: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return addDays(d.toISOString().slice(0, 10), -1);
}

/** What is wrong with a term for these roles, by field; null when it is acceptable. */
export function termProblem(roles: readonly string[], term: MemberTerm): { field: 'from' | 'until'; message: string; params?: Record<string, string | number> } | null {
  if (term.until < term.from) return { field: 'until', message: 'the term must end on or after the day it starts' };
  for (const role of roles.filter(isTermRole)) {
    const years = MEMBER_TERM_MAX_YEARS[role];
    const latest = latestTermEnd(term.from, years);
    if (term.until > latest) return { field: 'until', message: `a term may be at most ${years} years: it may end on ${latest} at the latest`, params: { years, latest } };
  }
  return null;
}

/** Where `today` (a day in India) falls in the term. */
export function termStatus(term: SeatTerm, today: string): TermStatus {
  if (today < term.from) return 'NOT_BEGUN';
  if (term.until === null) return 'CURRENT';
  if (today > term.until) return 'ENDED';
  return term.until < addDays(today, TERM_ENDING_WITHIN_DAYS) ? 'ENDING_SOON' : 'CURRENT';
}

/**
 * Whether a seat's term lets its holder act today. No seat is an account from before seats were linked to accounts
 * (every invitation and move to a member role now places one): it stays in force, so that deploying this does
 * not stop every sitting member at once; administrators see it as not recorded and record it.
 */
export const termInForce = (term: SeatTerm | null, today: string) => term === null || (today >= term.from && (term.until === null || today <= term.until));

/** The member roles among these that lapse today: all of them, outside the term of their seat. */
export function lapsedRoles(roles: readonly Role[], term: SeatTerm | null, today: string): TermRole[] {
  return termInForce(term, today) ? [] : roles.filter(isTermRole);
}


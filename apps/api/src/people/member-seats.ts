// A CWC / JJB member's term of office, which lives on their seat on the body's roster (BodyMember): how an
// invitation, a move or a renewal checks the term and seats the member.
import type { MemberTermBody } from '@raksha/contracts';
import { SeatsFilled, type SeatCheck, type SeatPlacement } from '@raksha/db';
import { holdsTermRole, isTermRole, seatDesignation, seatProblems, termProblem, type MemberTerm, type Role } from '@raksha/domain';
import { invalidInput } from '../problem/domain-errors.js';

/**
 * The term of office a person in these roles holds: required for a CWC or JJB member (s.27 / s.4), refused for
 * anyone else, at most libs/domain MEMBER_TERM_MAX_YEARS long. A bad one is a 400 naming `term.from` or `term.until`.
 */
export function checkedTerm(roles: readonly Role[], term: MemberTermBody | undefined): MemberTerm | null {
  if (!holdsTermRole(roles)) {
    if (term) throw invalidInput([{ field: 'term', message: 'only a CWC or JJB member holds a term of office', key: 'error.termNotForRole' }]);
    return null;
  }
  if (!term) throw invalidInput([{ field: 'term', message: 'a CWC or JJB member needs their term of office, from and until', key: 'error.termRequired' }]);
  const problem = termProblem(roles, term);
  if (problem) {
    const key = problem.params ? 'error.termTooLong' : 'error.termOrder';
    throw invalidInput([{ field: `term.${problem.field}`, message: problem.message, key, ...(problem.params && { params: { years: problem.params.years! } }) }]);
  }
  return term;
}

/** The seat a person in this role takes on their body's roster with this term: none outside the CWC / JJB member roles. */
export function seatFor(role: Role, head: boolean, term: MemberTerm | null): SeatPlacement | null {
  return term && isTermRole(role) ? { designation: seatDesignation(role, head), term } : null;
}

/** The roster rule of libs/domain, as the repository applies it within the change: no more seats filled than MEMBER_SEATS. */
export const seatCheck =
  (today: string): SeatCheck =>
  (type, seats) =>
    seatProblems(type, seats, today)[0];

/** Runs a change that seats a person: a roster already full for their designation is a 400 naming `field`. */
export async function seated<T>(field: 'role' | 'head', change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (err) {
    if (!(err instanceof SeatsFilled)) throw err;
    const message = `every ${err.designation} seat of this body is filled (${err.most}); end a member's term on the body's roster first`;
    throw invalidInput([{ field, message, key: 'error.seatsFilled', params: { most: err.most } }]);
  }
}

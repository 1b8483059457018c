// s.38(4): a declaration that a child is legally free for adoption is the decision of at least three members of
// the Committee. The members who signed are named on the record, each checked against the CWC's roster
// (BodyMember) on the day of the decision. The machine counts them (libs/case-machine guards, enoughSigners); the
// roster is data, so the check that each is a member in term lives here, before anything reaches the workflow.
import type { FieldIssue } from '@raksha/contracts';
import type { RosterSeatRecord } from '@raksha/db';
import { STATUTORY_RULES } from '@raksha/case-machine';
import { invalidInput } from '../problem/domain-errors.js';

const FIELD = 'payload.signedBy';
const LEAST = STATUTORY_RULES.legallyFreeMinimumMembers.members;

/** Plain words for a day (YYYY-MM-DD): "3 March 2026". */
const dayInWords = (day: string) => new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/**
 * The declaration's payload with the signers' names as the CWC's roster gives them today (`signerNames`), or a 400
 * naming the field: a bare number of signers, a member named twice, one not on this CWC's roster, one outside their
 * term that day, fewer than three. `seatsOf` reads the seats of the CWC's roster among the ids named.
 */
export async function namedSigners(
  payload: Record<string, unknown>,
  today: string,
  seatsOf: (ids: string[]) => Promise<RosterSeatRecord[]>,
): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  if (payload.membersSigning !== undefined) {
    issues.push({ field: 'payload.membersSigning', message: 'name the members who signed in signedBy, from the Committee’s roster; a number of signers does not say who decided (s.38(4))', key: 'error.signersByName' });
  }
  const named = payload.signedBy;
  if (!Array.isArray(named) || named.some((id) => typeof id !== 'string')) {
    throw invalidInput([...issues, { field: FIELD, message: `name at least ${LEAST} members of the Committee who signed the declaration (s.38(4))`, key: 'error.signersTooFew', params: { least: LEAST } }]);
  }
  const ids = (named as string[]).map((id) => id.trim());
  const seats = new Map((await seatsOf([...new Set(ids)])).map((s) => [s.id, s]));
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    const field = `${FIELD}.${i}`;
    const seat = seats.get(id);
    if (seen.has(id)) {
      issues.push({ field, message: `${seat?.name ?? 'this member'} is named twice; each member signs once`, key: 'error.signerTwice', params: { name: seat?.name ?? '' } });
      return;
    }
    seen.add(id);
    if (!seat) {
      issues.push({ field, message: 'no member of this Committee’s roster is recorded under this entry', key: 'error.signerUnknown' });
    } else if (today < seat.termFrom) {
      issues.push({ field, message: `${seat.name}’s term as a member of this Committee begins on ${dayInWords(seat.termFrom)}`, key: 'error.signerOutOfTerm', params: { name: seat.name } });
    } else if (seat.termTo !== null && today > seat.termTo) {
      issues.push({ field, message: `${seat.name}’s term as a member of this Committee ended on ${dayInWords(seat.termTo)}`, key: 'error.signerOutOfTerm', params: { name: seat.name } });
    }
  });
  if (seen.size < LEAST) issues.push({ field: FIELD, message: `at least ${LEAST} members of the Committee decide a declaration (s.38(4)); ${seen.size} named`, key: 'error.signersTooFew', params: { least: LEAST } });
  if (issues.length) throw invalidInput(issues);
  // The names as the roster gives them on the day: the record keeps them, whatever the roster says later.
  return { ...payload, signedBy: ids, signerNames: ids.map((id) => seats.get(id)!.name) };
}

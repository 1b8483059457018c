// The child's age as a registration gives it, and the date of birth the case machine counts from (docs/child-profile.md).
import { addIsoDuration, ageInYearsAt, dateOfBirth, STATUTORY_RULES } from '@raksha/case-machine';
import type { ChildAgeRecord, ChildAgeView, RegisterChildBody } from '@raksha/contracts';
import { invalidField } from '../problem/domain-errors.js';

/** The day an instant falls on in India, where every case's dates are read: YYYY-MM-DD. */
export function indianDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface RegisteredAge {
  /** what the machine is given: the completed years at registration, and the date of birth when one is known or estimated */
  particulars: { ageYears?: number; dateOfBirth?: string };
  record: ChildAgeRecord;
}

const majority = STATUTORY_RULES.majority.years;

/**
 * The age in one of three ways, checked (400 naming the field):
 * - a date of birth: not in the future, and under 18 on the day of registration (s.2(12));
 * - an estimate of completed years, on what it rests and the day it was made: the date of birth is taken as that day
 *   less the years, the latest birthday the estimate allows, so the child keeps the Act's protection longest;
 * - an age alone (as before profiles): the machine takes it as estimated on the day of registration, the same rule.
 */
export function registeredAge(child: Pick<RegisterChildBody, 'ageYears' | 'dateOfBirth' | 'dateOfBirthBasis' | 'ageEstimate'>, registeredAt: Date): RegisteredAge {
  const today = indianDay(registeredAt);
  const ways = [child.dateOfBirth !== undefined, child.ageEstimate !== undefined, child.ageYears !== undefined].filter(Boolean).length;
  if (ways > 1) {
    const field = child.ageEstimate !== undefined && child.dateOfBirth !== undefined ? 'child.ageEstimate' : 'child.ageYears';
    throw invalidField(field, 'give the age once: a date of birth, or an estimated age with what it rests on');
  }
  if (child.dateOfBirthBasis !== undefined && child.dateOfBirth === undefined) throw invalidField('child.dateOfBirthBasis', 'a document is named only with the date of birth it gives');
  const at = registeredAt.toISOString();
  if (child.dateOfBirth !== undefined) {
    const dob = child.dateOfBirth;
    if (dob > today) throw invalidField('child.dateOfBirth', 'the date of birth is after today');
    const years = ageInYearsAt({ dateOfBirth: dob }, at, at)!;
    if (years >= majority) throw invalidField('child.dateOfBirth', `with this date of birth the child is ${years} today: a person of 18 or more is not a child under the Act (s.2(12))`);
    return { particulars: { ageYears: years, dateOfBirth: dob }, record: { dateOfBirth: dob, ...(child.dateOfBirthBasis && { dateOfBirthBasis: child.dateOfBirthBasis }) } };
  }
  if (child.ageEstimate !== undefined) {
    const { years, basis } = child.ageEstimate;
    const estimatedOn = child.ageEstimate.estimatedOn ?? today;
    if (estimatedOn > today) throw invalidField('child.ageEstimate.estimatedOn', 'the day of the estimate is after today');
    const dob = addIsoDuration(estimatedOn, `-P${years}Y`).slice(0, 10);
    const now = ageInYearsAt({ dateOfBirth: dob }, at, at)!;
    if (now >= majority) throw invalidField('child.ageEstimate.estimatedOn', `estimated ${years} on ${estimatedOn}, the child would be ${now} today: a person of 18 or more is not a child under the Act (s.2(12))`);
    return { particulars: { ageYears: now, dateOfBirth: dob }, record: { estimate: { years, basis, estimatedOn } } };
  }
  if (child.ageYears !== undefined) return { particulars: { ageYears: child.ageYears }, record: { estimate: { years: child.ageYears, estimatedOn: today } } };
  return { particulars: {}, record: {} };
}

/**
 * The age as the case holds it: as registered, and the day the child turns 18 by the machine's own rule
 * (`dateOfBirth` of libs/case-machine), from its context when the workflow answers (an age determination under
 * s.94 replaces the registered age there), else from the registration.
 */
export function ageView(record: ChildAgeRecord, registeredAt: Date, machineChild?: { ageYears?: number | undefined; dateOfBirth?: string | undefined }): ChildAgeView {
  const estimated = record.estimate && addIsoDuration(record.estimate.estimatedOn, `-P${record.estimate.years}Y`).slice(0, 10);
  const registered = { dateOfBirth: record.dateOfBirth ?? estimated };
  const dob = dateOfBirth(machineChild ?? registered, registeredAt.toISOString());
  return {
    dateOfBirth: record.dateOfBirth ?? null,
    dateOfBirthBasis: record.dateOfBirthBasis ?? null,
    estimate: record.estimate ? { years: record.estimate.years, basis: record.estimate.basis ?? null, estimatedOn: record.estimate.estimatedOn } : null,
    eighteenOn: dob ? indianDay(new Date(addIsoDuration(dob, `P${majority}Y`))) : null,
    fromDateOfBirth: record.dateOfBirth !== undefined,
  };
}

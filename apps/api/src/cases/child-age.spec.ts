import { describe, expect, it } from '@jest/globals';
import { ageView, registeredAge } from './child-age.js';

/** 7 December 2026, 10:00 in India. */
const REGISTERED = new Date('2026-12-07T04:30:00Z');
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return ((err as { extensions?: { errors?: { field: string }[] } }).extensions?.errors ?? []).map((e) => e.field);
  }
  return [];
};

describe('registeredAge', () => {
  it('takes a date of birth as it is, with the completed years on the day of registration', () => {
    expect(registeredAge({ dateOfBirth: '2009-02-01', dateOfBirthBasis: 'BIRTH_CERTIFICATE' }, REGISTERED)).toEqual({
      particulars: { ageYears: 17, dateOfBirth: '2009-02-01' },
      record: { dateOfBirth: '2009-02-01', dateOfBirthBasis: 'BIRTH_CERTIFICATE' },
    });
  });

  it('takes an estimate as born on the day it was made, less the years: the latest birthday the estimate allows', () => {
    expect(registeredAge({ ageEstimate: { years: 8, basis: 'APPEARANCE', estimatedOn: '2026-10-01' } }, REGISTERED)).toEqual({
      particulars: { ageYears: 8, dateOfBirth: '2018-10-01' },
      record: { estimate: { years: 8, basis: 'APPEARANCE', estimatedOn: '2026-10-01' } },
    });
  });

  it('keeps an age alone working: estimated on the day of registration, the machine counting from the registration', () => {
    expect(registeredAge({ ageYears: 17 }, REGISTERED)).toEqual({ particulars: { ageYears: 17 }, record: { estimate: { years: 17, estimatedOn: '2026-12-07' } } });
    expect(ageView({ estimate: { years: 17, estimatedOn: '2026-12-07' } }, REGISTERED).eighteenOn).toBe('2027-12-07');
  });

  it('refuses, naming the field, a date of birth after today or of a person of 18, an estimate that has run past 18, and two ages at once', () => {
    expect(fieldOf(() => registeredAge({ dateOfBirth: '2026-12-08' }, REGISTERED))).toEqual(['child.dateOfBirth']);
    expect(fieldOf(() => registeredAge({ dateOfBirth: '2008-12-07' }, REGISTERED))).toEqual(['child.dateOfBirth']);
    expect(fieldOf(() => registeredAge({ dateOfBirth: '2008-12-08' }, REGISTERED))).toEqual([]);
    expect(fieldOf(() => registeredAge({ ageEstimate: { years: 17, basis: 'STATED_BY_CHILD', estimatedOn: '2025-11-01' } }, REGISTERED))).toEqual(['child.ageEstimate.estimatedOn']);
    expect(fieldOf(() => registeredAge({ dateOfBirth: '2015-01-01', ageEstimate: { years: 9, basis: 'APPEARANCE' } }, REGISTERED))).toEqual(['child.ageEstimate']);
    expect(fieldOf(() => registeredAge({ dateOfBirthBasis: 'BIRTH_CERTIFICATE', ageYears: 9 }, REGISTERED))).toEqual(['child.dateOfBirthBasis']);
  });

  it('reads the day the child turns 18 from the machine once an age determination has replaced the registered age', () => {
    const view = ageView({ estimate: { years: 10, basis: 'APPEARANCE', estimatedOn: '2026-12-07' } }, REGISTERED, { ageYears: 15, dateOfBirth: '2011-06-30' });
    expect(view).toMatchObject({ eighteenOn: '2029-06-30', fromDateOfBirth: false });
  });
});

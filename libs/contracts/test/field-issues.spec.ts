import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { describeIssues } from '../src/field-issues.js';

const registration = z.strictObject({
  track: z.enum(['CNCP', 'CICL']),
  name: z.string().min(1),
  ageYears: z.number().int().min(0).max(18),
  note: z.string().min(5).optional(),
  at: z.iso.datetime().optional(),
});
const issuesOf = (input: unknown) => describeIssues(registration.safeParse(input).error!.issues);

describe(describeIssues.name, () => {
  it('says a missing field is needed and a wrong option is to be chosen, naming the field in words, never the schema library’s message', () => {
    expect(issuesOf({})).toEqual([
      { field: 'track', key: 'error.oneOf', params: {}, message: 'Track: choose one of the options.' },
      { field: 'name', key: 'error.required', params: {}, message: 'Name: this is needed.' },
      { field: 'ageYears', key: 'error.required', params: {}, message: 'Age years: this is needed.' },
    ]);
  });

  it('gives the limits a message takes as values, and names each unknown field', () => {
    const issues = issuesOf({ track: 'CNCP', name: 'Asha', ageYears: 40, note: 'ab', at: 'yesterday', caste: 'x' });
    expect(issues.map(({ field, key, params }) => ({ field, key, params }))).toEqual([
      { field: 'ageYears', key: 'error.tooBig', params: { max: 18 } },
      { field: 'note', key: 'error.tooShort', params: { min: 5 } },
      { field: 'at', key: 'error.dateTime', params: {} },
      { field: 'caste', key: 'error.unknownField', params: {} },
    ]);
    expect(issues.map((i) => i.message).join(' ')).not.toMatch(/expected|received|Invalid|Unrecognized/);
  });

  it('names a path parameter by its own name, and keeps the words a schema’s own refinement chose', () => {
    const id = z.uuid();
    expect(describeIssues(id.safeParse('x').error!.issues, ['id'])[0]).toMatchObject({ field: 'id', key: 'error.format' });
    const period = z.object({ from: z.string(), to: z.string() }).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
    expect(describeIssues(period.safeParse({ from: 'b', to: 'a' }).error!.issues)).toEqual([{ field: 'from', key: 'error.invalid', params: {}, message: 'from must not be after to' }]);
    const keyed = z.object({ from: z.string(), to: z.string() }).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'], params: { key: 'error.periodOrder' } });
    expect(describeIssues(keyed.safeParse({ from: 'b', to: 'a' }).error!.issues)[0]).toMatchObject({ key: 'error.periodOrder', message: 'from must not be after to' });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { mapCiclChildRecord } from './porting-cicl.js';
import { legacySourceMapping, readLegacyExport } from './porting.js';

const mapping = legacySourceMapping.parse(JSON.parse(readFileSync(new URL('../../../porting/sources/observation-home-register.json', import.meta.url), 'utf8')));
const records = readLegacyExport(readFileSync(new URL('../../../porting/samples/observation-home-register-sample.csv', import.meta.url), 'utf8'), 'csv');
const ccis = [
  { bodyId: 'OH-RJ-JAIPUR', name: 'Government Observation Home, Jaipur', registrationNo: 'JJ/REG/RJ-JAIPUR/2022/OH-01', kind: 'OBSERVATION_HOME', districtCode: 'RJ-JAIPUR', stateCode: 'RJ' },
  { bodyId: 'SH-RJ-JAIPUR', name: 'Government Special Home, Jaipur', registrationNo: 'JJ/REG/RJ-JAIPUR/2022/SH-01', kind: 'SPECIAL_HOME', districtCode: 'RJ-JAIPUR', stateCode: 'RJ' },
  { bodyId: 'CCI-RJ-JAIPUR', name: "Government Children's Home, Jaipur", registrationNo: 'JJ/REG/RJ-JAIPUR/2023/01', kind: 'CHILDRENS_HOME', districtCode: 'RJ-JAIPUR', stateCode: 'RJ' },
];
const now = new Date('2026-12-06T12:00:00Z');
const map = (i: number, values: Record<string, string> = {}) => mapCiclChildRecord(mapping, { line: i + 2, values: { ...records[i]!.values, ...values } }, { ccis, now });
const names = records.map((r) => r.values['Name']!);

describe('an observation home’s record as a case before the JJB', () => {
  it('is the child, the home’s district and the JJB’s steps the record dates, in the machine’s order', () => {
    const inquiry = map(0);
    expect(inquiry.ok && inquiry.value).toMatchObject({ track: 'CICL', cci: { bodyId: 'OH-RJ-JAIPUR' }, child: { name: 'Rahul Saini', ageYears: 15 }, registeredAt: '2026-06-10T00:00:00+05:30' });
    expect(inquiry.ok && inquiry.value.history.map((e) => e.type)).toEqual(['PRODUCED_BEFORE_JJB', 'BAIL_DECIDED', 'SIR_SUBMITTED']);
    expect(inquiry.ok && inquiry.value.history[1]!.payload).toMatchObject({ granted: false, refusalGround: 'MORAL_PHYSICAL_OR_PSYCHOLOGICAL_DANGER', custody: 'OBSERVATION_HOME' });
    // Heinous at 17: the preliminary assessment (s.15) comes before the order placing the child in the special home.
    const ordered = map(1);
    expect(ordered.ok && ordered.value.history.map((e) => e.type)).toEqual(['PRODUCED_BEFORE_JJB', 'BAIL_DECIDED', 'SIR_SUBMITTED', 'PRELIMINARY_ASSESSMENT_COMPLETED', 'JJB_FINAL_ORDER_PASSED', 'ICP_PREPARED']);
    expect(ordered.ok && ordered.value.history[0]!.payload).toMatchObject({ offenceCategory: 'HEINOUS', ageAtOffence: 17 });
  });

  it('refuses what the Act or the machine would not take, naming the field and never the child', () => {
    const refused = [map(2), map(3), map(5), map(0, { 'Home Registration No': 'JJ/REG/RJ-JAIPUR/2023/01' }), map(1, { 'JJB Order': 'Community service' }), map(0, { 'Offence Category': '' }), map(0, { 'Produced Before JJB On': '01/06/2026' })];
    expect(refused).toMatchObject([
      { ok: false, problems: [{ field: 'jjbOrderedAt', column: 'JJB Order Date', message: expect.stringContaining('the case was then at “Preliminary assessment (heinous offence, 16–18)”') }] },
      { ok: false, problems: [{ field: 'bailRefusalGround', column: 'Ground of Refusal' }] },
      { ok: false, problems: [{ field: 'child.ageYears', message: expect.stringContaining('18 or more') }] },
      { ok: false, problems: [{ field: 'cci', message: 'Government Children\'s Home, Jaipur is not an observation home, special home or place of safety' }] },
      { ok: false, problems: [{ field: 'jjbOrder', message: expect.stringContaining('special home') }] },
      { ok: false, problems: [{ field: 'offenceCategory' }] },
      { ok: false, problems: [{ field: 'producedAt', message: 'the production before the JJB (01/06/2026) is dated before the apprehension (10/06/2026)' }] },
    ]);
    // s.74: a refusal is read by the office porting the register; it names the home and the dates, not the child.
    const messages = refused.flatMap((r) => (r.ok ? [] : r.problems.map((p) => p.message)));
    for (const name of names) expect(messages.join(' ')).not.toContain(name);
  });
});

import { describe, expect, it } from '@jest/globals';
import { legacySourceMapping, legacyTime, mapLegacyRecord, missingColumns, readLegacyExport } from './porting.js';

const places = {
  states: [{ code: 'RJ', name: 'Rajasthan' }, { code: 'MH', name: 'Maharashtra' }],
  districts: [{ code: 'RJ-JAIPUR', name: 'Jaipur', stateCode: 'RJ' }, { code: 'MH-PUNE', name: 'Pune', stateCode: 'MH' }, { code: 'MH-AURANGABAD', name: 'Aurangabad', stateCode: 'MH' }, { code: 'BR-AURANGABAD', name: 'Aurangabad', stateCode: 'BR' }],
};
const mapping = legacySourceMapping.parse({
  source: 'test',
  title: 'test register',
  fields: {
    recordId: { column: 'id' },
    kind: { column: 'type', values: { M: 'MISSING', F: 'FOUND' } },
    'child.name': { column: 'name' },
    'child.gender': { column: 'sex', values: { m: 'MALE', f: 'FEMALE' } },
    'child.ageYears': { column: 'age' },
    'guardian.father': { column: 'father' },
    occurredAt: { column: 'date', format: 'DD/MM/YYYY' },
    'place.state': { column: 'state' },
    'place.district': { column: 'district' },
  },
});
const record = (values: Record<string, string>) => ({ line: 2, values: { id: 'R1', type: 'M', name: 'Sunita', sex: 'F', age: '9-11', father: 'Ramesh', date: '14/03/2019', state: '', district: 'Jaipur', ...values } });

describe('mapping a legacy record onto a report', () => {
  it('fills the report a person would file: the kind, the child, the guardians, the date in the source’s clock and the district by name', () => {
    expect(mapLegacyRecord(mapping, record({}), places)).toEqual({
      ok: true,
      recordId: 'R1',
      kind: 'MISSING',
      body: { child: { name: 'Sunita', gender: 'FEMALE', ageYears: { min: 9, max: 11 }, guardians: [{ relation: 'FATHER', name: 'Ramesh' }] }, lastSeenAt: '2019-03-14T00:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' } },
    });
  });

  it('names the field and the source’s column of each problem, in words', () => {
    const mapped = mapLegacyRecord(mapping, record({ sex: 'girl', date: '30/02/2019', district: 'Jaipurr', id: '' }), places);
    expect(mapped.ok).toBe(false);
    expect(!mapped.ok && mapped.problems).toEqual(
      expect.arrayContaining([
        { field: 'child.gender', column: 'sex', message: '“girl” is not one of the values this source uses (m, f)' },
        { field: 'occurredAt', column: 'date', message: '“30/02/2019” is not a date written DD/MM/YYYY' },
        { field: 'place.district', column: 'district', message: 'no district is named “Jaipurr”' },
      ]),
    );
    expect(!mapped.ok && mapped.problems.map((p) => `${p.field} (${p.column})`).sort()).toEqual(['child.gender (sex)', 'occurredAt (date)', 'place.district (district)', 'recordId (id)']);
  });

  it('asks for the state when two districts share the name, and finds it with the state', () => {
    const both = mapLegacyRecord(mapping, record({ district: 'Aurangabad' }), places);
    expect(!both.ok && both.problems[0]?.message).toBe('more than one district is named “Aurangabad”; the record must name its state');
    expect(mapLegacyRecord(mapping, record({ district: 'Aurangabad', state: 'Maharashtra' }), places)).toMatchObject({ ok: true, body: { place: { districtCode: 'MH-AURANGABAD' } } });
  });

  it('refuses a date in the future as a filing would', () => {
    const mapped = mapLegacyRecord(mapping, record({ date: '01/01/2099' }), places, new Date('2026-12-06T00:00:00Z'));
    expect(!mapped.ok && mapped.problems).toEqual([{ field: 'occurredAt', column: 'date', message: '01/01/2099 is in the future' }]);
  });

  it('reads CSV and JSON exports, nested JSON keys dotted, and names the needed columns a file lacks', () => {
    expect(readLegacyExport('id,name\nR1,"Meena, Sunita"\n', 'csv')).toEqual([{ line: 2, values: { id: 'R1', name: 'Meena, Sunita' } }]);
    expect(readLegacyExport('{"records":[{"id":7,"child":{"name":"Rahul"}}]}', 'json')).toEqual([{ line: 1, values: { id: '7', 'child.name': 'Rahul' } }]);
    expect(missingColumns(mapping, ['id', 'name', 'date'])).toEqual(['type', 'district']);
  });

  it('reads dates as the source writes them, and refuses a day that does not exist', () => {
    expect(legacyTime('02/07/2019 18:30', 'DD/MM/YYYY', '+05:30')).toBe('2019-07-02T18:30:00+05:30');
    expect(legacyTime('2019-07-02', 'YYYY-MM-DD', '+05:30')).toBe('2019-07-02T00:00:00+05:30');
    expect(legacyTime('07/02/2019', 'MM/DD/YYYY', '+05:30')).toBe('2019-07-02T00:00:00+05:30');
    expect(legacyTime('31/04/2019', 'DD/MM/YYYY', '+05:30')).toBeNull();
    expect(legacyTime('2019/31/12', 'DD/MM/YYYY', '+05:30')).toBeNull();
  });
});

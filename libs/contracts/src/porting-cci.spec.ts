import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { mapCciChildRecord } from './porting-cci.js';
import { legacySourceMapping, readLegacyExport } from './porting.js';

const mapping = legacySourceMapping.parse(JSON.parse(readFileSync(new URL('../../../porting/sources/cci-register.json', import.meta.url), 'utf8')));
const [first] = readLegacyExport(readFileSync(new URL('../../../porting/samples/cci-register-sample.csv', import.meta.url), 'utf8'), 'csv');
const ccis = [{ bodyId: 'CCI-RJ-JAIPUR', name: "Government Children's Home, Jaipur", registrationNo: 'JJ/REG/RJ-JAIPUR/2023/01', kind: 'CHILDRENS_HOME', districtCode: 'RJ-JAIPUR', stateCode: 'RJ' }];
const now = new Date('2026-12-06T12:00:00Z');
const map = (values: Record<string, string>) => mapCciChildRecord(mapping, { line: 2, values: { ...first!.values, ...values } }, { ccis, now });

describe('a CCI register’s record as a case', () => {
  it('is the child, the home’s district and the history the record dates, in the machine’s order', () => {
    const mapped = map({});
    expect(mapped.ok && mapped.value).toMatchObject({ cci: { bodyId: 'CCI-RJ-JAIPUR' }, child: { name: 'Rekha Bairwa', gender: 'FEMALE', ageYears: 11 }, registeredAt: '2024-01-03T00:00:00+05:30' });
    expect(mapped.ok && mapped.value.history.map((e) => e.type)).toEqual(['PRODUCED_BEFORE_CWC', 'INTERIM_PLACEMENT_ORDERED', 'SIR_ORDERED', 'SIR_SUBMITTED', 'FINAL_ORDER_PASSED', 'ICP_PREPARED', 'ICP_REVIEWED']);
    // The home found by its registration number written another way, or by its code.
    expect(map({ 'CCI Registration No': 'jj/reg/rj-jaipur/2023/01 ' }).ok).toBe(true);
    expect(map({ 'CCI Registration No': 'CCI-RJ-JAIPUR' }).ok).toBe(true);
    // Restored from care needs the plan first; restored by the CWC's s.37 order itself does not.
    const restored = { 'Present Status': 'Restored', 'ICP Date': '', 'Last ICP Review': '', 'Restored On': '01/04/2024' };
    expect(map(restored)).toMatchObject({ ok: false, problems: [{ field: 'restoredAt', message: expect.stringContaining('“In care: Individual Care Plan to be prepared”') }] });
    const withOrder = legacySourceMapping.parse({ ...mapping, fields: { ...mapping.fields, cwcOrder: { column: 'CWC Order', values: { Restoration: 'RESTORATION' } } } });
    const byOrder = mapCciChildRecord(withOrder, { line: 2, values: { ...first!.values, ...restored, 'CWC Order': 'Restoration' } }, { ccis, now });
    expect(byOrder.ok && byOrder.value.history.map((e) => e.type).slice(-2)).toEqual(['FINAL_ORDER_PASSED', 'CHILD_RESTORED']);
  });

  it('refuses a step dated before the one it follows, a child in conflict with law, and a leave longer than s.98 allows, naming the field', () => {
    expect(map({ 'ICP Date': '01/02/2024' })).toMatchObject({ ok: false, problems: [{ field: 'icpPreparedAt', column: 'ICP Date', message: 'the Individual Care Plan (01/02/2024) is dated before the CWC’s order (20/02/2024)' }] });
    expect(map({ Category: 'CICL' })).toMatchObject({ ok: false, problems: [{ field: 'track', message: expect.stringContaining('observation-home-register') }] });
    expect(map({ 'Present Status': 'On Leave', 'Leave From': '01/12/2026', 'Leave Days': '20' })).toMatchObject({ ok: false, problems: [{ field: 'leaveFrom', message: expect.stringContaining('the leave of absence (01/12/2026) cannot be recorded') }] });
    expect(map({ 'Date of Birth': '01/01/2005' })).toMatchObject({ ok: false, problems: [{ field: 'child.dateOfBirth', message: expect.stringContaining('18 or more') }] });
    expect(map({ 'Last ICP Review': '10/09/2027' })).toMatchObject({ ok: false, problems: [{ field: 'icpReviewedAt', message: '10/09/2027 is in the future' }] });
  });

  it('reads a JSON export with the same mapping, its keys as the columns', () => {
    const records = readLegacyExport(readFileSync(new URL('../../../porting/samples/cci-register-sample.json', import.meta.url), 'utf8'), 'json');
    const pune = [{ bodyId: 'CCI-MH-PUNE', name: "Government Children's Home, Pune", registrationNo: 'JJ/REG/MH-PUNE/2023/01', kind: 'CHILDRENS_HOME', districtCode: 'MH-PUNE', stateCode: 'MH' }];
    const [sakshi, aditya] = records.map((r) => mapCciChildRecord(mapping, r, { ccis: pune, now }));
    expect(sakshi!.ok && sakshi!.value).toMatchObject({ cci: { districtCode: 'MH-PUNE' }, child: { name: 'Sakshi Jadhav', ageYears: 10 } });
    expect(aditya).toMatchObject({ ok: false, recordId: 'GCH-PUNE-2024-012', problems: [{ field: 'track', column: 'Category' }] });
  });
});

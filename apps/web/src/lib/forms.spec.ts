import { describe, expect, it } from '@jest/globals';
import { buildPayload, domainKey, eventFields, validatePayload } from './forms.js';
import { eventsOfState, sendableBy, stateLabel } from './case-stage.js';

describe('event forms from the machine', () => {
  it('asks for what production before the CWC needs (F.17), not the time or the type', () => {
    expect(eventFields('PRODUCED_BEFORE_CWC')).toEqual([
      { name: 'circumstance', required: true, kind: 'enum', options: ['ORPHAN', 'ABANDONED', 'SURRENDERED', 'LOST', 'RESCUED', 'RUNAWAY', 'OTHER'] },
      { name: 'producedBy', required: true, kind: 'text', long: false, minLength: 1 },
      { name: 'productionReportRef', required: false, kind: 'text', long: false, minLength: 1 },
    ]);
  });

  it('asks an order placing the child for the place from the registry, never for its name (the API writes it)', () => {
    const fields = eventFields('FINAL_ORDER_PASSED');
    expect(fields.find((f) => f.name === 'placeId')).toEqual({ name: 'placeId', required: false, kind: 'place' });
    expect(fields.map((f) => f.name)).not.toContain('placeName');
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['overCapacityReason', 'outOfDistrictReason']));
  });

  it('builds a payload the schema accepts, leaving out empty optional fields', () => {
    const fields = eventFields('PRODUCED_BEFORE_CWC');
    const payload = buildPayload(fields, { circumstance: 'LOST', producedBy: ' SJPU Jaipur ', productionReportRef: '' });
    expect(payload).toEqual({ circumstance: 'LOST', producedBy: 'SJPU Jaipur' });
    expect(validatePayload('PRODUCED_BEFORE_CWC', payload)).toEqual({});
  });

  it('names the field the schema refuses', () => {
    const errors = validatePayload('FINAL_ORDER_PASSED', buildPayload(eventFields('FINAL_ORDER_PASSED'), { order: 'RESTORATION', reasons: 'short', orderRef: 'F/1' }));
    expect(Object.keys(errors)).toEqual(['reasons']);
  });

  it('asks a care plan for a goal in every domain, and reads numbers and yes/no as such', () => {
    const icp = eventFields('ICP_PREPARED');
    const goals = icp.find((f) => f.name === 'goals');
    expect(goals).toMatchObject({ kind: 'perDomain', entry: 'goal', domains: ['HEALTH', 'EDUCATION', 'EMOTIONAL', 'FAMILY_CONTACT', 'SKILLS'] });
    const values = Object.fromEntries(['HEALTH', 'EDUCATION', 'EMOTIONAL', 'FAMILY_CONTACT', 'SKILLS'].map((d) => [domainKey('goals', d), `goal for ${d}`]));
    expect(validatePayload('ICP_PREPARED', buildPayload(icp, { ...values, icpRef: 'ICP/1' }))).toEqual({});
    expect(Object.keys(validatePayload('ICP_PREPARED', buildPayload(icp, { icpRef: 'ICP/1', [domainKey('goals', 'HEALTH')]: 'eat well' })))).toEqual(['goals']);
    const bail = eventFields('BAIL_DECIDED');
    expect(buildPayload(bail, { granted: 'false', reasons: '' })).toEqual({ granted: false });
    expect(buildPayload(eventFields('LEGALLY_FREE_DECLARED'), { membersSigning: '3' })).toEqual({ membersSigning: 3 });
  });

  it('builds a form for every event a person can send', async () => {
    const { CASE_EVENT_TYPES } = await import('@raksha/case-machine');
    for (const type of CASE_EVENT_TYPES) expect(Array.isArray(eventFields(type))).toBe(true);
  });
});

describe('case stage', () => {
  it('words the state and offers a CWC member production, but not a police officer', () => {
    expect(stateLabel('cncp.awaitingProduction')).toBe('Found or rescued: to be produced before the CWC');
    const events = eventsOfState('cncp.awaitingProduction');
    expect(events).toEqual(expect.arrayContaining(['PRODUCED_BEFORE_CWC', 'WAIVE_DEADLINE', 'CLOSE_CASE']));
    expect(sendableBy(events, ['CWC_MEMBER'], 'CWC')).toContain('PRODUCED_BEFORE_CWC');
    expect(sendableBy(events, ['SJPU_OFFICER'], 'SJPU')).not.toContain('PRODUCED_BEFORE_CWC');
  });
});

import { describe, expect, it } from '@jest/globals';
import type { RakshaConfig } from '@raksha/config';
import type { BodyRepository, GeographyRepository, InterventionRepository } from '@raksha/db';
import { fakeTemporal, people, problemOf } from '@raksha/api/test/fakes';
import { AccessPolicy } from '../auth/access.policy.js';
import type { EscalationsService } from '../escalations/escalations.service.js';
import type { DeadlinePolicyService } from '../policy/deadline-policy.service.js';
import { helplineCallerOf, InterventionsService } from './interventions.service.js';

const national = { level: 'NATIONAL' as const, stateCode: null, districtCode: null, thanaCode: null };
const rescued = { id: 'iv-1', stateCode: 'RJ', districtCode: 'RJ-JAIPUR', status: 'RESCUED', firstCalledAt: new Date('2026-12-06T08:00:00Z') };

/** The service over fakes that record what was written: nothing, for every refusal below. */
function sut(row: object | null = rescued) {
  const written: string[] = [];
  const interventions = {
    findCall: async () => null,
    findById: async () => row,
    underWay: async () => [],
    open: async () => void written.push('open'),
    join: async () => void written.push('join'),
  } as unknown as InterventionRepository;
  const geography = { findDistrict: async (code: string) => (code === 'RJ-JAIPUR' ? { code, name: 'Jaipur', stateCode: 'RJ' } : null), findLocalPlaces: async () => [] } as unknown as GeographyRepository;
  const temporal = fakeTemporal();
  const service = new InterventionsService({ temporal: { taskQueue: 'q' } } as RakshaConfig, temporal.client, interventions, geography, {} as BodyRepository, {} as EscalationsService, new AccessPolicy(), {} as DeadlinePolicyService);
  return { service, written, updates: temporal.updates };
}

const call = (place: Record<string, unknown>) => ({ callId: 'C-1', calledAt: '2026-12-06T08:00:00Z', place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', ...place }, callerRelation: 'NEIGHBOUR' as const, child: { description: 'a girl crying' }, distress: 'LOST' as const });

describe(InterventionsService.name, () => {
  it('takes calls only from a helpline system, named by its client kind', async () => {
    expect(helplineCallerOf({ kind: 'HELPLINE_112', jurisdiction: national }).helpline).toBe('112');
    expect(await problemOf(Promise.resolve().then(() => helplineCallerOf({ kind: 'STATE_SYSTEM', jurisdiction: national })))).toMatchObject({ type: 'forbidden', status: 403 });
  });

  it('refuses an unknown district, or one of another state, naming the field, and writes nothing', async () => {
    const { service, written } = sut();
    expect(await problemOf(service.receiveCall({ helpline: '1098', jurisdiction: national }, call({ districtCode: 'RJ-NOWHERE' })))).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'place.districtCode' })] });
    expect(await problemOf(service.receiveCall({ helpline: '1098', jurisdiction: national }, call({ stateCode: 'MH' })))).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'place.stateCode' })] });
    expect(written).toEqual([]);
  });

  it('answers 404 for a district outside a state helpline’s jurisdiction', async () => {
    const { service, written } = sut();
    const maharashtra = { level: 'STATE' as const, stateCode: 'MH', districtCode: null, thanaCode: null };
    expect(await problemOf(service.receiveCall({ helpline: '112', jurisdiction: maharashtra }, call({})))).toMatchObject({ type: 'district-not-found', status: 404 });
    expect(written).toEqual([]);
  });

  it('refuses a second rescue from the row (409) without asking the ended workflow', async () => {
    const { service, updates } = sut();
    expect(await problemOf(service.rescued(people.dcpuJaipur, 'iv-1', { child: {} }))).toMatchObject({ type: 'intervention-action-not-allowed', status: 409 });
    expect(updates).toEqual([]);
  });

  it('answers 404 for an intervention of another district', async () => {
    const { service } = sut();
    expect(await problemOf(service.get(people.dcpuPune, 'iv-1'))).toMatchObject({ type: 'intervention-not-found', status: 404 });
  });
});

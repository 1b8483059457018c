import { beforeEach, describe, expect, it } from '@jest/globals';
import type { BodyRosterRecord, BodyRosterRepository, InstitutionRepository } from '@raksha/db';
import { people, problemOf } from '@raksha/api/test/fakes';
import { BodiesService } from './bodies.service.js';
import type { ReplaceMembersBody } from '@raksha/contracts';

const roster = (id: string, type: string, districtCode: string | null): BodyRosterRecord =>
  ({ id, type, name: id, level: districtCode ? 'DISTRICT' : 'STATE', stateCode: 'RJ', districtCode, thanaCode: null, address: null, phone: null, sittingDays: [], members: [], deactivatedAt: null, version: 2 }) as BodyRosterRecord;

const member = (designation: ReplaceMembersBody['members'][number]['designation'], name: string) => ({ name, designation, termFrom: '2026-01-01' });

describe(BodiesService.name, () => {
  let sut: BodiesService;
  let bodies: Map<string, BodyRosterRecord>;

  beforeEach(() => {
    bodies = new Map([roster('CWC-RJ-JAIPUR', 'CWC', 'RJ-JAIPUR'), roster('DCPU-RJ-JAIPUR', 'DCPU', 'RJ-JAIPUR'), roster('SCPS-RJ', 'SCPS', null)].map((b) => [b.id, b]));
    const replace = (key: 'members' | 'sittingDays') => async (id: string, expectedVersion: number | undefined, value: unknown) => {
      const before = bodies.get(id);
      if (!before) return { ok: false, reason: 'NOT_FOUND' };
      if (expectedVersion !== undefined && expectedVersion !== before.version) return { ok: false, reason: 'STALE_VERSION', version: before.version };
      const after = { ...before, [key]: value, version: before.version + 1 };
      bodies.set(id, after);
      return { ok: true, before, after };
    };
    const repository = { findById: async (id: string) => bodies.get(id) ?? null, seatableAccounts: async () => [], replaceMembers: replace('members'), replaceSittingDays: replace('sittingDays') } as unknown as BodyRosterRepository;
    sut = new BodiesService(repository, {} as InstitutionRepository);
  });

  it('lets the DCPU of the district name the CWC’s members, the Chairperson first', async () => {
    const view = await sut.replaceMembers(people.dcpuJaipur, 'CWC-RJ-JAIPUR', 2, { members: [member('MEMBER', 'B'), member('CHAIRPERSON', 'A')] });
    expect(view.members.map((m) => m.name)).toEqual(['A', 'B']);
    expect(view.version).toBe(3);
  });

  it('refuses more members of a designation than the Act gives seats for, naming the field', async () => {
    const members = Array.from({ length: 2 }, (_, i) => member('CHAIRPERSON', `C${i}`));
    expect(await problemOf(sut.replaceMembers(people.dcpuJaipur, 'CWC-RJ-JAIPUR', 2, { members }))).toMatchObject({ status: 400, errors: [{ field: 'members', message: 'a CWC has 1 CHAIRPERSON seat, not 2' }] });
  });

  it('answers a change at an old version with the version to read instead, as for an institution', async () => {
    expect(await problemOf(sut.replaceSittingDays(people.scpsRajasthan, 'CWC-RJ-JAIPUR', 1, { sittingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }))).toEqual({
      type: 'stale-version',
      status: 409,
      title: 'The record changed since you read it; read it again and retry',
      detail: 'If-Match "1" but the record is at version "2"',
      currentVersion: 2,
    });
  });

  it('refuses a CWC fewer than five sitting days a week, below the 20 a month s.28(1) requires', async () => {
    expect(await problemOf(sut.replaceSittingDays(people.scpsRajasthan, 'CWC-RJ-JAIPUR', 2, { sittingDays: ['MON', 'THU'] }))).toMatchObject({
      status: 400,
      errors: [{ field: 'sittingDays', message: expect.stringContaining('at least 5 days of the week') }],
    });
  });

  it('keeps members and sitting days to a CWC or JJB', async () => {
    expect(await problemOf(sut.replaceSittingDays(people.scpsRajasthan, 'DCPU-RJ-JAIPUR', 2, { sittingDays: ['MON'] }))).toMatchObject({
      status: 400,
      errors: [{ field: 'id', message: 'DCPU-RJ-JAIPUR is a DCPU; only a CWC or JJB has members and sitting days' }],
    });
  });

  it('does not tell the SCPS of another state that the body exists', async () => {
    expect(await problemOf(sut.get(people.scpsMaharashtra, 'CWC-RJ-JAIPUR'))).toMatchObject({ type: 'body-not-found', status: 404, title: 'No such body in your jurisdiction' });
  });
});

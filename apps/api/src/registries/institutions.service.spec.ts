import { beforeEach, describe, expect, it } from '@jest/globals';
import type { GeographyRepository, InstitutionChanges, InstitutionRecord, InstitutionRepository, NewInstitution } from '@raksha/db';
import { people, problemOf } from '@raksha/api/test/fakes';
import { AccessPolicy } from '../auth/access.policy.js';
import type { RegistrationWatch } from './registration-watch.js';
import { InstitutionsService } from './institutions.service.js';

/** The repository's rules in memory: ids are unique, a change applies only at the version read. */
function institutionsInMemory() {
  const rows = new Map<string, InstitutionRecord>();
  return {
    rows,
    async findById(id: string) {
      return rows.get(id) ?? null;
    },
    async create(institutions: NewInstitution[]) {
      const taken = institutions.filter((i) => rows.has(i.id)).map((i) => i.id);
      if (taken.length) return { ok: false, reason: 'DUPLICATE_ID', ids: taken };
      const created = institutions.map((i) => ({ ...i, type: 'CCI', level: 'DISTRICT', version: 0 }));
      for (const r of created) rows.set(r.id, r);
      return { ok: true, created };
    },
    async update(id: string, expectedVersion: number, changes: InstitutionChanges) {
      const before = rows.get(id);
      if (!before) return { ok: false, reason: 'NOT_FOUND' };
      if (before.version !== expectedVersion) return { ok: false, reason: 'STALE_VERSION', version: before.version };
      const after = { ...before, ...changes, version: before.version + 1 };
      rows.set(id, after);
      return { ok: true, before, after };
    },
  };
}

const home = { id: 'CCI-RJ-JAIPUR-ASHA', name: 'Asha Children’s Home', districtCode: 'RJ-JAIPUR', kind: 'CHILDRENS_HOME' as const, management: 'NGO' as const };

describe(InstitutionsService.name, () => {
  let sut: InstitutionsService;
  let institutions: ReturnType<typeof institutionsInMemory>;
  let told: string[];

  beforeEach(() => {
    institutions = institutionsInMemory();
    told = [];
    const geography = { findDistrict: async (code: string) => ({ 'RJ-JAIPUR': { code, stateCode: 'RJ' }, 'MH-PUNE': { code, stateCode: 'MH' } })[code] ?? null } as unknown as GeographyRepository;
    const watch = { tell: async (records: InstitutionRecord[]) => void told.push(...records.map((r) => r.id)) } as unknown as RegistrationWatch;
    sut = new InstitutionsService(institutions as unknown as InstitutionRepository, geography, new AccessPolicy(), watch);
  });

  it('lets the SCPS register an institution in any district of its state, and tells its registration watch', async () => {
    const created = await sut.create(people.scpsRajasthan, { ...home, registration: { no: 'RJ/1', from: '2026-01-01', until: '2030-12-31' } });
    expect(created).toMatchObject({ id: home.id, version: 0 });
    expect(told).toEqual([home.id]);
  });

  it('refuses a district of another state with 403 in plain words', async () => {
    expect(await problemOf(sut.create(people.scpsMaharashtra, home))).toEqual({
      type: 'forbidden',
      status: 403,
      title: 'Your role may not do this',
      detail: 'district RJ-JAIPUR is outside your jurisdiction',
    });
  });

  it('refuses an id already taken with 409 naming the id', async () => {
    await sut.create(people.dcpuJaipur, home);
    expect(await problemOf(sut.create(people.dcpuJaipur, home))).toMatchObject({ type: 'institution-exists', status: 409, title: 'A body with this id exists already', id: home.id });
  });

  it('changes an institution only with If-Match: 428 without it', async () => {
    await sut.create(people.dcpuJaipur, home);
    expect(await problemOf(sut.update(people.dcpuJaipur, home.id, undefined, { name: 'Renamed' }))).toMatchObject({ type: 'precondition-required', status: 428, title: 'Send If-Match with the ETag you read' });
    expect(institutions.rows.get(home.id)?.name).toBe(home.name);
  });

  it('refuses a change at a version someone else changed since, with the version to read instead', async () => {
    await sut.create(people.dcpuJaipur, home);
    await sut.update(people.dcpuJaipur, home.id, 0, { name: 'Renamed' });
    expect(await problemOf(sut.update(people.scpsRajasthan, home.id, 0, { name: 'Renamed again' }))).toEqual({
      type: 'stale-version',
      status: 409,
      title: 'The record changed since you read it; read it again and retry',
      detail: 'If-Match "0" but the record is at version "1"',
      currentVersion: 1,
    });
    expect(institutions.rows.get(home.id)?.name).toBe('Renamed');
  });

  it('does not tell a CWC member of Pune that a Jaipur institution exists', async () => {
    await sut.create(people.dcpuJaipur, home);
    expect(await problemOf(sut.get(people.cwcPune, home.id))).toMatchObject({ type: 'institution-not-found', status: 404, title: 'No such institution in your jurisdiction' });
  });
});

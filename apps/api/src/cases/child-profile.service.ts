import { Injectable } from '@nestjs/common';
import type { ChildAddressBody, ChildProfileBody, ChildProfileRecord, ChildProfileVersionView, ChildProfileView } from '@raksha/contracts';
import { ChildProfileRepository, GeographyRepository, UserRepository } from '@raksha/db';
import { can, type Principal } from '../auth/principal.js';
import { forbidden, staleRecord } from '../problem/domain-errors.js';
import { ageView } from './child-age.js';
import { ChildProfileRecorder, PROFILE_FIELDS, profileFieldsOf } from './child-profile.recorder.js';
import { CasesService } from './cases.service.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The child's profile on a case (Form 17, R.18(2); Form 22): recorded at registration, changed as a whole with a
 * reason, each change a sealed version on the case's audit chain; read by whoever may read the case, each read
 * audited as the case's are. The age is the registration's; after it, only an age determination (s.94) changes it.
 */
@Injectable()
export class ChildProfileService {
  constructor(
    private readonly profiles: ChildProfileRepository,
    private readonly recorder: ChildProfileRecorder,
    private readonly cases: CasesService,
    private readonly geography: GeographyRepository,
    private readonly users: UserRepository,
  ) {}

  async get(principal: Principal, caseId: string): Promise<ChildProfileView> {
    const c = await this.cases.visible(principal, caseId);
    await this.cases.auditRead(principal, c.id, 'case.child-profile.read');
    return this.view(c);
  }

  async versions(principal: Principal, caseId: string): Promise<ChildProfileVersionView[]> {
    const c = await this.cases.visible(principal, caseId);
    await this.cases.auditRead(principal, c.id, 'case.child-profile.versions.read');
    const rows = await this.profiles.versions(c.id);
    const people = new Map((await Promise.all([...new Set(rows.map((r) => r.changedBy))].map((id) => this.users.findById(id).catch(() => null)))).flatMap((u) => (u ? [[u.id, u.displayName] as const] : [])));
    return rows.map((r) => ({ version: r.version, changedFields: r.changedFields, reason: r.reason, changedBy: { id: r.changedBy, role: r.changedRole, displayName: people.get(r.changedBy) ?? null }, changedAt: r.changedAt.toISOString() }));
  }

  /** The whole profile as it should now read; a new version only when something changed. */
  async update(principal: Principal, caseId: string, body: ChildProfileBody, expectedVersion?: number): Promise<ChildProfileView> {
    if (!can(principal, 'case:event')) throw forbidden('your role may not change a child’s record');
    const c = await this.cases.visible(principal, caseId);
    if (expectedVersion !== undefined && expectedVersion !== c.profileVersion) throw staleRecord(expectedVersion, c.profileVersion);
    await this.recorder.check(body, '');
    const { reason, ...fields } = body;
    const before = await this.profiles.current(c.id);
    const previous = (before?.profile ?? { ...(c.childName && { name: c.childName }), age: {} }) as ChildProfileRecord;
    const next: ChildProfileRecord = { ...profileFieldsOf(fields), age: previous.age } as ChildProfileRecord;
    const changed = PROFILE_FIELDS.filter((f) => !same(previous[f], next[f]));
    if (changed.length > 0) {
      const version = c.profileVersion + 1;
      const written = await this.recorder.write(principal, { caseId: c.id, version, profile: next, changedFields: changed, reason, at: new Date() }, 'case.child-profile.changed');
      if (!written) throw staleRecord(c.profileVersion, c.profileVersion + 1);
    }
    await this.cases.auditRead(principal, c.id, 'case.child-profile.read');
    return this.view((await this.cases.visible(principal, c.id)) ?? c);
  }

  private async view(c: Awaited<ReturnType<CasesService['visible']>>): Promise<ChildProfileView> {
    const stored = await this.profiles.current(c.id);
    // A case registered before profiles were kept: its name, and the age its workflow holds.
    const p = (stored?.profile ?? { ...(c.childName && { name: c.childName }), age: {} }) as ChildProfileRecord;
    const machine = await this.cases.machineContextIfPrompt(c.id);
    const a = p.address;
    const names = a ? await this.placeNames(a) : null;
    return {
      caseId: c.id,
      version: stored?.version ?? 0,
      name: p.name ?? null,
      aliases: p.aliases ?? [],
      gender: p.gender ?? null,
      age: ageView(p.age, c.registeredAt, machine?.child),
      languages: p.languages ?? [],
      identificationMarks: p.identificationMarks ?? [],
      guardians: p.guardians ?? [],
      address: a && names ? { ...a, names } : null,
      school: p.school ?? null,
      disability: p.disability ?? null,
      circumstancesOfFinding: p.circumstancesOfFinding ?? null,
      photo: p.photo ?? null,
      updatedAt: (stored?.changedAt ?? c.registeredAt).toISOString(),
    };
  }

  private async placeNames(a: ChildAddressBody) {
    const codes = [a.thanaCode, a.blockCode, a.villageCode].filter((x): x is string => !!x);
    const found = new Map((codes.length ? await this.geography.findLocalPlaces(codes) : []).map((p) => [p.code, p.name]));
    const nameOf = (code: string | undefined) => (code ? (found.get(code) ?? null) : null);
    return { district: (await this.geography.findDistrict(a.districtCode))?.name ?? null, thana: nameOf(a.thanaCode), block: nameOf(a.blockCode), village: nameOf(a.villageCode) };
  }
}

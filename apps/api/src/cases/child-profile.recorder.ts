import { Injectable } from '@nestjs/common';
import type { ChildAddressBody, ChildAgeRecord, ChildProfileRecord, RegisterChildBody } from '@raksha/contracts';
import { type AuditRecord, ChildProfileRepository, GeographyRepository } from '@raksha/db';
import { nameSearchKeys } from '@raksha/matching';
import { auditedAction, type Principal } from '../auth/principal.js';
import { checkLocalPlaces } from '../places/local-place-check.js';
import { invalidField } from '../problem/domain-errors.js';

/** The profile's fields other than the age, in the order a change lists them. */
export const PROFILE_FIELDS = ['name', 'aliases', 'gender', 'languages', 'identificationMarks', 'guardians', 'address', 'school', 'disability', 'circumstancesOfFinding', 'photo'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The first bytes of each photograph type the API takes: a file is what it claims to be. */
const PHOTO_SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export const profileFieldsOf = (p: Partial<Record<ProfileField, unknown>>): Partial<Record<ProfileField, unknown>> => Object.fromEntries(PROFILE_FIELDS.filter((f) => p[f] !== undefined).map((f) => [f, p[f]]));

/** Checks and writes versions of a child's profile: the registration's (CasesService) and later ones (ChildProfileService). */
@Injectable()
export class ChildProfileRecorder {
  constructor(
    private readonly profiles: ChildProfileRepository,
    private readonly geography: GeographyRepository,
  ) {}

  /** Checks the profile's address and photograph before anything is stored; `prefix` names the body's field ("child."). */
  async check(profile: Pick<RegisterChildBody, 'address' | 'photo'>, prefix: string): Promise<void> {
    if (profile.address) await this.checkAddress(profile.address, `${prefix}address.`);
    if (profile.photo && !PHOTO_SIGNATURES[profile.photo.contentType]!(Buffer.from(profile.photo.base64, 'base64'))) {
      throw invalidField(`${prefix}photo.base64`, `the file is not a ${profile.photo.contentType.replace('image/', '').toUpperCase()} photograph`);
    }
  }

  /** Version 1, with the registration; a retried registration finds it written and writes nothing. */
  async recordRegistration(principal: Principal, caseId: string, child: RegisterChildBody, age: ChildAgeRecord, at: Date): Promise<void> {
    const fields = profileFieldsOf(child);
    await this.write(principal, { caseId, version: 1, profile: { ...fields, age } as ChildProfileRecord, changedFields: Object.keys(fields), reason: null, at }, 'case.child-profile.recorded');
  }

  /** False when another change took this version first. */
  write(principal: Principal, v: { caseId: string; version: number; profile: ChildProfileRecord; changedFields: string[]; reason: string | null; at: Date }, action: string): Promise<boolean> {
    return this.profiles.add(
      { caseId: v.caseId, version: v.version, profile: v.profile, changedFields: v.changedFields, reason: v.reason, changedBy: principal.userId, changedRole: principal.roles.join(','), changedAt: v.at, ...this.searchable(v.profile) },
      auditedAction(principal, action, { version: v.version, fields: v.changedFields }) as Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId' | 'at'>,
    );
  }

  private searchable(p: ChildProfileRecord) {
    return {
      childName: p.name ?? null,
      nameKeys: nameSearchKeys([...(p.name ? [p.name] : []), ...(p.aliases ?? [])]),
      guardianKeys: nameSearchKeys((p.guardians ?? []).map((g) => g.name)),
    };
  }

  private async checkAddress(address: ChildAddressBody, prefix: string): Promise<void> {
    const district = await this.geography.findDistrict(address.districtCode);
    if (!district) throw invalidField(`${prefix}districtCode`, `no district has the code ${address.districtCode}`);
    await checkLocalPlaces(this.geography, district, address, prefix);
  }
}

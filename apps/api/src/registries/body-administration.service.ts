import { Injectable } from '@nestjs/common';
import { BodyRosterRepository, GeographyRepository, type BodyRosterRecord, type ChangeOutcome } from '@raksha/db';
import { administers, BODY_LEVEL, mayAdministerBody, type BodyType } from '@raksha/domain';
import type { AdministeredBodyView, CreateBodyBody, UpdateBodyBody } from '@raksha/contracts';
import type { Principal } from '../auth/principal.js';
import { bodyExists, forbidden, invalidField, notFound, problem, staleRecord } from '../problem/domain-errors.js';
import { registryChange } from './registry-change.js';

/** Kinds of body several of which serve one district, each by its own code (a station's, a block's, a village's). */
const OWN_CODE: readonly BodyType[] = ['POLICE_STATION', 'BCPC', 'VCPC'];

export const administeredView = (b: BodyRosterRecord): AdministeredBodyView => ({
  id: b.id,
  type: b.type,
  name: b.name,
  level: b.level,
  stateCode: b.stateCode,
  districtCode: b.districtCode,
  thanaCode: b.thanaCode,
  address: b.address,
  phone: b.phone,
  deactivatedAt: b.deactivatedAt,
  version: b.version,
});

/**
 * Administrators create, edit and deactivate the bodies of their jurisdiction, of the kinds libs/domain's
 * ADMINISTRATION gives their role; every change is versioned and audited in the body's registry chain.
 */
@Injectable()
export class BodyAdministrationService {
  constructor(
    private readonly bodies: BodyRosterRepository,
    private readonly geography: GeographyRepository,
  ) {}

  async create(principal: Principal, input: CreateBodyBody): Promise<AdministeredBodyView> {
    const type = input.type;
    if (type === 'CCI') throw invalidField('type', 'a child care institution is registered at /institutions, with its s.41 registration and capacity');
    if (!mayAdministerBody(principal.roles, type)) throw forbidden(`${principal.roles.join(', ')} may not create a ${type}`);
    const level = BODY_LEVEL[type];
    const place = await this.place(level, input);
    // As for a new institution: a place outside one's jurisdiction is refused, not hidden (the geography is public).
    if (!principal.body || !administers(principal.body, place)) throw forbidden(`${place.districtCode ?? place.stateCode ?? 'the nation'} is outside your jurisdiction`);
    const ownCode = OWN_CODE.includes(type) ? this.ownCode(type, place.districtCode!, input.code) : null;
    if (type === 'POLICE_STATION') await this.stationPlace(ownCode!, place.districtCode!);
    // <TYPE>-<its place>[-<code>], as the demo seed names them: CWC-AS-KAMRUP, POLICE_STATION-AS-KAMRUP-PS-01, SCPS-AS.
    const id = [type, ownCode ?? place.districtCode ?? place.stateCode, ownCode ? null : input.code].filter(Boolean).join('-');
    const created = await this.bodies.create(
      {
        id,
        type,
        name: input.name,
        level,
        stateCode: place.stateCode,
        districtCode: place.districtCode,
        thanaCode: type === 'POLICE_STATION' ? ownCode : null,
        address: input.address ?? null,
        phone: input.phone ?? null,
      },
      registryChange(principal, 'body.created'),
    );
    if (!created) throw bodyExists(id);
    return administeredView(created);
  }

  async update(principal: Principal, id: string, expectedVersion: number | undefined, changes: UpdateBodyBody): Promise<AdministeredBodyView> {
    await this.administered(principal, id);
    return this.applied(id, expectedVersion, await this.bodies.update(id, expectedVersion, changes, registryChange(principal, 'body.updated')));
  }

  /** A body with nobody left in it is deactivated: it keeps its record, members and history. */
  async deactivate(principal: Principal, id: string, expectedVersion: number | undefined): Promise<AdministeredBodyView> {
    const target = await this.administered(principal, id);
    if (target.deactivatedAt) return administeredView(target);
    const people = await this.bodies.activePeople(id);
    if (people > 0) throw problem('body-in-use', `${people} ${people === 1 ? 'person belongs' : 'people belong'} to ${id}; move or deactivate them first`, { people });
    return this.applied(id, expectedVersion, await this.bodies.deactivate(id, expectedVersion, new Date(), registryChange(principal, 'body.deactivated')));
  }

  /** A station's, block's or village's code within its district: given, and prefixed with the district's. */
  private ownCode(type: BodyType, districtCode: string, code: string | undefined): string {
    if (!code) throw invalidField('code', `a ${type} needs its own code (LGD-style): several serve one district`);
    return code.startsWith(`${districtCode}-`) ? code : `${districtCode}-${code}`;
  }

  /**
   * A police station body is its thana's: the code must be a police station imported for the district (POST
   * /places/import), which the station's cases and reports then name.
   */
  private async stationPlace(thanaCode: string, districtCode: string): Promise<void> {
    const [found] = await this.geography.findLocalPlaces([thanaCode]);
    if (!found || found.kind !== 'POLICE_STATION' || found.districtCode !== districtCode) {
      throw invalidField('code', `no police station of ${districtCode} has the code ${thanaCode}: import the district's police stations first (POST /places/import)`);
    }
  }

  /** The place a new body of this level serves, checked against the geography. */
  private async place(level: string, input: CreateBodyBody): Promise<{ stateCode: string | null; districtCode: string | null }> {
    if (level === 'NATIONAL') return { stateCode: null, districtCode: null };
    if (level === 'STATE') {
      if (!input.stateCode) throw invalidField('stateCode', `a ${input.type} serves a state: give its code`);
      if (!(await this.geography.findState(input.stateCode))) throw invalidField('stateCode', `no state or union territory has the code ${input.stateCode}`);
      return { stateCode: input.stateCode, districtCode: null };
    }
    if (!input.districtCode) throw invalidField('districtCode', `a ${input.type} serves a district: give its code`);
    const district = await this.geography.findDistrict(input.districtCode);
    if (!district) throw invalidField('districtCode', `no district has the code ${input.districtCode}`);
    if (input.stateCode && input.stateCode !== district.stateCode) throw invalidField('stateCode', `${input.districtCode} is in ${district.stateCode}, not ${input.stateCode}`);
    return { stateCode: district.stateCode, districtCode: district.code };
  }

  /** A body the principal administers: of a kind their role keeps, inside their jurisdiction (else 404). */
  private async administered(principal: Principal, id: string): Promise<BodyRosterRecord> {
    const found = await this.bodies.findById(id);
    if (!found || !principal.body || !administers(principal.body, found)) throw notFound('body', id);
    if (!mayAdministerBody(principal.roles, found.type as BodyType)) throw forbidden(`${principal.roles.join(', ')} may not change a ${found.type}`);
    return found;
  }

  private applied(id: string, expectedVersion: number | undefined, outcome: ChangeOutcome<BodyRosterRecord>): AdministeredBodyView {
    if (outcome.ok) return administeredView(outcome.after);
    if (outcome.reason === 'NOT_FOUND') throw notFound('body', id);
    throw staleRecord(expectedVersion ?? 0, outcome.version);
  }
}

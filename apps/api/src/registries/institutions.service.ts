import { Injectable } from '@nestjs/common';
import { GeographyRepository, InstitutionRepository, type InstitutionChanges, type InstitutionRecord } from '@raksha/db';
import { AccessPolicy } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { forbidden, invalidField, notFound, problem, staleRecord } from '../problem/domain-errors.js';
import { institutionView, newInstitution } from './institution-records.js';
import { encodeIdCursor, type CreateInstitutionBody, type InstitutionListQuery, type InstitutionView, type Page, type RegistryHistoryEntry, type UpdateInstitutionBody } from '@raksha/contracts';
import { RegistrationWatch } from './registration-watch.js';
import { registryChange, toHistory } from './registry-change.js';
import { dayInIndia } from '@raksha/domain';


/** Child care institutions: who may see and change which, s.41 registration status, audited changes. */
@Injectable()
export class InstitutionsService {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly geography: GeographyRepository,
    private readonly access: AccessPolicy,
    private readonly watch: RegistrationWatch,
  ) {}

  async list(principal: Principal, q: InstitutionListQuery): Promise<Page<InstitutionView>> {
    const scope = this.access.scope(principal);
    const none = { items: [], nextCursor: null };
    if (scope === 'nothing') return none;
    // A filter outside the principal's jurisdiction finds nothing, rather than telling what exists there.
    if (scope.stateCode !== undefined && q.stateCode !== undefined && q.stateCode !== scope.stateCode) return none;
    if (scope.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== scope.districtCode) return none;
    const rows = await this.institutions.list({
      stateCode: scope.stateCode ?? q.stateCode,
      districtCode: scope.districtCode ?? q.districtCode,
      ...(q.kind && { kind: q.kind }),
      ...(q.management && { management: q.management }),
      ...(q.registrationExpiringBefore && { registeredUntilBefore: q.registrationExpiringBefore }),
      ...(q.cursor && { afterId: q.cursor }),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const today = dayInIndia();
    return { items: page.map((r) => institutionView(r, today)), nextCursor: rows.length > q.limit ? encodeIdCursor(page[page.length - 1]!.id) : null };
  }

  async get(principal: Principal, id: string): Promise<InstitutionView> {
    return institutionView(await this.visible(principal, id));
  }

  /** An SCPS creates in any district of its state, a DCPU in its own district; elsewhere is 403. */
  async create(principal: Principal, body: CreateInstitutionBody): Promise<InstitutionView> {
    const district = await this.geography.findDistrict(body.districtCode);
    if (!district) throw invalidField('districtCode', `no district with code ${body.districtCode}`);
    if (!this.access.mayKnow(principal, { stateCode: district.stateCode, districtCode: district.code })) {
      throw forbidden(`district ${district.code} is outside your jurisdiction`);
    }
    const institution = newInstitution(body, district);
    const outcome = await this.institutions.create([institution], registryChange(principal, 'institution.created'));
    if (!outcome.ok) throw problem('institution-exists', `${institution.id} is taken; give the institution an id of its own (/^[A-Z0-9-]+$/)`, { id: institution.id });
    await this.watch.tell(outcome.created.filter((i) => i.registeredUntil !== null));
    return institutionView(outcome.created[0]!);
  }

  /** A partial change at the version the sender read (If-Match); audited with before and after. */
  async update(principal: Principal, id: string, expectedVersion: number | undefined, body: UpdateInstitutionBody): Promise<InstitutionView> {
    const current = await this.visible(principal, id);
    if (expectedVersion === undefined) throw problem('precondition-required', 'a change to an institution needs If-Match: the ETag of GET /institutions/:id, so no one else’s change is overwritten');
    const outcome = await this.institutions.update(id, expectedVersion, changesOf(current, body), registryChange(principal, 'institution.updated'));
    if (!outcome.ok && outcome.reason === 'NOT_FOUND') throw notFound('institution', id);
    if (!outcome.ok) throw staleRecord(expectedVersion, outcome.reason === 'STALE_VERSION' ? outcome.version : current.version);
    const { before, after } = outcome;
    if (before.name !== after.name || before.registrationNo !== after.registrationNo || before.registeredUntil !== after.registeredUntil) {
      await this.watch.tell([after]);
    }
    return institutionView(after);
  }

  async history(principal: Principal, id: string): Promise<RegistryHistoryEntry[]> {
    await this.visible(principal, id);
    return (await this.institutions.history(id)).map(toHistory);
  }

  /** 404 both for an institution that does not exist and for one outside the principal's jurisdiction. */
  private async visible(principal: Principal, id: string): Promise<InstitutionRecord> {
    const found = await this.institutions.findById(id);
    if (!found || !this.access.mayKnow(principal, found)) throw notFound('institution', id);
    return found;
  }
}

function changesOf(current: InstitutionRecord, body: UpdateInstitutionBody): InstitutionChanges {
  const { registration, infrastructure, ...plain } = body;
  return {
    ...plain,
    ...(registration !== undefined && {
      registrationNo: registration?.no ?? null,
      registeredFrom: registration?.from ?? null,
      registeredUntil: registration?.until ?? null,
    }),
    // JSON merge: the items sent change, the others stay as they were.
    ...(infrastructure !== undefined && { infrastructure: { ...current.infrastructure, ...(infrastructure as Record<string, boolean>) } }),
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PartnerClientSecretView, PartnerClientView, RegisterPartnerClientBody } from '@raksha/contracts';
import { GeographyRepository, type PartnerClientRecord, PartnerRepository } from '@raksha/db';
import { administers, PARTNER_DEFAULT_REQUESTS_PER_MINUTE, type PartnerKind, ungrantableScope } from '@raksha/domain';
import { auditedAction, can, type Principal } from '../auth/principal.js';
import { forbidden, invalidField, notFound, problem } from '../problem/domain-errors.js';
import { sha256 } from './partner-tokens.service.js';

/** A client secret: 32 random bytes, shown once; only its SHA-256 is kept. */
const newSecret = () => `rks_${randomBytes(32).toString('base64url')}`;

/**
 * Administrators register partner systems as OAuth clients in their jurisdiction (a national administrator anywhere, a
 * state's in its state and districts, a district's in its district), list them, rotate a secret and revoke a client.
 * Each change is on the client's audit chain (`partner:<clientId>`); a client outside the administrator's jurisdiction
 * answers 404.
 */
@Injectable()
export class PartnerClientsService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly geography: GeographyRepository,
  ) {}

  async register(admin: Principal, body: RegisterPartnerClientBody): Promise<PartnerClientSecretView> {
    const jurisdiction = this.jurisdictionOf(admin);
    const place = await this.placeOf(admin, jurisdiction, body);
    const kind = body.kind as PartnerKind;
    const scopes = body.scopes as Parameters<typeof ungrantableScope>[1];
    const refused = ungrantableScope(kind, scopes);
    if (refused) throw invalidField('scopes', `a partner of kind ${kind} may not be granted ${refused}`);
    const secret = newSecret();
    const now = new Date();
    const id = randomUUID();
    const row = await this.partners.create(
      {
        id,
        name: body.name,
        kind,
        scopes: [...scopes],
        ...place,
        requestsPerMinute: body.requestsPerMinute ?? PARTNER_DEFAULT_REQUESTS_PER_MINUTE,
        secretHash: sha256(secret),
        createdBy: admin.userId,
        createdByBodyId: admin.body?.id ?? null,
        createdAt: now,
      },
      auditedAction(admin, 'partner.registered', { name: body.name, kind, scopes, ...place }, now),
    );
    return { ...partnerClientView(row), clientSecret: secret };
  }

  async list(admin: Principal): Promise<PartnerClientView[]> {
    const j = this.jurisdictionOf(admin);
    const filter = j.level === 'NATIONAL' ? {} : j.level === 'STATE' ? { stateCode: j.stateCode ?? '' } : { districtCode: j.districtCode ?? '' };
    return (await this.partners.list(filter)).map(partnerClientView);
  }

  async get(admin: Principal, id: string): Promise<PartnerClientView> {
    return partnerClientView(await this.visible(admin, id));
  }

  /** A new secret, shown once; the old one and every token issued with it stop working at once. */
  async rotateSecret(admin: Principal, id: string): Promise<PartnerClientSecretView> {
    const row = await this.visible(admin, id);
    if (row.revokedAt) throw problem('partner-client-revoked', `partner client ${id} is revoked; register a new one`);
    const secret = newSecret();
    const now = new Date();
    const rotated = await this.partners.rotateSecret(id, sha256(secret), now, auditedAction(admin, 'partner.secret-rotated', {}, now));
    return { ...partnerClientView(rotated), clientSecret: secret };
  }

  /** Revokes the client: its tokens stop working at once; its record and audit trail stay. */
  async revoke(admin: Principal, id: string): Promise<PartnerClientView> {
    const row = await this.visible(admin, id);
    if (row.revokedAt) return partnerClientView(row);
    const now = new Date();
    return partnerClientView(await this.partners.revoke(id, now, auditedAction(admin, 'partner.revoked', {}, now)));
  }

  private async visible(admin: Principal, id: string): Promise<PartnerClientRecord> {
    const row = await this.partners.findById(id);
    if (!row || !administers(this.jurisdictionOf(admin), row)) throw notFound('partner-client', id);
    return row;
  }

  private jurisdictionOf(admin: Principal) {
    if (!admin.body || !can(admin, 'partner:administer')) throw forbidden('administrators register partner systems');
    return admin.body;
  }

  /** The client's place: the one asked for, inside the administrator's jurisdiction, or the administrator's own. */
  private async placeOf(
    admin: Principal,
    j: NonNullable<Principal['body']>,
    body: RegisterPartnerClientBody,
  ): Promise<{ level: 'NATIONAL' | 'STATE' | 'DISTRICT'; stateCode: string | null; districtCode: string | null }> {
    if (body.districtCode) {
      const district = await this.geography.findDistrict(body.districtCode);
      if (!district) throw invalidField('districtCode', `no district has the code ${body.districtCode}`);
      if (body.stateCode && body.stateCode !== district.stateCode) throw invalidField('districtCode', `${district.name} is not in ${body.stateCode}`);
      if (!administers(j, { stateCode: district.stateCode, districtCode: district.code })) throw forbidden(`${district.name} is outside your jurisdiction`);
      return { level: 'DISTRICT', stateCode: district.stateCode, districtCode: district.code };
    }
    if (body.stateCode) {
      const state = await this.geography.findState(body.stateCode);
      if (!state) throw invalidField('stateCode', `no state has the code ${body.stateCode}`);
      if (j.level !== 'NATIONAL' && !(j.level === 'STATE' && j.stateCode === state.code)) throw forbidden(`${state.name} is outside your jurisdiction`);
      return { level: 'STATE', stateCode: state.code, districtCode: null };
    }
    if (j.level === 'NATIONAL') return { level: 'NATIONAL', stateCode: null, districtCode: null };
    if (j.level === 'STATE') return { level: 'STATE', stateCode: j.stateCode, districtCode: null };
    if (!j.districtCode) throw forbidden(`${admin.displayName}'s body has no district`);
    return { level: 'DISTRICT', stateCode: j.stateCode, districtCode: j.districtCode };
  }
}

export function partnerClientView(r: PartnerClientRecord): PartnerClientView {
  return {
    clientId: r.id,
    name: r.name,
    kind: r.kind as PartnerClientView['kind'],
    scopes: r.scopes,
    level: r.level as PartnerClientView['level'],
    stateCode: r.stateCode,
    districtCode: r.districtCode,
    requestsPerMinute: r.requestsPerMinute,
    createdAt: r.createdAt.toISOString(),
    secretRotatedAt: r.secretRotatedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

// What an administrator may reach: the bodies of their jurisdiction and the roles their own role gives.
import type { PersonView } from '@raksha/contracts';
import type { AuditRecord, BodyRosterRecord, BodyRosterRepository, PersonRecord } from '@raksha/db';
import { administers, mayGrantRole, roleFitsBody, type BodyType, type Role } from '@raksha/domain';
import { userChain, type Principal } from '../auth/principal.js';
import { forbidden, invalidField, notFound } from '../problem/domain-errors.js';

export const personView = (p: PersonRecord): PersonView => ({
  id: p.id,
  username: p.username,
  displayName: p.displayName,
  email: p.email,
  mobile: p.mobile,
  bodyId: p.bodyId,
  roles: p.roles,
  head: p.headsBody,
  status: p.disabledAt ? 'DEACTIVATED' : p.invited ? 'INVITED' : 'ACTIVE',
  secondStep: p.secondStep,
  createdAt: p.createdAt.toISOString(),
});

/** An administrator's change to a person, in that person's audit chain. */
export function personAudit(principal: Principal, person: { id: string }, action: string, detail: Record<string, unknown>, at: Date): AuditRecord {
  return {
    chain: userChain(person.id),
    action,
    actorId: principal.userId,
    actorRole: principal.roles.join(','),
    subjectType: 'user',
    subjectId: person.id,
    detail: { ...detail, bodyId: principal.body?.id ?? null },
    at,
  };
}

/** The role may be given by the principal's administrator role, and held in a body of this kind. */
export function mayGive(principal: Principal, role: Role, body: BodyRosterRecord): void {
  if (!mayGrantRole(principal.roles, role)) throw forbidden(`${principal.roles.join(', ')} may not give the role ${role}`);
  if (!roleFitsBody(role, body.type as BodyType)) throw invalidField('role', `a ${role} does not belong to a ${body.type}`);
}

/** An active body inside the principal's jurisdiction; outside it, 404 as for none. */
export async function administeredBody(bodies: BodyRosterRepository, principal: Principal, bodyId: string, field: string): Promise<BodyRosterRecord> {
  const body = await bodies.findById(bodyId);
  if (!body || !principal.body || !administers(principal.body, body)) throw notFound('body', bodyId);
  if (body.deactivatedAt) throw invalidField(field, `${bodyId} is deactivated`);
  return body;
}

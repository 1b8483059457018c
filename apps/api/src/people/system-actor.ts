import type { Role } from '@raksha/domain';
import type { Principal } from '../auth/principal.js';

/**
 * A principal no person holds: a command run on the server (the first administrator's) or the demo seed, acting
 * with one role's authority for one body. Its `system:` id is what the audit trail names as the actor, as a
 * partner's client id is for a partner.
 */
export function systemActor(id: `system:${string}`, displayName: string, role: Role, body: NonNullable<Principal['body']>): Principal {
  return { userId: id, username: id, displayName, roles: [role], body, secondStep: { required: false, enrolled: true }, sessionId: id, enrolmentOnly: false };
}

/** The nation, as the Ministry of Women and Child Development serves it (the national administrator's body). */
export const NATIONAL_BODY = { id: 'MWCD', type: 'MWCD', name: 'Ministry of Women and Child Development', level: 'NATIONAL', stateCode: null, districtCode: null, thanaCode: null } as const satisfies NonNullable<Principal['body']>;

/** Whether the principal is a system actor rather than a person (whose id a person's record may hold). */
export const isSystemActor = (principal: Principal) => principal.userId.startsWith('system:');

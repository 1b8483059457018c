import { type Jurisdiction, PARTNER_KIND_RULES, type PartnerKind, type PartnerScope } from '@raksha/domain';
import type { Principal } from '../auth/principal.js';

/** The partner system a request acts for: an OAuth client with its token's scopes and its jurisdiction. */
export interface PartnerPrincipal {
  clientId: string;
  name: string;
  kind: PartnerKind;
  /** the scopes of this request's token (a subset of what the client was granted) */
  scopes: PartnerScope[];
  jurisdiction: Jurisdiction;
  /** its rate: requests a minute before 429 */
  requestsPerMinute: number;
}

/** The id a partner's acts carry as their body on the audit trail and on what it files. */
export const partnerBodyId = (clientId: string) => `partner:${clientId}`;

/**
 * The partner as the services see a person: it writes as a person of its kind's role and body would (the same checks,
 * jurisdiction and matching), and reads as a monitor of its jurisdiction, which sees reports and cases and acts on none.
 * Its acts are audited under its client id.
 */
export function actingAs(partner: PartnerPrincipal, purpose: 'read' | 'write'): Principal {
  const national = partner.jurisdiction.level === 'NATIONAL';
  const writesAs = PARTNER_KIND_RULES[partner.kind].writesAs;
  const [role, type] =
    purpose === 'write' ? [writesAs.role, writesAs.body] : national ? (['NATIONAL_MONITOR', 'MWCD'] as const) : (['STATE_MONITOR', 'STATE_MONITORING_CELL'] as const);
  return {
    userId: partner.clientId,
    username: partnerBodyId(partner.clientId),
    displayName: partner.name,
    roles: [role],
    body: { ...partner.jurisdiction, id: partnerBodyId(partner.clientId), type, name: partner.name },
    sessionId: partnerBodyId(partner.clientId),
    // A system signs in with its client secret, not a person's password: no second step applies.
    secondStep: { required: false, enrolled: false },
    enrolmentOnly: false,
  };
}

import type { BodyType } from './bodies.js';
import type { Role } from './roles.js';

/**
 * Partner systems (issue #19): other organisations' systems that share data with Raksha through the partner API,
 * authenticated as OAuth 2.0 clients (client credentials, RFC 6749 s.4.4). Each has a kind, the scopes an
 * administrator granted it, and a jurisdiction like an administrator's (national, a state, or a district).
 */

/** What a partner's token may be used for; each partner route names the scope it needs. */
export const PARTNER_SCOPES = {
  'reports:read': "read missing and found children's reports of the jurisdiction",
  'reports:write': "file missing and found children's reports, checked and matched as people's are",
  'cases:summary': "read case summaries: case number, district, stage and dates, never a child's name (s.74)",
  'interventions:write': 'report helpline calls about a child in distress (interventions)',
  'feed:read': 'follow the event feed of what changed in the jurisdiction',
} as const;
export type PartnerScope = keyof typeof PARTNER_SCOPES;
export const PARTNER_SCOPE_NAMES = Object.keys(PARTNER_SCOPES) as PartnerScope[];

export function isPartnerScope(value: unknown): value is PartnerScope {
  return typeof value === 'string' && Object.hasOwn(PARTNER_SCOPES, value);
}

export const PARTNER_KINDS = [
  'HELPLINE_1098', // the child helpline
  'HELPLINE_112', // the Emergency Response Support System (ERSS-112)
  'HELPLINE_181', // the women helpline
  'STATE_SYSTEM', // a state's own child-protection or MIS portal
  'NGO_CASE_SYSTEM', // a registered NGO's case-management system
  'POLICE_MISSING_PERSONS', // the police's missing-persons network (ZIPNET and its state counterparts)
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export function isPartnerKind(value: unknown): value is PartnerKind {
  return typeof value === 'string' && (PARTNER_KINDS as readonly string[]).includes(value);
}

/**
 * Per kind: the scopes an administrator may grant it, and whom it writes as. A partner's writes go through the same
 * services and checks as a person's of `writesAs` (role and kind of body) in the partner's jurisdiction; its reads are
 * those of a monitor of its jurisdiction (reports and case summaries, no action on a case).
 */
export const PARTNER_KIND_RULES: Record<PartnerKind, { grantable: readonly PartnerScope[]; writesAs: { role: Role; body: BodyType } }> = {
  HELPLINE_1098: { grantable: ['interventions:write', 'reports:write', 'reports:read', 'cases:summary', 'feed:read'], writesAs: { role: 'CHILDLINE_WORKER', body: 'CHILDLINE' } },
  HELPLINE_112: { grantable: ['interventions:write', 'reports:write', 'reports:read', 'feed:read'], writesAs: { role: 'CHILDLINE_WORKER', body: 'CHILDLINE' } },
  HELPLINE_181: { grantable: ['interventions:write', 'reports:write', 'reports:read', 'feed:read'], writesAs: { role: 'CHILDLINE_WORKER', body: 'CHILDLINE' } },
  STATE_SYSTEM: { grantable: ['reports:read', 'reports:write', 'cases:summary', 'feed:read'], writesAs: { role: 'CHILDLINE_WORKER', body: 'CHILDLINE' } },
  NGO_CASE_SYSTEM: { grantable: ['reports:read', 'reports:write', 'cases:summary', 'feed:read'], writesAs: { role: 'CHILDLINE_WORKER', body: 'CHILDLINE' } },
  // The police's network files missing children's reports with the station's missing diary / FIR number, as a station does.
  POLICE_MISSING_PERSONS: { grantable: ['reports:read', 'reports:write', 'feed:read'], writesAs: { role: 'STATION_OFFICER', body: 'POLICE_STATION' } },
};

/** Whether an administrator may grant these scopes to a partner of this kind; the first scope it may not, if any. */
export function ungrantableScope(kind: PartnerKind, scopes: readonly PartnerScope[]): PartnerScope | undefined {
  return scopes.find((s) => !PARTNER_KIND_RULES[kind].grantable.includes(s));
}

/** A partner's requests a minute unless its administrator sets another (429 with Retry-After beyond it). */
export const PARTNER_DEFAULT_REQUESTS_PER_MINUTE = 600;

/** What a partner's read is for, by the scope it reads under: the purpose recorded with each disclosure (DPDP Act s.5, s.11). */
export const PARTNER_READ_PURPOSES: Partial<Record<PartnerScope, string>> = {
  'reports:read': 'tracing a missing child and matching found children to missing ones',
  'cases:summary': "monitoring children's cases by number, stage and dates (no names, JJ Act s.74)",
  'feed:read': 'keeping the partner’s copy of records it already holds up to date',
};

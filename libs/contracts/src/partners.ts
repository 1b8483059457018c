// The partner data-sharing API (issue #19): partner systems registered by administrators as OAuth 2.0 clients, their
// tokens (client credentials, RFC 6749 s.4.4), and what /partner/v1 takes and answers.
import { z } from 'zod';
import { PARTNER_KINDS, PARTNER_SCOPE_NAMES } from '@raksha/domain';
import { feedCursorParam, timeCursorParam } from './cursor.js';
import { caseNumber } from './cases.js';
import { fileFoundReportBody, fileMissingReportBody, REPORT_KINDS, REPORT_STATUSES } from './reports.js';
import { cursorPage, districtCode, isoTime, stateCode } from './shared.js';

const scopeEnum = z.enum(PARTNER_SCOPE_NAMES as [string, ...string[]]);

/** An administrator registers a partner system in their jurisdiction (no place: the administrator's own). */
export const registerPartnerClientBody = z.strictObject({
  name: z.string().trim().min(3).max(200),
  kind: z.enum(PARTNER_KINDS),
  scopes: z.array(scopeEnum).min(1).max(PARTNER_SCOPE_NAMES.length).refine((s) => new Set(s).size === s.length, 'each scope once'),
  /** a state or a district inside the administrator's jurisdiction; neither: the administrator's own */
  stateCode: stateCode.optional(),
  districtCode: districtCode.optional(),
  /** requests a minute before 429 (default 600) */
  requestsPerMinute: z.number().int().min(1).max(100_000).optional(),
});
export type RegisterPartnerClientBody = z.infer<typeof registerPartnerClientBody>;

export const partnerClientIdParam = z.uuid({ message: 'a partner client id is a UUID' });

/** A partner client as administrators see it: never its secret, which is shown once. */
export const partnerClientView = z.object({
  clientId: z.string(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  scopes: z.array(z.string()),
  level: z.enum(['NATIONAL', 'STATE', 'DISTRICT']),
  stateCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  requestsPerMinute: z.number().int(),
  createdAt: isoTime,
  secretRotatedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
});
export type PartnerClientView = z.infer<typeof partnerClientView>;

/** The answer to registering a client or rotating its secret: the only time the secret is shown. */
export const partnerClientSecretView = partnerClientView.extend({ clientSecret: z.string() });
export type PartnerClientSecretView = z.infer<typeof partnerClientSecretView>;

/** RFC 6749 s.5.1's successful token response. */
export const partnerTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string().optional(),
});
export type PartnerTokenResponse = z.infer<typeof partnerTokenResponse>;

/** The token request's form fields, as the OpenAPI document describes them (the OAuth library reads the form). */
export const partnerTokenRequest = z.object({
  grant_type: z.literal('client_credentials'),
  scope: z.string().optional().describe('space-separated scopes; none: every scope the client was granted'),
  client_id: z.string().optional().describe('client_secret_post; or send HTTP Basic (client_secret_basic)'),
  client_secret: z.string().optional(),
});

export const partnerReportQuery = z.strictObject({
  kind: z.enum(REPORT_KINDS).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  districtCode: districtCode.optional(),
  cursor: timeCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PartnerReportQuery = z.infer<typeof partnerReportQuery>;

/** A partner files a found child's report, or (the police's network) a missing child's, as people do. */
export const partnerFileReportBody = z.discriminatedUnion('kind', [
  fileFoundReportBody.extend({ kind: z.literal('FOUND') }),
  fileMissingReportBody.extend({ kind: z.literal('MISSING') }),
]);
export type PartnerFileReportBody = z.infer<typeof partnerFileReportBody>;

/** A case as partners see it (JJ Act s.74): its number, place, stage and dates, never the child's name. */
export const caseSummaryView = z.object({
  /** the case's readable number (RJ/JAIPUR/2026/123), as people of the case say it */
  caseNumber: z.string(),
  /** the case's id, as the event feed names it */
  caseId: z.uuid(),
  track: z.string(),
  stage: z.string(),
  state: z.string(),
  stateCode: z.string(),
  districtCode: z.string(),
  registeredAt: isoTime,
  producedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  updatedAt: isoTime,
});
export type CaseSummaryView = z.infer<typeof caseSummaryView>;
export const caseSummaryPage = cursorPage(caseSummaryView);

export const caseSummaryQuery = z.strictObject({
  districtCode: districtCode.optional(),
  cursor: timeCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseSummaryQuery = z.infer<typeof caseSummaryQuery>;
/** A case by its number (RJ/JAIPUR/2026/123, its slashes URL-encoded as %2F) or by its id. */
export const caseNumberParam = z.union([z.uuid(), caseNumber], { message: 'a case number such as RJ/JAIPUR/2026/123, or a case id' });

export const PARTNER_EVENT_TYPES = ['report.filed', 'report.updated', 'report.matched', 'report.match-decided', 'case.step'] as const;

export const eventFeedQuery = z.strictObject({
  /** the `next` of the previous page; none: from the beginning */
  after: feedCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventFeedQuery = z.infer<typeof eventFeedQuery>;

export const partnerEventView = z.object({
  /** this event's position: `after` it, the feed goes on */
  cursor: z.string(),
  type: z.enum(PARTNER_EVENT_TYPES),
  /** what the event is about; a case's also by its readable number (RJ/JAIPUR/2026/123) */
  subject: z.object({ type: z.enum(['report', 'case']), id: z.string(), caseNumber: z.string().optional() }),
  stateCode: z.string(),
  districtCode: z.string(),
  occurredAt: isoTime,
  /** what changed: ids, kinds, statuses, stages; never a child's name */
  data: z.record(z.string(), z.unknown()),
});
export type PartnerEventView = z.infer<typeof partnerEventView>;

/** A page of the feed; `next` is where to go on from (the same `after` when nothing is new yet). */
export const eventFeedPage = z.object({ items: z.array(partnerEventView), next: z.string().nullable() });
export type EventFeedPage = z.infer<typeof eventFeedPage>;

import { Injectable } from '@nestjs/common';
import {
  type CaseSummaryQuery,
  type CaseSummaryView,
  encodeFeedCursor,
  encodeTimeCursor,
  type EventFeedPage,
  type EventFeedQuery,
  type PartnerEventView,
  type PartnerFileReportBody,
  type PartnerReportQuery,
  type ReportView,
} from '@raksha/contracts';
import { type CaseSummaryRow, GeographyRepository, type NewDisclosure, PartnerRepository, PrivacyRepository } from '@raksha/db';
import { covers, PARTNER_READ_PURPOSES, type PartnerScope } from '@raksha/domain';
import { AccessPolicy } from '../auth/access.policy.js';
import { notFound, recordsDestroyed } from '../problem/domain-errors.js';
import { ReportsService } from '../reports/reports.service.js';
import { actingAs, type PartnerPrincipal } from './partner.principal.js';

/** Which subjects of the feed each scope lets a partner follow. */
const FEED_SUBJECTS: Partial<Record<PartnerScope, string>> = { 'reports:read': 'report', 'cases:summary': 'case' };

/**
 * /partner/v1: what a partner system reads and writes, through the services people's requests go through (reports:
 * filing, validation, matching, jurisdiction, read audit), bound to the partner's jurisdiction (outside it: 404).
 */
@Injectable()
export class PartnerApiService {
  constructor(
    private readonly reports: ReportsService,
    private readonly partners: PartnerRepository,
    private readonly geography: GeographyRepository,
    private readonly access: AccessPolicy,
    private readonly disclosures: PrivacyRepository,
  ) {}

  async listReports(partner: PartnerPrincipal, q: PartnerReportQuery) {
    const page = await this.reports.list(actingAs(partner, 'read'), { ...q });
    await this.disclose(partner, 'reports:read', 'GET /partner/v1/reports', page.items.map((r) => ({ recordType: 'report', recordId: r.id, stateCode: r.place.stateCode, districtCode: r.place.districtCode })));
    return page;
  }

  async getReport(partner: PartnerPrincipal, id: string): Promise<ReportView> {
    const report = await this.reports.get(actingAs(partner, 'read'), id);
    await this.disclose(partner, 'reports:read', 'GET /partner/v1/reports/:id', [{ recordType: 'report', recordId: report.id, stateCode: report.place.stateCode, districtCode: report.place.districtCode }]);
    return report;
  }

  /** Files the report as a person of the partner's kind would, after the partner's own jurisdiction (404 outside it). */
  async fileReport(partner: PartnerPrincipal, body: PartnerFileReportBody): Promise<ReportView> {
    const district = await this.geography.findDistrict(body.place.districtCode);
    if (district && !covers(partner.jurisdiction, { stateCode: district.stateCode, districtCode: district.code })) throw notFound('district', district.code);
    const writer = actingAs(partner, 'write');
    if (body.kind === 'FOUND') {
      const { kind: _kind, ...found } = body;
      return this.reports.fileFound(writer, found);
    }
    const { kind: _kind, ...missing } = body;
    return this.reports.fileMissing(writer, missing);
  }

  async caseSummaries(partner: PartnerPrincipal, q: CaseSummaryQuery): Promise<{ items: CaseSummaryView[]; nextCursor: string | null }> {
    const scope = this.scopeOf(partner, q.districtCode);
    if (scope === 'nothing') return { items: [], nextCursor: null };
    const rows = await this.partners.caseSummaries({ ...scope, after: q.cursor, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    await this.disclose(partner, 'cases:summary', 'GET /partner/v1/cases', items.map((c) => ({ recordType: 'case', recordId: c.id, stateCode: c.stateCode, districtCode: c.districtCode })));
    return { items: items.map(caseSummaryView), nextCursor: rows.length > q.limit && last ? encodeTimeCursor(last.registeredAt, last.id) : null };
  }

  async caseSummary(partner: PartnerPrincipal, caseNumber: string): Promise<CaseSummaryView> {
    const row = await this.partners.caseSummary(caseNumber);
    if (!row || !covers(partner.jurisdiction, row)) throw notFound('case', caseNumber);
    if (row.destroyedAt) throw recordsDestroyed(row.caseNumber, row.destroyedAt);
    await this.disclose(partner, 'cases:summary', 'GET /partner/v1/cases/:caseNumber', [{ recordType: 'case', recordId: row.id, stateCode: row.stateCode, districtCode: row.districtCode }]);
    return caseSummaryView(row);
  }

  /** The feed after the cursor: reports' events with reports:read, cases' with cases:summary; never a child's name. */
  async events(partner: PartnerPrincipal, q: EventFeedQuery): Promise<EventFeedPage> {
    const subjectTypes = partner.scopes.flatMap((s) => (FEED_SUBJECTS[s] ? [FEED_SUBJECTS[s]] : []));
    const scope = this.scopeOf(partner);
    const given = q.after ? encodeFeedCursor(q.after.txid, q.after.id) : null;
    if (scope === 'nothing' || subjectTypes.length === 0) return { items: [], next: given };
    const rows = await this.partners.events({ ...scope, subjectTypes, after: q.after, limit: q.limit });
    const items: PartnerEventView[] = rows.map((e) => ({
      cursor: encodeFeedCursor(e.txid, e.id),
      type: e.type as PartnerEventView['type'],
      subject: { type: e.subjectType as 'report' | 'case', id: e.subjectId, ...(e.caseNumber && { caseNumber: e.caseNumber }) },
      stateCode: e.stateCode,
      districtCode: e.districtCode,
      occurredAt: e.occurredAt.toISOString(),
      data: e.data as Record<string, unknown>,
    }));
    await this.disclose(partner, 'feed:read', 'GET /partner/v1/events', items.map((e) => ({ recordType: 'feed-event', recordId: e.subject.id, stateCode: e.stateCode, districtCode: e.districtCode })));
    return { items, next: items.length > 0 ? items[items.length - 1]!.cursor : given };
  }

  /** The record of what was disclosed to whom, when and why (docs/privacy.md), written before the answer leaves. */
  private disclose(partner: PartnerPrincipal, scope: PartnerScope, via: string, records: Pick<NewDisclosure, 'recordType' | 'recordId' | 'stateCode' | 'districtCode'>[]): Promise<void> {
    const at = new Date();
    return this.disclosures.recordDisclosures(records.map((r) => ({ ...r, partnerId: partner.clientId, partnerName: partner.name, scope, purpose: PARTNER_READ_PURPOSES[scope] ?? scope, via, disclosedAt: at })));
  }

  /** The partner's place filter, narrowed to a district of it when asked (one outside it: nothing). */
  private scopeOf(partner: PartnerPrincipal, districtCode?: string): { stateCode?: string; districtCode?: string } | 'nothing' {
    const scope = this.access.scope(actingAs(partner, 'read'));
    if (scope === 'nothing' || districtCode === undefined) return scope;
    if (scope.districtCode !== undefined && scope.districtCode !== districtCode) return 'nothing';
    if (scope.stateCode !== undefined && !districtCode.startsWith(`${scope.stateCode}-`)) return 'nothing';
    return { ...scope, districtCode };
  }
}

/** A case as partners see it (JJ Act s.74): number, place, stage and dates, never the child's name. */
function caseSummaryView(c: CaseSummaryRow): CaseSummaryView {
  return {
    caseNumber: c.caseNumber ?? '',
    caseId: c.id,
    track: c.track,
    stage: c.phase,
    state: c.state,
    stateCode: c.stateCode,
    districtCode: c.districtCode,
    registeredAt: c.registeredAt.toISOString(),
    producedAt: c.producedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

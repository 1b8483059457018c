import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type CorrectReportBody, enqueueMatching, type MatchingJob, type OwnReportView, type ReportListQuery, type ReportView } from '@raksha/contracts';
import { detailDigest, PrivacyRepository, RecordsDestructionRepository, ReportRepository, type ChildReportRow } from '@raksha/db';
import { isReportErasable } from '@raksha/domain';
import { childReportOf, storedKeys } from '@raksha/matching';
import { auditedAction, type Principal } from '../auth/principal.js';
import { notFound, problem } from '../problem/domain-errors.js';
import { MATCHING_JOBS } from './reports.tokens.js';
import { ReportsService } from './reports.service.js';

/**
 * A citizen's own reports under the Digital Personal Data Protection Act 2023: read (s.11), corrected (s.12(2)), erased
 * once closed (s.12(3)), keeping what the law keeps. Only reports the citizen filed: any other answers 404.
 */
@Injectable()
export class OwnReportsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly rows: ReportRepository,
    private readonly privacy: PrivacyRepository,
    private readonly erasures: RecordsDestructionRepository,
    @Inject(MATCHING_JOBS) private readonly matching: Pick<Queue<MatchingJob>, 'add'>,
  ) {}

  async list(principal: Principal, q: Pick<ReportListQuery, 'cursor' | 'limit'>): Promise<{ items: OwnReportView[]; nextCursor: string | null }> {
    const page = await this.reports.list(principal, { ...q, limit: q.limit });
    const own = page.items.filter((r) => r.filedBy.id === principal.userId && r.filedBy.role === 'CITIZEN');
    return { items: await this.withPrivacy(own), nextCursor: page.nextCursor };
  }

  async get(principal: Principal, id: string): Promise<OwnReportView> {
    await this.own(principal, id);
    const [view] = await this.withPrivacy([await this.reports.get(principal, id)]);
    return view!;
  }

  /**
   * Corrects what the citizen gave: fields of the child's description they send replace the stored ones, the place
   * in words, their own name. The audit chain keeps which fields changed and a digest of what they said before, not
   * the words. Matching runs again on the corrected description.
   */
  async correct(principal: Principal, id: string, body: CorrectReportBody): Promise<OwnReportView> {
    const row = await this.own(principal, id);
    if (await this.erasures.findErasure(id)) throw problem('report-state-conflict', 'this report was erased; nothing is left to correct');
    const description = { ...(row.description as Record<string, unknown>), ...(body.child ?? {}) } as ChildReportRow['description'] & Parameters<typeof childReportOf>[0]['description'];
    const placeText = body.placeText ?? row.placeText;
    const reporter = body.reporterName ? { ...((row.reporterContact as Record<string, unknown> | null) ?? {}), name: body.reporterName } : row.reporterContact;
    const keys = storedKeys(
      childReportOf({
        id,
        kind: row.kind as 'MISSING' | 'FOUND',
        description,
        occurredAt: row.occurredAt.toISOString(),
        place: { stateCode: row.stateCode, districtCode: row.districtCode, ...(placeText && { text: placeText }), ...(row.lat !== null && { lat: row.lat }), ...(row.lon !== null && { lon: row.lon }) },
      }),
    );
    const fields = [...Object.keys(body.child ?? {}).map((f) => `child.${f}`), ...(body.placeText ? ['placeText'] : []), ...(body.reporterName ? ['reporter.name'] : [])];
    const before = { child: Object.fromEntries(Object.keys(body.child ?? {}).map((f) => [f, (row.description as Record<string, unknown>)[f] ?? null])), placeText: row.placeText, reporterName: (row.reporterContact as { name?: string } | null)?.name ?? null };
    await this.rows.update(
      id,
      { description, placeText, reporterContact: reporter ?? undefined, ...keys },
      auditedAction(principal, 'report.corrected', { fields, beforeDigest: detailDigest(before), citation: 'DPDP Act s.12(2)' }),
    );
    if (row.status === 'OPEN') await enqueueMatching(this.matching, id, `corrected-${Date.now()}`);
    return this.get(principal, id);
  }

  /** Erases a closed or traced report (DPDP Act s.12(3)); what stays, and why, is in the answer's `erasure` and docs/privacy.md. */
  async erase(principal: Principal, id: string): Promise<OwnReportView> {
    const row = await this.own(principal, id);
    if (await this.erasures.findErasure(id)) return this.get(principal, id);
    if (!isReportErasable(row.status)) throw problem('report-state-conflict', 'a report is erased once it is closed or the child traced: while the child is being looked for, the police need it. Close it first, with the reason');
    await this.erasures.eraseReport({ reportId: id, by: principal.userId, at: new Date(), ground: 'CITIZEN_REQUEST' });
    return this.get(principal, id);
  }

  /** The report if this citizen filed it; 404 for any other, as if it did not exist. */
  private async own(principal: Principal, id: string): Promise<ChildReportRow> {
    const row = await this.rows.findById(id);
    if (!row || row.filedBy !== principal.userId || row.filedByRole !== 'CITIZEN' || row.mergedIntoId) throw notFound('report', id);
    return row;
  }

  private async withPrivacy(views: ReportView[]): Promise<OwnReportView[]> {
    const ids = views.map((v) => v.id);
    const notices = new Map((await this.privacy.notices(ids)).map((n) => [n.reportId, n]));
    const erasures = new Map((await this.privacy.erasures(ids)).map((e) => [e.reportId, e]));
    return views.map((v) => {
      const n = notices.get(v.id);
      const e = erasures.get(v.id);
      return {
        ...v,
        privacyNotice: n ? { version: n.version, language: n.language, acknowledgedAt: n.acknowledgedAt.toISOString() } : null,
        erasure: e ? { erasedAt: e.erasedAt.toISOString(), keptWithCase: e.keptWithCase, ground: e.ground } : null,
        mayCorrect: !e,
        mayErase: !e && isReportErasable(v.status),
      };
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { CaseDuplicatesBody, DismissDuplicateBody, DuplicateListQuery, DuplicateSuspectView, LikelyDuplicates, MergeDuplicateBody, ReportDuplicatesBody } from '@raksha/contracts';
import { DuplicateRepository, GeographyRepository } from '@raksha/db';
import { AccessPolicy } from '../auth/access.policy.js';
import { auditedAction, can, type Principal } from '../auth/principal.js';
import { ReadAudit } from '../auth/read-audit.js';
import { CasesService } from '../cases/cases.service.js';
import { forbidden, invalidField, notFound, problem } from '../problem/domain-errors.js';
import { DuplicateFinder, recordView } from './duplicate-finder.js';

type Suspect = NonNullable<Awaited<ReturnType<DuplicateRepository['find']>>>;

/** Likely duplicates: shown before saving, reviewed afterwards, merged into one record or dismissed. */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly finder: DuplicateFinder,
    private readonly duplicates: DuplicateRepository,
    private readonly geography: GeographyRepository,
    private readonly access: AccessPolicy,
    private readonly cases: CasesService,
    private readonly reads: ReadAudit,
  ) {}

  /** The reports a report about to be filed may repeat, among those the principal may know. */
  async previewReport(principal: Principal, body: ReportDuplicatesBody): Promise<LikelyDuplicates> {
    if (!can(principal, body.kind === 'MISSING' ? 'report:missing' : 'report:found')) throw forbidden(`your role may not file a ${body.kind.toLowerCase()} report`);
    const district = await this.district(body.place.districtCode, 'place.districtCode');
    // A citizen sees no other family's report: the police see theirs when it is filed.
    if (!can(principal, 'report:read')) return { items: [] };
    const found = await this.finder.forReport({ id: '00000000-0000-4000-8000-000000000000', kind: body.kind, description: body.child, occurredAt: body.occurredAt ? new Date(body.occurredAt) : new Date(), stateCode: district.stateCode, districtCode: district.code, placeText: null, lat: null, lon: null });
    const items = found.filter((d) => this.access.mayKnow(principal, d.record));
    await this.reads.list(principal, 'duplicates.previewed', 'report', items.map((d) => d.record.id));
    return { items };
  }

  /** The cases a case about to be registered may repeat, among those the principal may know. */
  async previewCase(principal: Principal, body: CaseDuplicatesBody): Promise<LikelyDuplicates> {
    if (!can(principal, 'case:register:CNCP') && !can(principal, 'case:register:CICL')) throw forbidden('your role may not register cases');
    const district = await this.district(body.districtCode, 'districtCode');
    const found = await this.finder.forCase({ stateCode: district.stateCode, districtCode: district.code, registeredAt: new Date(), child: body.child });
    const items = found.filter((d) => this.access.mayKnow(principal, d.record));
    await this.reads.list(principal, 'duplicates.previewed', 'case', items.map((d) => d.record.id));
    return { items };
  }

  async list(principal: Principal, q: DuplicateListQuery): Promise<{ items: DuplicateSuspectView[]; offset: number; limit: number }> {
    if (!can(principal, 'report:read') && !can(principal, 'case:read')) throw forbidden('your role may not review duplicates');
    const scope = this.access.scope(principal);
    const empty = { items: [], offset: q.offset, limit: q.limit };
    if (scope === 'nothing') return empty;
    if (scope.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== scope.districtCode) return empty;
    const recordType = q.recordType ?? (can(principal, 'report:read') ? undefined : 'CASE');
    const rows = await this.duplicates.list({ ...(recordType && { recordType }), status: q.status, ...(scope.stateCode && { stateCode: scope.stateCode }), ...((scope.districtCode ?? q.districtCode) && { districtCode: scope.districtCode ?? q.districtCode }), offset: q.offset, limit: q.limit });
    const items = await this.views(rows.filter((s) => s.recordType === 'CASE' || can(principal, 'report:read')));
    await this.reads.list(principal, 'duplicates.listed', 'report', items.flatMap((s) => [s.record.id, s.duplicateOf.id]));
    return { items, offset: q.offset, limit: q.limit };
  }

  /**
   * The two records are one child: the one not kept points to the kept one, reads of its id lead there, and both
   * histories stay (a merged case's timeline is read with the survivor's; its workflow ends, its deadlines with it).
   */
  async merge(principal: Principal, id: string, body: MergeDuplicateBody): Promise<DuplicateSuspectView> {
    const s = await this.visible(principal, id);
    if (!can(principal, 'match:decide')) throw forbidden('your role may not merge records');
    if (s.status !== 'PROPOSED') throw problem('duplicate-state-conflict', `the duplicate is already ${s.status.toLowerCase()}`);
    const [survivorId, mergedId] = body.keep === 'EARLIER' ? [s.duplicateOfId, s.recordId] : [s.recordId, s.duplicateOfId];
    const now = new Date();
    const merged = await this.duplicates.merge(id, { survivorId, mergedId, by: principal.userId, at: now, note: body.note }, auditedAction(principal, s.recordType === 'CASE' ? 'case.merged' : 'report.merged', { note: body.note }, now));
    if (!merged) throw problem('duplicate-state-conflict', 'the duplicate was decided by someone else a moment ago');
    if (s.recordType === 'CASE') await this.cases.retireMerged(principal, mergedId, survivorId);
    return (await this.views([merged]))[0]!;
  }

  async dismiss(principal: Principal, id: string, body: DismissDuplicateBody): Promise<DuplicateSuspectView> {
    const s = await this.visible(principal, id);
    if (!can(principal, 'match:decide')) throw forbidden('your role may not decide duplicates');
    if (s.status !== 'PROPOSED') throw problem('duplicate-state-conflict', `the duplicate is already ${s.status.toLowerCase()}`);
    const now = new Date();
    const dismissed = await this.duplicates.dismiss(id, { by: principal.userId, at: now, note: body.note }, auditedAction(principal, 'duplicate.dismissed', { note: body.note, suspectId: id }, now));
    if (!dismissed) throw problem('duplicate-state-conflict', 'the duplicate was decided by someone else a moment ago');
    return (await this.views([dismissed]))[0]!;
  }

  private async district(code: string, field: string) {
    const district = await this.geography.findDistrict(code);
    if (!district) throw invalidField(field, `no district with code ${code}`);
    return district;
  }

  /** 404 unless the principal may know both records (their places). */
  private async visible(principal: Principal, id: string): Promise<Suspect> {
    const s = await this.duplicates.find(id);
    if (!s) throw notFound('duplicate', id);
    const [view] = await this.views([s]);
    const readsRecords = s.recordType === 'CASE' ? can(principal, 'case:read') : can(principal, 'report:read');
    if (!view || !readsRecords || !this.access.mayKnow(principal, view.record) || !this.access.mayKnow(principal, view.duplicateOf)) throw notFound('duplicate', id);
    return s;
  }

  private async views(rows: readonly Suspect[]): Promise<DuplicateSuspectView[]> {
    const reportIds = rows.filter((r) => r.recordType === 'REPORT').flatMap((r) => [r.recordId, r.duplicateOfId]);
    const caseIds = rows.filter((r) => r.recordType === 'CASE').flatMap((r) => [r.recordId, r.duplicateOfId]);
    const reports = new Map((await this.duplicates.reportRecords(reportIds)).map((r) => [r.id, recordView('REPORT', { ...r, child: r.description, date: r.occurredAt })]));
    const cases = new Map((await this.duplicates.caseRecords(caseIds)).map((c) => [c.id, recordView('CASE', { ...c, kind: c.track, child: c.child ?? { name: c.childName }, date: c.registeredAt })]));
    return rows.flatMap((s) => {
      const of = s.recordType === 'CASE' ? cases : reports;
      const record = of.get(s.recordId);
      const duplicateOf = of.get(s.duplicateOfId);
      if (!record || !duplicateOf) return [];
      return [{
        id: s.id,
        recordType: s.recordType as 'REPORT' | 'CASE',
        record,
        duplicateOf,
        probability: s.probability,
        explanation: s.explanation as DuplicateSuspectView['explanation'],
        detectedOn: s.detectedOn,
        status: s.status as DuplicateSuspectView['status'],
        survivorId: s.survivorId,
        decidedAt: s.decidedAt?.toISOString() ?? null,
        decisionNote: s.decisionNote,
        createdAt: s.createdAt.toISOString(),
      }];
    });
  }
}

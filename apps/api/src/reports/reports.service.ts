import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { encodeTimeCursor, type AcceptReportBody, type CandidateDecision, type CandidateListQuery, type CandidatePage, type CaseStatus, type CloseReportBody, type DecideCandidateBody, enqueueMatching, type FileFoundReportBody, type FileMissingReportBody, type LinkCaseBody, type MatchCandidateView, type MatchingJob, type PrivacyNoticeAcknowledgement, type ReportListQuery, type ReportView } from '@raksha/contracts';
import { ContactVerificationRepository, GeographyRepository, PrivacyRepository, ReportRepository, type ChildReportRow } from '@raksha/db';
import { childReportOf, REVIEW_THRESHOLD, searchName, storedKeys } from '@raksha/matching';
import { hasRoleIn, IDEMPOTENCY_KEY_REUSED_MESSAGE, needsChildsName, requestFingerprint } from '@raksha/domain';
import { idempotentId } from '../infrastructure/idempotency.js';
import { AccessPolicy } from '../auth/access.policy.js';
import { ObligationWatchClient } from '../obligations/obligation-watch.client.js';
import { watchedAhtuReferral } from '../obligations/watched.js';
import { auditedAction, can, type Principal } from '../auth/principal.js';
import { ReadAudit } from '../auth/read-audit.js';
import { CasesService } from '../cases/cases.service.js';
import { forbidden, invalidField, invalidInput, notFound, problem } from '../problem/domain-errors.js';
import { checkLocalPlaces } from '../places/local-place-check.js';
import { MATCHING_JOBS } from './reports.tokens.js';
import { DuplicateFinder } from '../duplicates/duplicate-finder.js';

/** A citizen may file this many reports a day: enough for a family, too few for a flood. */
export const CITIZEN_REPORTS_PER_DAY = 5;

type CandidateRow = NonNullable<Awaited<ReturnType<ReportRepository['candidate']>>>;

/** Missing and found children's reports: filing, who sees them, acceptance, closure, and match decisions. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly contacts: ContactVerificationRepository,
    private readonly geography: GeographyRepository,
    private readonly access: AccessPolicy,
    private readonly cases: CasesService,
    private readonly watches: ObligationWatchClient,
    @Inject(MATCHING_JOBS) private readonly matching: Pick<Queue<MatchingJob>, 'add'>,
    private readonly reads: ReadAudit,
    private readonly duplicates: DuplicateFinder,
    private readonly privacy: PrivacyRepository,
  ) {}

  async fileMissing(principal: Principal, body: FileMissingReportBody, idempotencyKey?: string): Promise<ReportView> {
    const citizen = this.isCitizen(principal);
    if (!citizen && !this.isPolice(principal)) throw forbidden('missing reports are filed by a police station, or by a citizen for a station to accept');
    if (!citizen && !body.policeRef) throw invalidField('policeRef', 'the missing diary / FIR number of the station');
    const row = await this.file(principal, 'MISSING', body.child, body.lastSeenAt, body.place, {
      status: citizen ? 'PENDING_ACCEPTANCE' : 'OPEN',
      policeRef: citizen ? null : (body.policeRef ?? null),
      stationId: citizen ? null : (principal.body?.id ?? null),
      reporter: body.reporter,
      photo: body.photo,
      caseId: null,
      idempotencyKey,
    });
    await this.acknowledgeNotice(principal, row, body.privacyNotice);
    return this.view(principal, row);
  }

  async fileFound(principal: Principal, body: FileFoundReportBody, idempotencyKey?: string): Promise<ReportView> {
    if (!can(principal, 'report:found')) throw forbidden('your role may not file a found report');
    const caseId = await this.foundChildsCase(principal, body);
    const row = await this.file(principal, 'FOUND', body.child, body.foundAt, body.place, {
      status: 'OPEN',
      policeRef: null,
      stationId: null,
      reporter: body.reporter,
      photo: body.photo,
      caseId,
      idempotencyKey,
    });
    await this.acknowledgeNotice(principal, row, body.privacyNotice);
    return this.view(principal, row);
  }

  /** DPDP Act s.5: the notice a citizen saw before filing, kept with the report (a retried filing keeps the first). */
  private async acknowledgeNotice(principal: Principal, row: ChildReportRow, notice: PrivacyNoticeAcknowledgement | undefined): Promise<void> {
    if (!notice || row.filedBy !== principal.userId || !this.isCitizen(principal)) return;
    await this.privacy.acknowledgeNotice({ reportId: row.id, userId: principal.userId, version: notice.version, language: notice.language, acknowledgedAt: row.createdAt });
  }

  /** The found child's case the report names, by id or by its number as people read it; both given, they must be the same case. */
  private async foundChildsCase(principal: Principal, body: FileFoundReportBody): Promise<string | null> {
    if (body.caseNumber === undefined) {
      if (body.caseId) await this.cases.visible(principal, body.caseId);
      return body.caseId ?? null;
    }
    const found = await this.cases.visibleByNumber(principal, body.caseNumber);
    // Outside the filer's jurisdiction reads as not found: the answer tells nothing of what exists there.
    if (!found) throw invalidInput([{ field: 'caseNumber', message: `no case numbered ${body.caseNumber} that you may work on`, key: 'error.caseNumberUnknown', params: { number: body.caseNumber } }]);
    // compared as cases, so an id and a number of the same merged duplicate agree
    if (body.caseId && body.caseId !== found.id && (await this.cases.visible(principal, body.caseId).catch(() => null))?.id !== found.id) throw invalidInput([{ field: 'caseNumber', message: 'the case number and the case id name different cases; give one of them', key: 'error.caseNumberDisagrees' }]);
    return found.id;
  }

  async get(principal: Principal, id: string): Promise<ReportView> {
    const row = await this.visible(principal, id);
    await this.reads.record(principal, 'report', id, 'report.read');
    return this.view(principal, row);
  }

  async photo(principal: Principal, id: string): Promise<{ contentType: string; bytes: Buffer }> {
    await this.visible(principal, id);
    const p = await this.reports.photo(id);
    if (!p?.photo || !p.photoType) throw notFound('report', `${id}/photo`);
    await this.reads.record(principal, 'report', id, 'report.photo.read');
    return { contentType: p.photoType, bytes: Buffer.from(p.photo) };
  }

  async list(principal: Principal, q: ReportListQuery): Promise<{ items: ReportView[]; nextCursor: string | null }> {
    const empty = { items: [], nextCursor: null };
    const nameKey = q.name ? searchName(q.name) : undefined;
    if (q.name !== undefined && !nameKey) return empty;
    if (this.isCitizen(principal)) {
      const rows = await this.reports.list({ ...this.filters(q), filedBy: principal.userId, ...(nameKey && { searchName: nameKey }), limit: q.limit + 1 });
      return this.page(principal, rows, q.limit);
    }
    if (!can(principal, 'report:read')) throw forbidden('your role may not read reports');
    const scope = this.access.workScope(principal);
    if (scope === 'nothing') return empty;
    if (scope.stateCode !== undefined && q.stateCode !== undefined && q.stateCode !== scope.stateCode) return empty;
    if (scope.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== scope.districtCode) return empty;
    const { thanaCode, ...place } = scope;
    const rows = await this.reports.list({
      ...this.filters(q),
      ...place,
      ...(thanaCode && { station: { thanaCode, bodyId: principal.body!.id } }),
      officialOnly: !this.isPolice(principal),
      ...(nameKey && { searchName: nameKey }),
      limit: q.limit + 1,
    });
    return this.page(principal, rows, q.limit);
  }

  /** A station takes a citizen's missing report into its missing diary; matching starts then. */
  async accept(principal: Principal, id: string, body: AcceptReportBody): Promise<ReportView> {
    if (!this.isPolice(principal) || !can(principal, 'report:accept')) throw forbidden('a police station accepts a citizen’s report');
    const row = await this.visible(principal, id);
    if (row.status !== 'PENDING_ACCEPTANCE') throw problem('report-state-conflict', `report ${id} is ${row.status.toLowerCase().replaceAll('_', ' ')}, not awaiting acceptance`);
    const now = new Date();
    const accepted = await this.reports.update(
      id,
      { status: 'OPEN', policeRef: body.policeRef, stationId: principal.body?.id ?? null, acceptedAt: now },
      auditedAction(principal, 'report.accepted', { policeRef: body.policeRef }, now),
    );
    await this.enqueueMatching(id);
    await this.watchAhtuReferral(accepted);
    return this.view(principal, accepted);
  }

  async close(principal: Principal, id: string, body: CloseReportBody): Promise<ReportView> {
    const row = await this.visible(principal, id);
    // The police close the reports they work: a station its own, not another station's it reads for matching.
    const mayClose = row.filedBy === principal.userId || (this.isPolice(principal) && can(principal, 'report:accept') && this.works(principal, row));
    if (!mayClose) throw forbidden('the reporter or the police close a report');
    if (row.status === 'CLOSED' || row.status === 'TRACED') throw problem('report-state-conflict', `report ${id} is already ${row.status.toLowerCase()}`);
    const now = new Date();
    const closed = await this.reports.update(id, { status: 'CLOSED', closedAt: now, closedReason: `${body.reason}: ${body.note}` }, auditedAction(principal, 'report.closed', { ...body }, now));
    await this.watchAhtuReferral(closed);
    return this.view(principal, closed);
  }

  async linkCase(principal: Principal, id: string, body: LinkCaseBody): Promise<ReportView> {
    const row = await this.visible(principal, id);
    if (row.kind !== 'FOUND') throw invalidField('caseId', 'only a found report is linked to the found child’s case');
    if (!can(principal, 'report:found')) throw forbidden('your role may not change found reports');
    await this.cases.visible(principal, body.caseId);
    const now = new Date();
    return this.view(principal, await this.reports.update(id, { caseId: body.caseId }, auditedAction(principal, 'report.case-linked', { caseId: body.caseId }, now)));
  }

  async candidates(principal: Principal, id: string, q: CandidateListQuery): Promise<CandidatePage> {
    const row = await this.visible(principal, id);
    if (this.isCitizen(principal)) throw forbidden('match candidates are for the police, the CWC and the DCPU');
    const page = await this.reports.candidatesOf(row.id, row.kind, {
      minProbability: Math.max(q.minProbability ?? REVIEW_THRESHOLD, 0),
      ...(q.status && { status: q.status }),
      offset: q.offset,
      limit: q.limit,
    });
    // Each candidate shows another child's report: the read is on this report's chain, naming them all.
    await this.reads.record(principal, 'report', row.id, 'report.candidates.read', { candidateIds: page.items.map((c) => c.id), reportIds: page.items.map((c) => (c.missing.id === row.id ? c.found.id : c.missing.id)) });
    return { total: page.total, offset: q.offset, limit: q.limit, items: page.items.map((c) => this.candidateView(principal, c)) };
  }

  async candidate(principal: Principal, id: string): Promise<MatchCandidateView> {
    const c = await this.visibleCandidate(principal, id);
    // A candidate shows two children's reports: the read is on each report's chain.
    for (const reportId of [c.missing.id, c.found.id]) await this.reads.record(principal, 'report', reportId, 'match-candidate.read', { candidateId: id });
    return this.candidateView(principal, c);
  }

  /**
   * Confirms or rejects a candidate (the police of the missing report, the CWC or DCPU where the child was
   * found). A confirmation traces the missing report, links it to the found child's case, and tells the
   * case that the family is traced, which starts its verification and restoration.
   */
  async decide(principal: Principal, id: string, body: DecideCandidateBody): Promise<CandidateDecision> {
    if (!can(principal, 'match:decide')) throw forbidden('your role may not confirm or reject matches');
    const c = await this.visibleCandidate(principal, id);
    // A confirmation repeated by the one who made it finishes what a failure may have left: telling the case.
    const repeat = c.status === 'CONFIRMED' && body.decision === 'CONFIRM' && c.decidedBy === principal.userId;
    if (c.status !== 'PROPOSED' && !repeat) throw problem('report-state-conflict', `the candidate is already ${c.status.toLowerCase()}`);
    const now = new Date();
    const decided = repeat
      ? c
      : await this.reports.decide(
          { candidateId: id, decision: body.decision, note: body.note, by: principal.userId, at: now },
          auditedAction(principal, body.decision === 'CONFIRM' ? 'match.confirmed' : 'match.rejected', { missingId: c.missingId, foundId: c.foundId, note: body.note }, now),
        );
    if (!decided) throw problem('report-state-conflict', 'the candidate was decided by someone else a moment ago');
    if (body.decision === 'CONFIRM') await this.watchAhtuReferral(decided.missing);
    let caseStatus: CaseStatus | null = null;
    if (body.decision === 'CONFIRM' && decided.found.caseId) {
      // The confirmation is the authority here: the case may lie in another district than the confirming police.
      caseStatus = await this.cases.applyOnBehalf(principal, decided.found.caseId, 'FAMILY_TRACED', {
        reportRef: decided.missing.policeRef ?? decided.missing.id,
        tracedBy: principal.body?.name ?? principal.displayName,
        familyDistrictCode: decided.missing.districtCode,
        familyStateCode: decided.missing.stateCode,
      }, `match-${decided.id}`);
    }
    return { candidate: this.candidateView(principal, decided), case: caseStatus };
  }

  private async file(
    principal: Principal,
    kind: 'MISSING' | 'FOUND',
    child: FileMissingReportBody['child'],
    occurredAt: string,
    place: FileMissingReportBody['place'],
    extra: {
      status: 'PENDING_ACCEPTANCE' | 'OPEN';
      policeRef: string | null;
      stationId: string | null;
      reporter: FileMissingReportBody['reporter'];
      photo: FileMissingReportBody['photo'];
      caseId: string | null;
      /** a retry under the same key (a phone's outbox resending) gets the first report back, not a second one */
      idempotencyKey: string | undefined;
    },
  ): Promise<ChildReportRow> {
    const id = extra.idempotencyKey ? idempotentId(principal.userId, extra.idempotencyKey, 'report') : randomUUID();
    const first = extra.idempotencyKey ? await this.reports.findById(id) : null;
    if (first) {
      const fingerprint = (r: { kind: string; description: unknown; occurredAt: number; districtCode: string; placeText: string | null; policeRef: string | null; caseId: string | null }) => requestFingerprint(r);
      const same =
        fingerprint({ kind, description: child, occurredAt: Date.parse(occurredAt), districtCode: place.districtCode, placeText: place.text ?? null, policeRef: extra.policeRef, caseId: extra.caseId }) ===
        fingerprint({ kind: first.kind, description: first.description, occurredAt: first.occurredAt.getTime(), districtCode: first.districtCode, placeText: first.placeText, policeRef: first.policeRef, caseId: first.caseId });
      if (!same) throw problem('idempotency-key-reused', IDEMPOTENCY_KEY_REUSED_MESSAGE);
      return first;
    }
    const now = new Date();
    if (Date.parse(occurredAt) > now.getTime() + 5 * 60_000) throw invalidField(kind === 'MISSING' ? 'lastSeenAt' : 'foundAt', 'is in the future');
    const district = await this.geography.findDistrict(place.districtCode);
    if (!district) throw invalidField('place.districtCode', `no district with code ${place.districtCode}`);
    await checkLocalPlaces(this.geography, district, place, 'place.');
    let reporter: Record<string, unknown> | null = extra.reporter ?? null;
    if (this.isCitizen(principal)) {
      reporter = await this.citizenReporter(principal, extra.reporter);
      const today = await this.reports.countFiledSince(principal.userId, new Date(now.getTime() - 86_400_000));
      if (today >= CITIZEN_REPORTS_PER_DAY) throw problem('too-many-reports', `a citizen may file ${CITIZEN_REPORTS_PER_DAY} reports a day; the police station near you takes more`, { perDay: CITIZEN_REPORTS_PER_DAY });
    } else if (!this.access.mayKnow(principal, { stateCode: district.stateCode, districtCode: district.code }) && kind === 'MISSING') {
      throw forbidden(`district ${district.code} is outside your jurisdiction`);
    }
    const matchingPlace = { stateCode: district.stateCode, districtCode: district.code, ...(place.text && { text: place.text }), ...(place.lat !== undefined && { lat: place.lat }), ...(place.lon !== undefined && { lon: place.lon }) };
    const keys = storedKeys(childReportOf({ id, kind, description: child, occurredAt, place: matchingPlace }));
    const role = principal.roles.find((r) => can({ ...principal, roles: [r] }, kind === 'MISSING' ? 'report:missing' : 'report:found')) ?? principal.roles[0]!;
    const row = await this.reports.create(
      {
        id,
        kind,
        status: extra.status,
        policeRef: extra.policeRef,
        stationId: extra.stationId,
        filedBy: principal.userId,
        filedByRole: role,
        filedByBodyId: principal.body?.id ?? null,
        reporterContact: reporter,
        description: child,
        occurredAt: new Date(occurredAt),
        stateCode: district.stateCode,
        districtCode: district.code,
        thanaCode: place.thanaCode ?? null,
        blockCode: place.blockCode ?? null,
        villageCode: place.villageCode ?? null,
        placeText: place.text ?? null,
        lat: place.lat ?? null,
        lon: place.lon ?? null,
        photo: extra.photo ? Buffer.from(extra.photo.base64, 'base64') : null,
        photoType: extra.photo?.contentType ?? null,
        caseId: extra.caseId,
        ...keys,
        createdAt: now,
      },
      auditedAction(principal, `report.${kind.toLowerCase()}.filed`, { status: extra.status, districtCode: district.code }, now),
    );
    if (row.status === 'OPEN') await this.enqueueMatching(row.id);
    await this.watchAhtuReferral(row);
    // Listed for review: earlier reports of the same kind this child may have (the form showed them before saving).
    await this.duplicates.recordForReport({ ...row, kind, description: child }, 'FILING');
    return row;
  }

  private async watchAhtuReferral(r: ChildReportRow): Promise<void> {
    const watched = watchedAhtuReferral(r);
    if (watched) await this.watches.tell(watched);
  }

  /** A citizen files only with a phone or email verified by a code; the report carries it for the police. */
  private async citizenReporter(principal: Principal, given: FileMissingReportBody['reporter']): Promise<Record<string, unknown>> {
    const verified = await this.contacts.verified(principal.userId);
    if (verified.length === 0) throw problem('contact-not-verified', 'a citizen files reports once a phone number or email is verified: POST /me/contact-verifications, then confirm the code');
    const phone = verified.find((v) => v.channel === 'PHONE')?.address;
    const email = verified.find((v) => v.channel === 'EMAIL')?.address;
    return { name: given?.name ?? principal.displayName, ...(phone && { phone }), ...(email && { email }), verified: true };
  }

  private enqueueMatching(reportId: string) {
    return enqueueMatching(this.matching, reportId, String(Date.now()));
  }

  /** 404 unless the principal may know the report: the reporter; the police where it is; officials for official reports. */
  private async visible(principal: Principal, id: string): Promise<ChildReportRow> {
    const first = await this.reports.findById(id);
    // A report merged into another as a duplicate leads to that one.
    const row = first?.mergedIntoId ? await this.reports.findById(first.mergedIntoId) : first;
    if (!row || !this.mayKnow(principal, row)) throw notFound('report', id);
    // A report of a child whose case's records were destroyed under s.24(2) was emptied with them: 410, like the case.
    if (row.caseId) await this.cases.refuseIfDestroyed(row.caseId);
    return row;
  }

  private mayKnow(principal: Principal, row: ChildReportRow): boolean {
    if (row.filedBy === principal.userId) return true;
    if (this.isCitizen(principal) || !can(principal, 'report:read')) return false;
    if (row.filedByRole === 'CITIZEN' && !this.isPolice(principal)) return false;
    const place = { stateCode: row.stateCode, districtCode: row.districtCode };
    // A station works its own thana's reports, and reads its district's missing children: a child found in its
    // area may be one of them (matching), and a citizen's report waits for whichever station accepts it.
    if (principal.body?.level === 'THANA') return this.works(principal, row) || (row.kind === 'MISSING' && this.access.mayKnow(principal, place));
    return this.access.mayKnow(principal, place);
  }

  /** Whether the report is the principal's to work: a station's own (its thana's, or filed or owned by it); any other body's, as it may know it. */
  private works(principal: Principal, row: ChildReportRow): boolean {
    if (principal.body?.level !== 'THANA') return true;
    if (row.stationId === principal.body.id || row.filedByBodyId === principal.body.id) return true;
    return this.access.mayWork(principal, { stateCode: row.stateCode, districtCode: row.districtCode, thanaCode: row.thanaCode });
  }

  /** A candidate is known to the bodies of either report: the police of the missing one, the CWC / DCPU where found. */
  private async visibleCandidate(principal: Principal, id: string): Promise<CandidateRow> {
    const c = await this.reports.candidate(id);
    if (!c || !(this.mayKnow(principal, c.missing) || this.mayKnow(principal, c.found))) throw notFound('candidate', id);
    for (const r of [c.missing, c.found]) if (r.caseId) await this.cases.refuseIfDestroyed(r.caseId);
    return c;
  }

  private candidateView(principal: Principal, c: CandidateRow): MatchCandidateView {
    return {
      id: c.id,
      probability: c.probability,
      explanation: c.explanation as MatchCandidateView['explanation'],
      status: c.status as MatchCandidateView['status'],
      alertedAt: c.alertedAt?.toISOString() ?? null,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      decisionNote: c.decisionNote,
      missing: this.view(principal, c.missing),
      found: this.view(principal, c.found),
    };
  }

  view(principal: Principal, r: ChildReportRow): ReportView {
    const seesReporter = r.filedBy === principal.userId || this.isPolice(principal);
    return {
      id: r.id,
      kind: r.kind as ReportView['kind'],
      status: r.status as ReportView['status'],
      policeRef: r.policeRef,
      stationId: r.stationId,
      child: r.description as ReportView['child'],
      occurredAt: r.occurredAt.toISOString(),
      place: { stateCode: r.stateCode, districtCode: r.districtCode, thanaCode: r.thanaCode, blockCode: r.blockCode, villageCode: r.villageCode, text: r.placeText, lat: r.lat, lon: r.lon },
      caseId: r.caseId,
      filedBy: { id: r.filedBy, role: r.filedByRole, bodyId: r.filedByBodyId },
      ...(seesReporter && { reporter: r.reporterContact as ReportView['reporter'] }),
      hasPhoto: r.photoType !== null,
      createdAt: r.createdAt.toISOString(),
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      tracedAt: r.tracedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      closedReason: r.closedReason,
    };
  }

  private async page(principal: Principal, rows: ChildReportRow[], limit: number) {
    const items = rows.slice(0, limit);
    await this.reads.list(principal, 'reports.listed', 'report', items.map((r) => r.id));
    const named = this.seesNamesInLists(principal);
    return { items: items.map((r) => (named ? this.view(principal, r) : withoutNames(this.view(principal, r)))), nextCursor: rows.length > limit ? encodeTimeCursor(items[items.length - 1]!.createdAt, items[items.length - 1]!.id) : null };
  }

  private filters(q: ReportListQuery) {
    return {
      ...(q.kind && { kind: q.kind }),
      ...(q.status && { status: q.status }),
      ...(q.stateCode && { stateCode: q.stateCode }),
      ...(q.districtCode && { districtCode: q.districtCode }),
      ...(q.cursor && { after: { createdAt: q.cursor.at, id: q.cursor.id } }),
    };
  }

  /**
   * JJ Act s.74: a monitor's lists show the report's number, district and description without the child's or the
   * guardians' names; opening one report (an audited read) shows them. A partner system reads as a monitor but for
   * tracing, which needs the names: its reads are recorded as disclosures (docs/privacy.md).
   */
  private seesNamesInLists(principal: Principal): boolean {
    return needsChildsName(principal.roles) || principal.username.startsWith('partner:');
  }

  private isCitizen(principal: Principal): boolean {
    return principal.body === null && principal.roles.includes('CITIZEN');
  }

  private isPolice(principal: Principal): boolean {
    return hasRoleIn(principal.roles, 'police');
  }

}

/** The report without the names of the child and their guardians (JJ Act s.74), for readers who need no name. */
function withoutNames(v: ReportView): ReportView {
  const { name: _name, aliases: _aliases, guardians: _guardians, ...child } = v.child;
  return { ...v, child };
}

import { ReadAudit } from '../auth/read-audit.js';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AuditRepository, ChildReportRow, ContactVerificationRepository, GeographyRepository, PrivacyRepository, ReportRepository } from '@raksha/db';
import { jaipur, people, problemOf } from '@raksha/api/test/fakes';
import { AccessPolicy } from '../auth/access.policy.js';
import type { CasesService } from '../cases/cases.service.js';
import type { ObligationWatchClient } from '../obligations/obligation-watch.client.js';
import { CITIZEN_REPORTS_PER_DAY, ReportsService } from './reports.service.js';
import type { DuplicateFinder } from '../duplicates/duplicate-finder.js';

const missing = { child: { name: 'Asha', gender: 'FEMALE' as const }, lastSeenAt: '2026-01-01T10:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' } };

describe(ReportsService.name, () => {
  let sut: ReportsService;
  let rows: Map<string, ChildReportRow>;
  let verified: { channel: string; address: string }[];
  let filedToday: number;
  let matched: string[];

  beforeEach(() => {
    rows = new Map();
    verified = [{ channel: 'PHONE', address: '+919800000000' }];
    filedToday = 0;
    matched = [];
    const blank = { acceptedAt: null, tracedAt: null, closedAt: null, closedReason: null };
    const reports = {
      countFiledSince: async () => filedToday,
      create: async (r: ChildReportRow) => (rows.set(r.id, { ...blank, ...r }), rows.get(r.id)),
      findById: async (id: string) => rows.get(id) ?? null,
      update: async (id: string, data: Partial<ChildReportRow>) => (rows.set(id, { ...rows.get(id)!, ...data }), rows.get(id)),
    } as unknown as ReportRepository;
    const contacts = { verified: async () => verified } as unknown as ContactVerificationRepository;
    const geography = { findDistrict: async (code: string) => (code === jaipur.districtCode ? { code, stateCode: jaipur.stateCode } : null) } as unknown as GeographyRepository;
    const watches = { tell: async () => undefined } as unknown as ObligationWatchClient;
    const matching = { add: async (_name: string, job: { reportId: string }) => void matched.push(job.reportId) } as never;
    sut = new ReportsService(reports, contacts, geography, new AccessPolicy(), {} as CasesService, watches, matching, new ReadAudit({ record: async () => undefined } as unknown as AuditRepository), { recordForReport: async () => 0 } as unknown as DuplicateFinder, { acknowledgeNotice: async () => undefined } as unknown as PrivacyRepository);
  });

  it('files a citizen’s missing report for a station to accept, with the verified phone, and starts no matching yet', async () => {
    const filed = await sut.fileMissing(people.citizen, missing);
    expect(filed).toMatchObject({ kind: 'MISSING', status: 'PENDING_ACCEPTANCE', policeRef: null, reporter: { phone: '+919800000000', verified: true } });
    expect(matched).toEqual([]);
  });

  it('asks a citizen to verify a phone or email before filing', async () => {
    verified = [];
    expect(await problemOf(sut.fileMissing(people.citizen, missing))).toMatchObject({ type: 'contact-not-verified', status: 403, title: 'Verify your phone or email first' });
    expect(rows.size).toBe(0);
  });

  it('takes no more than a day’s reports from one citizen, and says where to go instead', async () => {
    filedToday = CITIZEN_REPORTS_PER_DAY;
    expect(await problemOf(sut.fileMissing(people.citizen, missing))).toEqual({
      type: 'too-many-reports',
      status: 429,
      title: 'Too many reports from you today',
      detail: `a citizen may file ${CITIZEN_REPORTS_PER_DAY} reports a day; the police station near you takes more`,
      perDay: CITIZEN_REPORTS_PER_DAY,
    });
  });

  it('lets no CWC member file a missing report: that is the police’s, or a citizen’s', async () => {
    expect(await problemOf(sut.fileMissing(people.cwcJaipur, missing))).toMatchObject({ status: 403, detail: 'missing reports are filed by a police station, or by a citizen for a station to accept' });
  });

  it('asks the police for their missing diary / FIR number', async () => {
    expect(await problemOf(sut.fileMissing(people.policeJaipur, missing))).toMatchObject({ status: 400, errors: [{ field: 'policeRef' }] });
  });

  it('lets the station accept a citizen’s report once, and starts matching then', async () => {
    const filed = await sut.fileMissing(people.citizen, missing);
    await expect(sut.accept(people.policeJaipur, filed.id, { policeRef: 'MD/7' })).resolves.toMatchObject({ status: 'OPEN', policeRef: 'MD/7', stationId: 'PS-RJ-JAIPUR-1' });
    expect(matched).toEqual([filed.id]);
    expect(await problemOf(sut.accept(people.policeJaipur, filed.id, { policeRef: 'MD/7' }))).toMatchObject({
      type: 'report-state-conflict',
      status: 409,
      title: 'The report cannot take this now',
      detail: `report ${filed.id} is open, not awaiting acceptance`,
    });
  });

  it('keeps a citizen’s report from officials other than the police: 404 for the CWC', async () => {
    const filed = await sut.fileMissing(people.citizen, missing);
    expect(await problemOf(sut.get(people.cwcJaipur, filed.id))).toMatchObject({ type: 'report-not-found', status: 404, title: 'No such report' });
  });
});

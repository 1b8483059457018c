// Matching in PostgreSQL at scale, as the worker runs it: a common name among hundreds of reports is searched with the
// district, the time window and the age, a rare name (or a rare pair of common names) alone; every candidate scored is kept (no top-N cut) and paged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDb, createMatchingPool, poolMatchingSql, ReportRepository, type Db, type NewChildReport } from '@raksha/db';
import { KEPT_THRESHOLD, REVIEW_THRESHOLD } from '@raksha/matching';
import { createMatcher } from '../src/matching.js';
import { childReport, storeChildReports, testSealer } from '@raksha/test-support/child-reports';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';

const DISTRICTS: [string, string][] = [['RJ', 'RJ-JAIPUR'], ['RJ', 'RJ-JODHPUR'], ['UP', 'UP-LUCKNOW'], ['BR', 'BR-PATNA'], ['MH', 'MH-MUMBAI'], ['DL', 'DL-NEW-DELHI']];

const report = childReport;

describe('createMatcher against PostgreSQL', () => {
  let scratch: ScratchDb;
  let db: Db;
  let reports: ReportRepository;
  const sent: unknown[] = [];
  const matcher = () => createMatcher({ reports, notifications: { add: async (...args: unknown[]) => void sent.push(args) } as never });

  beforeAll(async () => {
    scratch = await createScratchDb();
    db = createDb(scratch.url);
    reports = new ReportRepository(db, testSealer());
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  const store = (rows: NewChildReport[]) => storeChildReports(db, rows);

  it('finds the true report of a common name among 420 others of that name, first, and keeps every candidate it scores', async () => {
    // 420 girls called Puja, aged 8 to 12, missing across six districts over 2023–2024: more than COMMON_KEY_REPORTS.
    const others = Array.from({ length: 420 }, (_, i) =>
      report('MISSING', { name: i % 2 ? 'Puja' : 'Puja Kumari', gender: 'FEMALE', ageYears: { min: 8 + (i % 5), max: 8 + (i % 5) }, guardians: [{ relation: 'FATHER', name: ['Suresh', 'Mahesh', 'Dinesh'][i % 3]! }] },
        `202${3 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`, DISTRICTS[i % DISTRICTS.length]!),
    );
    const [truly] = await store([
      report('MISSING', { name: 'Puja Meena', gender: 'FEMALE', ageYears: { min: 10, max: 10 }, guardians: [{ relation: 'FATHER', name: 'Ramesh Meena' }], identifyingMarks: 'mole on left cheek' }, '2024-03-01', ['RJ', 'RJ-JAIPUR']),
      ...others,
    ]);
    const [child] = await store([report('FOUND', { name: 'पूजा', gender: 'FEMALE', ageYears: { min: 9, max: 11 }, guardians: [{ relation: 'FATHER', name: 'Ramesh' }], identifyingMarks: 'til on left cheek' }, '2024-03-04', ['RJ', 'RJ-JAIPUR'])]);

    const outcome = await matcher().matchReport(child!.id);
    expect(outcome.blocked).toBeGreaterThan(0);
    expect(outcome.blocked).toBeLessThan(200); // searched with the district, the month and the age, not all 421
    const page = await reports.candidatesOf(child!.id, 'FOUND', { minProbability: 0, offset: 0, limit: 10 });
    expect(page.items[0]?.missingId).toBe(truly!.id);
    expect(page.total).toBe(outcome.kept);
    const explanation = page.items[0]!.explanation as { fields: { field: string; reason: string }[] };
    expect(explanation.fields.find((f) => f.field === 'name')?.reason).toMatch(/common name \(puja/);
  });

  it('pages beyond the review threshold through every candidate kept, without repeats', async () => {
    const [child] = await store([report('FOUND', { name: 'Puja', gender: 'FEMALE', ageYears: { min: 10, max: 10 } }, '2024-05-10', ['UP', 'UP-LUCKNOW'])]);
    const outcome = await matcher().matchReport(child!.id);
    const reviewed = await reports.candidatesOf(child!.id, 'FOUND', { minProbability: REVIEW_THRESHOLD, offset: 0, limit: 1000 });
    const seen: string[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await reports.candidatesOf(child!.id, 'FOUND', { minProbability: KEPT_THRESHOLD, offset, limit: 7 });
      expect(page.total).toBe(outcome.kept);
      if (page.items.length === 0) break;
      seen.push(...page.items.map((c) => c.id));
    }
    expect(outcome.kept).toBeGreaterThan(reviewed.total);
    expect(new Set(seen).size).toBe(outcome.kept);
  });

  it('stores each kept pair with its own explanation (one statement for all of them)', async () => {
    const [child] = await store([report('FOUND', { name: 'Puja Kumari', gender: 'FEMALE', ageYears: { min: 9, max: 11 } }, '2024-02-20', ['BR', 'BR-PATNA'])]);
    const outcome = await matcher().matchReport(child!.id);
    const page = await reports.candidatesOf(child!.id, 'FOUND', { minProbability: 0, offset: 0, limit: 1000 });
    expect(outcome.kept).toBeGreaterThan(5);
    expect(page.items).toHaveLength(outcome.kept);
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(Math.max(...page.items.map((c) => logit(c.probability))) - Math.min(...page.items.map((c) => logit(c.probability)))).toBeGreaterThan(1);
    for (const c of page.items) expect((c.explanation as { logOdds: number }).logOdds).toBeCloseTo(logit(c.probability), 1);
  });

  it('searches a rare name by itself: the child found a year later in another state', async () => {
    const [ishaan] = await store([report('MISSING', { name: 'Ishaan Vargis', gender: 'MALE', ageYears: { min: 11, max: 11 } }, '2023-02-01', ['MH', 'MH-MUMBAI'])]);
    const [child] = await store([report('FOUND', { name: 'Ishan', gender: 'MALE', ageYears: { min: 11, max: 13 } }, '2024-04-01', ['DL', 'DL-NEW-DELHI'])]);
    const outcome = await matcher().matchReport(child!.id);
    const page = await reports.candidatesOf(child!.id, 'FOUND', { minProbability: 0, offset: 0, limit: 5 });
    expect(outcome.blocked).toBeGreaterThanOrEqual(1);
    expect(page.items.map((c) => c.missingId)).toContain(ishaan!.id);
  });

  it('searches a rare pair of common names by itself: Kavya Thakur found two years later in another state', async () => {
    const age = { min: 12, max: 12 };
    // 101 girls called Kavya and 101 called Thakur: each name common, the pair not (MatchKeyPair counts it).
    await store(Array.from({ length: 101 }, (_, i) => report('MISSING', { name: `Kavya ${['Soni', 'Bairwa', 'Kanwar'][i % 3]}`, gender: 'FEMALE', ageYears: age }, '2023-07-01', ['RJ', 'RJ-JAIPUR'])));
    await store(Array.from({ length: 101 }, (_, i) => report('MISSING', { name: `${['Nisha', 'Pooja', 'Rekha'][i % 3]} Thakur`, gender: 'FEMALE', ageYears: age }, '2023-07-01', ['RJ', 'RJ-JAIPUR'])));
    const [kavya] = await store([report('MISSING', { name: 'Kavya Thakur', gender: 'FEMALE', ageYears: age }, '2022-05-01', ['MH', 'MH-MUMBAI'])]);
    const [child] = await store([report('FOUND', { name: 'Kavya Thakur', gender: 'FEMALE', ageYears: { min: 13, max: 15 } }, '2024-06-01', ['DL', 'DL-NEW-DELHI'])]);
    const outcome = await matcher().matchReport(child!.id);
    const page = await reports.candidatesOf(child!.id, 'FOUND', { minProbability: 0, offset: 0, limit: 5 });
    expect(page.items.map((c) => c.missingId)).toContain(kavya!.id);
    expect(outcome.blocked).toBeLessThan(10); // not the 202 reports of either name
  });

  it('matches the same through a pg pool of its own as through Prisma, and alerts once', async () => {
    const [truly] = await store([report('MISSING', { name: 'Meera Bairwa', gender: 'FEMALE', ageYears: { min: 9, max: 9 }, guardians: [{ relation: 'FATHER', name: 'Mohan Bairwa' }], identifyingMarks: 'mole on left cheek' }, '2024-08-01', ['RJ', 'RJ-JODHPUR'])]);
    const [child] = await store([report('FOUND', { name: 'Meera Bairwa', gender: 'FEMALE', ageYears: { min: 8, max: 10 }, guardians: [{ relation: 'FATHER', name: 'Mohan Bairwa' }], identifyingMarks: 'til on left cheek' }, '2024-08-02', ['RJ', 'RJ-JODHPUR'])]);
    const viaPrisma = await matcher().matchReport(child!.id);
    const before = await reports.candidatesOf(child!.id, 'FOUND', { minProbability: 0, offset: 0, limit: 100 });
    const pool = createMatchingPool(scratch.url, 1);
    try {
      const pooled = new ReportRepository(db, testSealer(), poolMatchingSql(pool));
      const viaPool = await createMatcher({ reports: pooled, notifications: { add: async (...args: unknown[]) => void sent.push(args) } as never }).matchReport(child!.id);
      const after = await pooled.candidatesOf(child!.id, 'FOUND', { minProbability: 0, offset: 0, limit: 100 });
      expect(viaPool).toEqual({ ...viaPrisma, alerted: 0 }); // alerted already, through Prisma
      expect(viaPrisma.alerted).toBe(1);
      expect(after.items.map((c) => [c.missingId, c.probability, c.alertedAt])).toEqual(before.items.map((c) => [c.missingId, c.probability, c.alertedAt]));
      expect(after.items[0]?.missingId).toBe(truly!.id);
    } finally {
      await pool.end();
    }
  });
});

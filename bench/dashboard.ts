// `npm run bench:dashboard`: the MIS dashboard's latency with 1,000,000 synthetic cases and their timelines
// in PostgreSQL (database raksha_bench, emptied and refilled each run). Not a test: it prints figures.
// Times the national view (every state, as a national monitor), the five largest states and districts in turn, the
// nightly roll-up of the monthly trends (every state's 24 closed months), and the monthly trends as a monitor reads
// them after it (national and the largest state: closed months from the roll-up, the current month live).
// Usage: npm run bench:dashboard -- [--cases 1000000] [--runs 60] [--trend-runs 10] [--keep-data [--keep-rollup]]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DashboardRepository, TrendsRepository, createDb } from '@raksha/db';
import { AccessPolicy } from '@raksha/api/auth/access.policy';
import type { Principal } from '@raksha/api/auth/principal';
import { DashboardsService } from '@raksha/api/dashboards/dashboards.service';
import { DashboardTrendsService } from '@raksha/api/dashboards/trends.service';
import { applyMigrations } from '@raksha/prisma/migrations-lib';
import { rollUpTrends, trendRollupDeps } from '@raksha/worker/trend-rollup';
import { benchPool, prepareBenchDatabase, withoutIndexes } from './lib/setup.js';
import { formatMs, summarise } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '60' },
    'trend-runs': { type: 'string', default: '10' },
    'keep-data': { type: 'boolean', default: false },
    // with --keep-data: the kept database's roll-up is today's, so the trends are timed without running it again
    'keep-rollup': { type: 'boolean', default: false },
  },
});
const cases = Number(args.cases);
const runs = Number(args.runs);
const trendRuns = Number(args['trend-runs']);
if (!Number.isInteger(cases) || cases < 1000 || !Number.isInteger(runs) || runs < 5 || !Number.isInteger(trendRuns) || trendRuns < 0) {
  throw new Error('--cases ≥ 1000, --runs ≥ 5 and --trend-runs ≥ 0, integers');
}

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench`;
const adminUrl = `postgresql://${user}:${password}@${hostPort}/raksha_test`;
const log = (line: string) => console.log(`[bench:dashboard] ${line}`);

const pool = benchPool(benchUrl);
const sql = async (text: string, what: string) => {
  const t0 = performance.now();
  const r = await pool.query(text);
  log(`${what}: ${r.rowCount ?? 0} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
};

if (!args['keep-data']) {
  log(`preparing raksha_bench (migrations, seed) and generating ${cases.toLocaleString('en-IN')} cases`);
  await prepareBenchDatabase(adminUrl, benchUrl);
  // Cases spread over every district, weighted towards a few large ones as in life; ages of up to two years. Each
  // half of the cases (and then of their timelines) is written by its own connection, one core each; the case number
  // is given (state/district/year/serial, the serial unique in the set) rather than counted per district by the
  // trigger, whose counter rows updated millions of times in one transaction would make the load quadratic.
  const halves = [`g <= ${Math.floor(cases / 2)}`, `g > ${Math.floor(cases / 2)}`];
  await withoutIndexes(pool, ['Case', 'TimelineEntry', 'Escalation', 'ChildReport', 'Admission'], async () => {
    await Promise.all(
      halves.map((half, i) =>
        sql(
          `WITH d AS (SELECT code, "stateCode", "caseCode", row_number() OVER (ORDER BY code) - 1 AS n FROM "District"),
                districts AS (SELECT count(*) AS n FROM "District")
           INSERT INTO "Case" (id, "caseNumber", track, state, phase, "districtCode", "stateCode", "childName", sequence, "nextDueAt", "openDeadlines", "registeredAt",
                               "producedAt", "productionLate", "sirSubmittedAt", "sirLate", "restoredAt", "closedAt", "updatedAt")
           SELECT md5('case' || g)::uuid,
                  raksha_case_number(d."stateCode", d."caseCode", extract(year FROM reg AT TIME ZONE 'Asia/Kolkata')::int, g::int),
                  CASE WHEN g % 5 = 0 THEN 'CICL' ELSE 'CNCP' END,
                  'synthetic',
                  (ARRAY['PRODUCTION','INQUIRY','INQUIRY','PLACEMENT','PLACEMENT','RESTORATION','FOLLOW_UP','FOLLOW_UP','AWAITING_CLOSURE','CLOSED'])[1 + g % 10],
                  d.code, d."stateCode", NULL, 6,
                  now() + ((g % 90) - 30) * interval '1 day', '[]'::jsonb,
                  reg, reg + ((g % 31) * interval '1 hour'), (g % 31) > 24,
                  CASE WHEN g % 10 < 7 THEN reg + ((g % 20) * interval '1 day') END, CASE WHEN g % 10 < 7 THEN (g % 20) > 15 END,
                  CASE WHEN g % 10 >= 6 THEN reg + interval '90 days' END,
                  CASE WHEN g % 10 = 9 THEN reg + interval '400 days' END,
                  now()
           FROM generate_series(1::bigint, ${cases}::bigint) g
           CROSS JOIN LATERAL (SELECT now() - ((g * 7919) % 730) * interval '1 day' - (g % 24) * interval '1 hour' AS reg) r
           CROSS JOIN districts
           JOIN d ON d.n = ((g * 2654435761) % 4096) % districts.n
           WHERE ${half}`,
          `cases (half ${i + 1})`,
        ),
      ),
    );
    await Promise.all(
      [`c.id < '80000000-0000-0000-0000-000000000000'`, `c.id >= '80000000-0000-0000-0000-000000000000'`].map((half, i) =>
        sql(
          `INSERT INTO "TimelineEntry" ("caseId", sequence, "eventType", "fromState", "toState", payload, deadlines, "occurredAt")
           SELECT c.id, s, (ARRAY['REGISTERED','PRODUCED_BEFORE_CWC','INTERIM_PLACEMENT_ORDERED','SIR_ORDERED','SIR_SUBMITTED','FINAL_ORDER_PASSED'])[s + 1],
                  NULL, 'synthetic', '{}'::jsonb, '{}'::jsonb, c."registeredAt" + s * interval '3 days'
           FROM "Case" c CROSS JOIN generate_series(0, 5) s WHERE ${half}`,
          `timeline entries (half ${i + 1})`,
        ),
      ),
    );
    await sql(
      `INSERT INTO "Escalation" (id, "caseId", "deadlineId", obligation, citation, rung, "toBody", "districtCode", "stateCode", "dueAt", "raisedAt", status, "resolvedAt")
       SELECT md5('esc' || c.id)::uuid, c.id, 'cncp.production', 'Produce the child before the CWC', 's.31(1)', 0, 'DCPU', c."districtCode", c."stateCode",
              c."registeredAt" + interval '24 hours', c."registeredAt" + interval '24 hours', CASE WHEN c."productionLate" THEN 'RESOLVED' ELSE 'OPEN' END,
              CASE WHEN c."productionLate" THEN c."producedAt" END
       FROM "Case" c WHERE c."productionLate"`,
      'escalations',
    );
    await sql(
      `INSERT INTO "ChildReport" (id, kind, status, "filedBy", "filedByRole", description, "occurredAt", "stateCode", "districtCode", "searchName", "nameKeys", "nameSkeletons", "guardianKeys", gender, "createdAt", "tracedAt")
       SELECT md5('report' || c.id)::uuid, 'MISSING', CASE WHEN c.phase IN ('RESTORATION','FOLLOW_UP') THEN 'TRACED' ELSE 'OPEN' END,
              md5('user')::uuid, 'STATION_OFFICER', '{}'::jsonb, c."registeredAt" - interval '2 days', c."stateCode", c."districtCode", '', '{}', '{}', '{}', 'UNKNOWN',
              c."registeredAt" - interval '2 days', CASE WHEN c.phase IN ('RESTORATION','FOLLOW_UP') THEN c."registeredAt" + interval '10 days' END
       FROM "Case" c WHERE ('x' || substr(c.id::text, 1, 4))::bit(16)::int % 10 = 0`,
      'missing reports',
    );
    await sql(
      `WITH d AS (SELECT code, "stateCode", row_number() OVER (ORDER BY code) AS n FROM "District")
       INSERT INTO "Body" (id, type, name, level, "stateCode", "districtCode") SELECT 'CCI-BENCH-' || n || '-' || k, 'CCI', 'Bench Home ' || n || '/' || k, 'DISTRICT', "stateCode", code FROM d CROSS JOIN generate_series(1, 2) k`,
      'institutions',
    );
    await sql(`INSERT INTO "Institution" ("bodyId", kind, management) SELECT id, 'CHILDRENS_HOME', 'NGO' FROM "Body" WHERE id LIKE 'CCI-BENCH-%'`, 'institution rows');
    await sql(
      `INSERT INTO "InstitutionCapacity" ("institutionId", gender, "ageBand", sanctioned) SELECT i."bodyId", g, b, 25 FROM "Institution" i CROSS JOIN unnest(ARRAY['MALE','FEMALE']) g CROSS JOIN unnest(ARRAY['6-11','12-17']) b WHERE i."bodyId" LIKE 'CCI-BENCH-%'`,
      'capacities',
    );
    await sql(
      `INSERT INTO "Admission" (id, "caseId", "institutionId", "orderRef", gender, "ageBand", "admittedAt", "admittedBy")
       SELECT md5('adm' || c.id)::uuid, c.id, 'CCI-BENCH-' || (SELECT n FROM (SELECT code, row_number() OVER (ORDER BY code) n FROM "District") x WHERE x.code = c."districtCode") || '-1',
              'F18', 'MALE', '12-17', c."registeredAt" + interval '2 days', 'bench'
       FROM "Case" c WHERE c.phase = 'PLACEMENT' AND ('x' || substr(c.id::text, 1, 4))::bit(16)::int % 20 = 0`,
      'admissions',
    );
  }, log);
}
// A kept database may predate the latest migrations (new indexes).
await applyMigrations(benchUrl);
// The steady state autovacuum keeps a live database in: statistics, and the visibility map that lets a
// count be answered from an index alone.
await sql('VACUUM (ANALYZE)', 'vacuum and analyze');

const counts = (await pool.query<{ state: string; cases: string }>(`SELECT "stateCode" AS state, count(*) AS cases FROM "Case" GROUP BY 1 ORDER BY 2 DESC`)).rows;
const timeline = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "TimelineEntry"`)).rows[0]!.n;
log(`database holds ${counts.reduce((s, r) => s + Number(r.cases), 0).toLocaleString('en-IN')} cases in ${counts.length} states and ${Number(timeline).toLocaleString('en-IN')} timeline entries; largest state ${counts[0]?.state} with ${Number(counts[0]?.cases).toLocaleString('en-IN')}`);

const db = createDb(benchUrl);
const sut = new DashboardsService(new DashboardRepository(db), new TrendsRepository(db), new AccessPolicy());
const monitor: Principal = {
  userId: '00000000-0000-8000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  roles: ['NATIONAL_MONITOR'],
  body: { id: 'MWCD', type: 'MWCD', name: 'MWCD', level: 'NATIONAL', stateCode: null, districtCode: null, thanaCode: null },
  secondStep: { required: true, enrolled: true },
  sessionId: 'bench',
  enrolmentOnly: false,
};
const largest = counts.slice(0, 5).map((r) => r.state);
const time = async (query: Parameters<DashboardsService['overview']>[1]) => {
  const t0 = performance.now();
  await sut.overview(monitor, query);
  return performance.now() - t0;
};
for (let i = 0; i < 3; i += 1) await time({ stateCode: largest[0]!, format: 'json' }); // warm
const stateRuns: number[] = [];
for (let i = 0; i < runs; i += 1) stateRuns.push(await time({ stateCode: largest[i % largest.length]!, format: 'json' }));
const districts = (await pool.query<{ code: string }>(`SELECT "districtCode" AS code FROM "Case" GROUP BY 1 ORDER BY count(*) DESC LIMIT 5`)).rows.map((r) => r.code);
const districtRuns: number[] = [];
for (let i = 0; i < runs; i += 1) districtRuns.push(await time({ districtCode: districts[i % districts.length]!, format: 'json' }));
const nationalRuns: number[] = [];
for (let i = 0; i < runs; i += 1) nationalRuns.push(await time({ format: 'json' }));
// The night's roll-up, as the worker runs it: every state's 24 closed months counted per district.
const rollUpStarted = performance.now();
const rollingUp = !(args['keep-data'] && args['keep-rollup']);
const rolledUpRows = rollingUp ? await rollUpTrends(trendRollupDeps(db), new Date()) : 0;
const rollUpMs = rollingUp ? performance.now() - rollUpStarted : null;
if (rollUpMs !== null) log(`nightly roll-up of the trends: ${rolledUpRows.toLocaleString('en-IN')} district-months in ${(rollUpMs / 1000).toFixed(1)} s`);
const trendsSut = new DashboardTrendsService(new TrendsRepository(db), new DashboardRepository(db), new AccessPolicy());
const timeTrends = async (stateCode?: string) => {
  const t0 = performance.now();
  await trendsSut.monthly(monitor, { ...(stateCode && { stateCode }), months: 12, format: 'json' });
  return performance.now() - t0;
};
const nationalTrendRuns: number[] = [];
const stateTrendRuns: number[] = [];
for (let i = 0; i < trendRuns; i += 1) {
  nationalTrendRuns.push(await timeTrends());
  stateTrendRuns.push(await timeTrends(largest[0]!));
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1]!;
const figures = { national: nationalRuns, state: stateRuns, district: districtRuns, nationalTrends: nationalTrendRuns, stateTrends: stateTrendRuns };
const summaries = Object.fromEntries(Object.entries(figures).filter(([, xs]) => xs.length > 0).map(([k, xs]) => [k, { ...summarise(xs), p95: p95(xs) }]));
const labels: Record<string, string> = {
  national: 'national view (every state, 12 months)',
  state: 'state dashboard (12 months, the 5 largest states in turn)',
  district: 'district dashboard (the 5 largest districts in turn)',
  nationalTrends: 'monthly trends, national (12 months; closed months rolled up)',
  stateTrends: `monthly trends, ${largest[0]} (12 months; closed months rolled up)`,
};
for (const [k, xs] of Object.entries(figures)) if (xs.length > 0) log(`${labels[k]}: ${formatMs(summarise(xs))}; p95 ${p95(xs).toFixed(1)} ms`);
console.log(JSON.stringify({ cases: Number(counts.reduce((s, r) => s + Number(r.cases), 0)), timelineEntries: Number(timeline), runs, trendRuns, rollUpMs, rolledUpRows, ...summaries }));
await db.$disconnect();
await pool.end();

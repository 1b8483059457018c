// `npm run bench:matching`: the matching engine against many missing reports in PostgreSQL (raksha_bench, or
// BENCH_DATABASE_URL; emptied and refilled unless --keep-data finds the same reports there): latency of matching one
// found child as the worker's job does (blocking in PostgreSQL, scoring, saving candidates, alerts on Redis db 9),
// throughput of re-matching found children, recall@10 and precision@1 on the generator's true pairs, and the index
// sizes. Not a test.
// --profile national: the generator's national profile instead of the dense data set the weights were fitted on
// (--profile fitted, the default): children spread over every district of the 17 profiled states in the seed geography,
// reports over 2013-01-01..2025-06-30 (a million is ~12.5 years of India's ~80,000 a year), and given names drawn
// Zipf-like from longer lists (libs/matching/src/synthetic/profile.ts). --keep-data reuses only the same profile's reports.
// Usage: npm run bench:matching -- [--missing 1000000] [--measure 300] [--rematch 10000] [--keep-data] [--prisma]
//        [--profile fitted|national]
import { createHash, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { createMatcher } from '@raksha/activities';
import { redisConnectionOptions } from '@raksha/config';
import { NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { createDb, createMatchingPool, poolMatchingSql, ReportRepository } from '@raksha/db';
import { testSealer } from '@raksha/test-support/child-reports';
import { analyseName, BLOCKING_KEYS_VERSION, daysBetween, REVIEW_THRESHOLD, storedKeys, type ChildReport, type FoundReport, type MissingReport } from '@raksha/matching';
import { generateDataset, PET_NAMES } from '@raksha/matching/synthetic';
import { INDIA_GEOGRAPHY } from '@raksha/prisma/geography';
import { applyMigrations } from '@raksha/prisma/migrations-lib';
import { benchPool, prepareBenchDatabase } from './lib/setup.js';
import { formatMs, summarise } from './lib/stats.js';
import { runBounded } from './lib/pool.js';

const { values: args } = parseArgs({
  options: {
    missing: { type: 'string', default: '1000000' },
    measure: { type: 'string', default: '300' },
    rematch: { type: 'string', default: '10000' },
    'keep-data': { type: 'boolean', default: false },
    /** a match's statements through Prisma's raw queries instead of a pg pool of their own */
    prisma: { type: 'boolean', default: false },
    /** fitted (the dense data set the weights were fitted on) or national */
    profile: { type: 'string', default: 'fitted' },
  },
});
if (args.profile !== 'fitted' && args.profile !== 'national') throw new RangeError(`--profile fitted|national, not ${args.profile}`);
const national = args.profile === 'national';
/** Each batch's seed and the label of its stable ids: the national profile's differ, so that --keep-data never takes one profile's reports for the other's. */
const batchLabel = (b: number) => (national ? `bench-national-${b}` : `bench-${b}`);
const profileOptions = national ? { profile: 'national' as const, districts: INDIA_GEOGRAPHY.districts, from: '2013-01-01', to: '2025-06-30' } : {};
const missingTotal = Number(args.missing);
const measure = Number(args.measure);
const rematch = Number(args.rematch);
const BATCH = 10_000;
const log = (line: string) => console.log(`[bench:matching] ${line}`);

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench`;
const pool = benchPool(benchUrl);
await applyMigrations(benchUrl);
const stored = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "ChildReport" WHERE kind = 'MISSING'`).catch(() => ({ rows: [{ n: '0' }] }))).rows[0]!.n);
// Missing reports in batches of 10,000 (one seed each); the first batches carry the true pairs.
const truePairsWanted = Math.max(measure, Math.min(rematch, missingTotal / 10));
const batch = (b: number, pairs: number) =>
  generateDataset({ seed: batchLabel(b), truePairs: pairs, missingDistractors: Math.min(BATCH, missingTotal - b * BATCH) - pairs, foundDistractors: 0, ...profileOptions });
const firstBatch = batch(0, Math.min(BATCH / 2, truePairsWanted));
const probe = stableId(batchLabel(0), firstBatch.missing[0]!.id);
const sameReports = stored === missingTotal && (await pool.query(`SELECT 1 FROM "ChildReport" WHERE id = $1`, [probe])).rowCount === 1;
if (args['keep-data'] && stored === missingTotal && !sameReports) log(`--keep-data: the stored reports are not the ${args.profile} profile's; storing them anew`);
const keep = args['keep-data'] && sameReports;
if (keep) {
  // The same seeds give the same reports and ids: drop only what the last run added.
  await pool.query(`TRUNCATE "MatchCandidate"`);
  await pool.query(`DELETE FROM "ChildReport" WHERE kind = 'FOUND'`);
  await pool.query(`DELETE FROM "MatchKey" WHERE kind = 'FOUND'`);
  await pool.query(`DELETE FROM "MatchKeyPair" WHERE kind = 'FOUND'`);
} else {
  await prepareBenchDatabase(`postgresql://${user}:${password}@${hostPort}/raksha_test`, benchUrl);
}
const FILER = '00000000-0000-4000-8000-00000000be7c';
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** A stable uuid per batch and synthetic id, so that --keep-data can find the stored reports again. */
function stableId(batch: string, id: string): string {
  const h = createHash('sha1').update(`${batch}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One multi-row insert of reports with their blocking keys, as the API stores them. */
async function insert(reports: readonly ChildReport[], ids: Map<string, string>, batch: string): Promise<void> {
  const rows = reports.map((r) => {
    const id = batch === '' ? randomUUID() : stableId(batch, r.id);
    ids.set(r.id, id);
    const keys = storedKeys(r);
    const { id: _id, kind, place, ...description } = r as ChildReport & { lastSeenAt?: string; foundAt?: string };
    const occurredAt = kind === 'MISSING' ? (r as { lastSeenAt: string }).lastSeenAt : (r as { foundAt: string }).foundAt;
    return [id, kind, JSON.stringify(description), occurredAt, place?.stateCode ?? 'RJ', place?.districtCode ?? 'RJ-JAIPUR', keys.searchName, keys.searchByAttributes, keys.nameKeys, keys.nameSkeletons, keys.guardianKeys, keys.gender, keys.birthYearMin, keys.birthYearMax];
  });
  const col = (i: number) => rows.map((r) => r[i]);
  await pool.query(
    `INSERT INTO "ChildReport" (id, kind, status, "filedBy", "filedByRole", description, "occurredAt", "stateCode", "districtCode", "searchName", "searchByAttributes",
                                "nameKeys", "nameSkeletons", "guardianKeys", gender, "birthYearMin", "birthYearMax", "keysVersion", "createdAt", "stationId")
     SELECT u.id, u.kind, 'OPEN', $15, 'STATION_OFFICER', u.description, u.at, u.state, u.district, u.search, u.attrs,
            string_to_array(u.keys, '|'), string_to_array(u.skeletons, '|'), string_to_array(u.guardians, '|'), u.gender, u.ymin, u.ymax, $16, now(), NULL
     FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::int[])
          AS u(id, kind, description, at, state, district, search, attrs, keys, skeletons, guardians, gender, ymin, ymax)`,
    [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8).map((k) => (k as string[]).join('|')), col(9).map((k) => (k as string[]).join('|')), col(10).map((k) => (k as string[]).join('|')), col(11), col(12), col(13), FILER, BLOCKING_KEYS_VERSION],
  );
}

const ids = new Map<string, string>();
const found: FoundReport[] = [];
const truth = new Map<string, string>(); // found synthetic id -> missing uuid
const trueMissing = new Map<string, MissingReport>(); // found synthetic id -> its missing report
const t0 = performance.now();
for (let b = 0; b * BATCH < missingTotal; b += 1) {
  const pairs = Math.min(BATCH / 2, Math.max(0, truePairsWanted - found.length));
  if (keep && pairs === 0) break;
  const data = b === 0 ? firstBatch : batch(b, pairs);
  if (keep) data.missing.forEach((m) => ids.set(m.id, stableId(batchLabel(b), m.id)));
  else await insert(data.missing, ids, batchLabel(b));
  const missingById = new Map(data.missing.map((m) => [m.id, m]));
  for (const p of data.truePairs) {
    const f = data.found.find((x) => x.id === p.foundId)!;
    const fid = `${b}:${f.id}`;
    found.push({ ...f, id: fid });
    truth.set(fid, ids.get(p.missingId)!);
    trueMissing.set(fid, missingById.get(p.missingId)!);
  }
  if (b % 10 === 9) log(`${((b + 1) * BATCH).toLocaleString('en-IN')} missing reports in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
if (!keep) await pool.query('VACUUM ANALYZE "ChildReport"');
log(`${missingTotal.toLocaleString('en-IN')} missing reports ${keep ? 'kept from the last run' : 'stored'} in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${found.length} found children with a true missing report; load ${load()}`);

const db = createDb(benchUrl);
const notifications = new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(`redis://127.0.0.1:${process.env.REDIS_PORT ?? '6379'}/9`) });
/** The repository as the worker uses it, timing its candidate search. */
class TimedReports extends ReportRepository {
  searchMs: number[] = [];
  lastBlocked = new Set<string>();
  // the matcher searches through candidatesOfEach (one report at a time here)
  override async candidatesOfEach(...args: Parameters<ReportRepository['candidatesOfEach']>) {
    const t = performance.now();
    const result = await super.candidatesOfEach(...args);
    this.searchMs.push(performance.now() - t);
    this.lastBlocked = new Set(result.flatMap((r) => r.rows.map((row) => row.id)));
    return result;
  }
}
const matchingPool = createMatchingPool(benchUrl);
const reports = new TimedReports(db, testSealer(), args.prisma ? undefined : poolMatchingSql(matchingPool));
log(`a match's statements through ${args.prisma ? 'Prisma' : 'a pg pool of their own'}`);
const matcher = createMatcher({ reports, notifications });
const foundIds = new Map<string, string>();
await insert(found, foundIds, '');
await pool.query('VACUUM ANALYZE "ChildReport"');

const PET_NAME_WORDS = new Set(Object.values(PET_NAMES).flatMap((names) => names.map((n) => n.latin)));
/** What name the found child gave, as the generator decides it (reports.ts, foundName): none or "Unknown", a pet name, or the name. */
function nameSituation(f: FoundReport): 'named' | 'pet name' | 'no usable name' {
  if (analyseName(f.name ?? '').tokens.length === 0) return 'no usable name';
  return PET_NAME_WORDS.has(f.name!) ? 'pet name' : 'named';
}
/** Found in the district the child went missing from, within 4 weeks of last seen: the pairs the place and time can single out. */
function nearHome(f: FoundReport): boolean {
  const m = trueMissing.get(f.id)!;
  return m.place?.districtCode === f.place?.districtCode && daysBetween(m.lastSeenAt, f.foundAt) <= 28;
}

/** Matches one found child as the worker's job does; returns its latency and where its true report ranked. */
async function matchOne(f: FoundReport) {
  const id = foundIds.get(f.id)!;
  const t = performance.now();
  const outcome = await matcher.matchReport(id);
  const ms = performance.now() - t;
  const ranked = (await pool.query<{ missingId: string; probability: number }>(`SELECT "missingId", probability FROM "MatchCandidate" WHERE "foundId" = $1 ORDER BY probability DESC, id LIMIT 10`, [id])).rows;
  const rank = ranked.findIndex((r) => r.missingId === truth.get(f.id));
  const reviewed = rank >= 0 && ranked[rank]!.probability >= REVIEW_THRESHOLD;
  return { ms, rank, blocked: outcome.blocked, trueBlocked: reports.lastBlocked.has(truth.get(f.id)!), reviewed, kept: outcome.kept, situation: nameSituation(f), nearHome: nearHome(f) };
}

const sample = found.slice(0, measure);
const results: Awaited<ReturnType<typeof matchOne>>[] = [];
for (const f of sample) results.push(await matchOne(f));
const latency = summarise(results.map((r) => r.ms));
const p95 = [...results.map((r) => r.ms)].sort((a, b) => a - b)[Math.ceil(0.95 * results.length) - 1]!;
const recall10 = results.filter((r) => r.rank >= 0).length / results.length;
const precision1 = results.filter((r) => r.rank === 0).length / results.length;
const blocked = summarise(results.map((r) => r.blocked));
const keptPerChild = summarise(results.map((r) => r.kept));
const reviewed = results.filter((r) => r.reviewed).length / results.length;
log(`matching one found child: ${formatMs(latency)}; p95 ${p95.toFixed(1)} ms; candidates from blocking p50 ${blocked.p50}, p90 ${blocked.p90}, max ${blocked.max}; kept p50 ${keptPerChild.p50}, max ${keptPerChild.max}`);
log(`of which the candidate search in PostgreSQL: ${formatMs(summarise(reports.searchMs))}`);
log(`true report in the top 10 and at or above the review threshold ${(reviewed * 100).toFixed(1)} %`);
log(`recall@10 ${(recall10 * 100).toFixed(1)} %, precision@1 ${(precision1 * 100).toFixed(1)} % (n=${results.length}); true report not blocked ${results.filter((r) => !r.trueBlocked).length}, blocked but not in the top 10 at or above the review threshold ${results.filter((r) => r.trueBlocked && r.rank < 0).length}; load ${load()}`);

// Which true pairs can be found at all: recall by what the found child could say, and by where and when it was found.
const split = (label: string, of: (r: Awaited<ReturnType<typeof matchOne>>) => string) => {
  const groups = new Map<string, typeof results>();
  for (const r of results) groups.set(of(r), [...(groups.get(of(r)) ?? []), r]);
  const parts = [...groups].sort((a, b) => b[1].length - a[1].length).map(([group, rs]) => {
    const pct = (n: number) => `${((n / rs.length) * 100).toFixed(1)} %`;
    return `${group} (n=${rs.length}): recall@10 ${pct(rs.filter((r) => r.rank >= 0).length)}, precision@1 ${pct(rs.filter((r) => r.rank === 0).length)}, not blocked ${rs.filter((r) => !r.trueBlocked).length}`;
  });
  log(`${label}: ${parts.join('; ')}`);
};
split('by the found child\'s name', (r) => r.situation);
split('by place and time', (r) => (r.nearHome ? 'in the home district within 4 weeks' : 'elsewhere or later'));
split('by both', (r) => `${r.situation}, ${r.nearHome ? 'home district within 4 weeks' : 'elsewhere or later'}`);

const again = found.slice(0, Math.min(rematch, found.length));
const r0 = performance.now();
await runBounded(again, 2, 3_600_000, async (f) => {
  await matcher.matchReport(foundIds.get(f.id)!);
});
const perSecond = again.length / ((performance.now() - r0) / 1000);
log(`re-matching ${again.length.toLocaleString('en-IN')} found children, 2 at a time: ${perSecond.toFixed(1)} /s; load ${load()}`);

const sizes = (
  await pool.query<{ name: string; size: string }>(
    `SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes WHERE relname = 'ChildReport' ORDER BY pg_relation_size(indexrelid) DESC`,
  )
).rows;
const table = (await pool.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('"ChildReport"')) AS size`)).rows[0]!.size;
log(`ChildReport ${table} in all; indexes: ${sizes.map((s) => `${s.name} ${s.size}`).join(', ')}`);
await notifications.obliterate({ force: true });
await notifications.close();
await db.$disconnect();
await matchingPool.end();
await pool.end();

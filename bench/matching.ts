// `npm run bench:matching`: the matching engine against many missing reports in PostgreSQL (raksha_bench,
// emptied and refilled): latency of matching one found child as the worker's job does (blocking in
// PostgreSQL, scoring, saving candidates, alerts on Redis db 9), throughput of re-matching found children,
// recall@10 and precision@1 on the generator's true pairs, and the index sizes. Not a test.
// Usage: npm run bench:matching -- [--missing 1000000] [--measure 300] [--rematch 10000]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { createMatcher } from '@raksha/activities';
import { redisConnectionOptions } from '@raksha/config';
import { NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { createDb, ReportRepository } from '@raksha/db';
import { blockingKeys, generateDataset, type ChildReport, type FoundReport } from '@raksha/matching';
import { benchPool, prepareBenchDatabase } from './lib/setup.js';
import { formatMs, summarise } from './lib/stats.js';
import { runBounded } from './lib/pool.js';

const { values: args } = parseArgs({
  options: { missing: { type: 'string', default: '1000000' }, measure: { type: 'string', default: '300' }, rematch: { type: 'string', default: '10000' } },
});
const missingTotal = Number(args.missing);
const measure = Number(args.measure);
const rematch = Number(args.rematch);
const BATCH = 10_000;
const log = (line: string) => console.log(`[bench:matching] ${line}`);

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench`;
await prepareBenchDatabase(`postgresql://${user}:${password}@${hostPort}/raksha_test`, benchUrl);
const pool = benchPool(benchUrl);
const FILER = randomUUID();

/** One multi-row insert of reports with their blocking keys, as the API stores them. */
async function insert(reports: readonly ChildReport[], ids: Map<string, string>): Promise<void> {
  const rows = reports.map((r) => {
    const id = randomUUID();
    ids.set(r.id, id);
    const { searchNames, ...keys } = blockingKeys(r);
    const { id: _id, kind, place, ...description } = r as ChildReport & { lastSeenAt?: string; foundAt?: string };
    const occurredAt = kind === 'MISSING' ? (r as { lastSeenAt: string }).lastSeenAt : (r as { foundAt: string }).foundAt;
    return [id, kind, JSON.stringify(description), occurredAt, place?.stateCode ?? 'RJ', place?.districtCode ?? 'RJ-JAIPUR', searchNames.join(' '), keys.searchByAttributes, keys.nameKeys, keys.nameSkeletons, keys.guardianKeys, keys.gender, keys.birthYearMin, keys.birthYearMax];
  });
  const col = (i: number) => rows.map((r) => r[i]);
  await pool.query(
    `INSERT INTO "ChildReport" (id, kind, status, "filedBy", "filedByRole", description, "occurredAt", "stateCode", "districtCode", "searchName", "searchByAttributes",
                                "nameKeys", "nameSkeletons", "guardianKeys", gender, "birthYearMin", "birthYearMax", "createdAt", "stationId")
     SELECT u.id, u.kind, 'OPEN', $15, 'STATION_OFFICER', u.description, u.at, u.state, u.district, u.search, u.attrs,
            string_to_array(u.keys, '|'), string_to_array(u.skeletons, '|'), string_to_array(u.guardians, '|'), u.gender, u.ymin, u.ymax, now(), NULL
     FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::int[])
          AS u(id, kind, description, at, state, district, search, attrs, keys, skeletons, guardians, gender, ymin, ymax)`,
    [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8).map((k) => (k as string[]).join('|')), col(9).map((k) => (k as string[]).join('|')), col(10).map((k) => (k as string[]).join('|')), col(11), col(12), col(13), FILER],
  );
}

// Missing reports in batches of 10,000 (one seed each); the first batches carry the true pairs.
const truePairsWanted = Math.max(measure, Math.min(rematch, missingTotal / 10));
const ids = new Map<string, string>();
const found: FoundReport[] = [];
const truth = new Map<string, string>(); // found synthetic id -> missing uuid
const t0 = performance.now();
for (let b = 0; b * BATCH < missingTotal; b += 1) {
  const pairs = Math.min(BATCH / 2, Math.max(0, truePairsWanted - found.length));
  const data = generateDataset({ seed: `bench-${b}`, truePairs: pairs, missingDistractors: Math.min(BATCH, missingTotal - b * BATCH) - pairs, foundDistractors: 0 });
  await insert(data.missing, ids);
  for (const p of data.truePairs) {
    const f = data.found.find((x) => x.id === p.foundId)!;
    const fid = `${b}:${f.id}`;
    found.push({ ...f, id: fid });
    truth.set(fid, ids.get(p.missingId)!);
  }
  if (b % 10 === 9) log(`${((b + 1) * BATCH).toLocaleString('en-IN')} missing reports in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
await pool.query('ANALYZE "ChildReport"');
log(`${missingTotal.toLocaleString('en-IN')} missing reports stored in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${found.length} found children with a true missing report`);

const db = createDb(benchUrl);
const notifications = new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(`redis://127.0.0.1:${process.env.REDIS_PORT ?? '6379'}/9`) });
const matcher = createMatcher({ reports: new ReportRepository(db), notifications });
const foundIds = new Map<string, string>();
await insert(found, foundIds);

/** Matches one found child as the worker's job does; returns its latency and where its true report ranked. */
async function matchOne(f: FoundReport) {
  const id = foundIds.get(f.id)!;
  const t = performance.now();
  const outcome = await matcher.matchReport(id);
  const ms = performance.now() - t;
  const ranked = (await pool.query<{ missingId: string }>(`SELECT "missingId" FROM "MatchCandidate" WHERE "foundId" = $1 ORDER BY probability DESC, id LIMIT 10`, [id])).rows;
  const rank = ranked.findIndex((r) => r.missingId === truth.get(f.id));
  return { ms, rank, blocked: outcome.blocked };
}

const sample = found.slice(0, measure);
const results = [];
for (const f of sample) results.push(await matchOne(f));
const latency = summarise(results.map((r) => r.ms));
const p95 = [...results.map((r) => r.ms)].sort((a, b) => a - b)[Math.ceil(0.95 * results.length) - 1]!;
const recall10 = results.filter((r) => r.rank >= 0).length / results.length;
const precision1 = results.filter((r) => r.rank === 0).length / results.length;
const blocked = summarise(results.map((r) => r.blocked));
log(`matching one found child: ${formatMs(latency)}; p95 ${p95.toFixed(1)} ms; candidates from blocking p50 ${blocked.p50}, max ${blocked.max}`);
log(`recall@10 ${(recall10 * 100).toFixed(1)} %, precision@1 ${(precision1 * 100).toFixed(1)} % (n=${results.length})`);

const again = found.slice(0, Math.min(rematch, found.length));
const r0 = performance.now();
await runBounded(again, 2, 3_600_000, async (f) => {
  await matcher.matchReport(foundIds.get(f.id)!);
});
const perSecond = again.length / ((performance.now() - r0) / 1000);
log(`re-matching ${again.length.toLocaleString('en-IN')} found children, 2 at a time: ${perSecond.toFixed(1)} /s`);

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
await pool.end();

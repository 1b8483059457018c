// `npm run bench:case-numbers`: what numbering costs registrations. Each registration takes its district's counter row
// (CaseNumberCounter) for the rest of its transaction, so registrations of one district in one year are serialised
// there; registrations of different districts are not. Writes N registrations, C at a time, through the projection's
// one statement (raksha_record_case_step, as the case workflow's activity does), into one district and then spread
// over C districts, and checks every number was given once.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CaseRepository, createDb } from '@raksha/db';
import { testSealer } from '@raksha/test-support/child-reports';
import { prepareBenchDatabase } from './lib/setup.js';

const { values: args } = parseArgs({ options: { registrations: { type: 'string', default: '400' }, concurrency: { type: 'string', default: '20' } } });
const [total, concurrency] = [args.registrations, args.concurrency].map(Number) as [number, number];
if (![total, concurrency].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--registrations and --concurrency: positive integers');

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench_case_numbers`;
const adminUrl = `postgresql://${user}:${password}@${hostPort}/raksha_test`;
const log = (line: string) => console.log(`[bench:case-numbers] ${line}`);

await prepareBenchDatabase(adminUrl, benchUrl);
const db = createDb(benchUrl);
const cases = new CaseRepository(db, testSealer());
const districts = Array.from({ length: concurrency }, (_, i) => `RJ-NUMBERS-${i}`);
await db.district.createMany({ data: districts.map((code) => ({ code, name: code, stateCode: 'RJ' })) });

const register = (districtCode: string) => {
  const at = new Date();
  return cases.recordTransition({
    caseId: randomUUID(),
    sequence: 0,
    eventType: 'REGISTERED',
    fromState: null,
    toState: 'cncp.awaitingProduction',
    actorId: null,
    actorRole: 'SJPU_OFFICER',
    payload: {},
    occurredAt: at,
    phase: 'PRODUCTION',
    openDeadlines: [],
    registration: { track: 'CNCP', districtCode, stateCode: 'RJ', childName: null, registeredAt: at, registeredBy: null },
  });
};

async function run(label: string, districtOf: (i: number) => string): Promise<string> {
  const t0 = performance.now();
  for (let done = 0; done < total; done += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, total - done) }, (_, i) => register(districtOf(done + i))));
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`${label}: ${total} registrations, ${concurrency} at a time, ${seconds.toFixed(2)} s (${(total / seconds).toFixed(0)}/s)`);
  return `| ${label} | ${total} | ${concurrency} | ${seconds.toFixed(2)} | ${(total / seconds).toFixed(0)} |`;
}

const rows = [await run('one district', () => districts[0]!), await run(`${concurrency} districts`, (i) => districts[i % concurrency]!)];
const [counted] = await db.$queryRaw<{ n: number; distinct: number }[]>`SELECT count(*)::int AS n, count(DISTINCT "caseNumber")::int AS distinct FROM "Case" WHERE "districtCode" LIKE 'RJ-NUMBERS-%'`;
const { n, distinct } = counted!;
log(`${n} cases, ${distinct} distinct numbers${n === distinct ? '' : ' — NUMBERS GIVEN TWICE'}`);
console.log(['| where | registrations | at a time | seconds | per second |', '|---|---|---|---|---|', ...rows].join('\n'));
await db.$disconnect();
if (n !== distinct) process.exit(1);

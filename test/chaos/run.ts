// `npm run chaos`: the fault suite, every fault (docs/chaos.md). Not part of `npm test` (test/chaos/faults.int.ts is
// its short version there). Starts its own PostgreSQL, Redis, Temporal, worker and API: never the machine's shared ones.
// Options (environment): CHAOS_FAULTS=worker,redis (default all five), CHAOS_DOWN_SECONDS (25: longer than the API's
// bound on a request, so that an outage it would wait out shows as 503s), CHAOS_SETTLE_SECONDS
// (20), CHAOS_CLIENTS (4), CHAOS_JSON=<file> to keep the raw figures.
import { writeFile } from 'node:fs/promises';
import { FAULTS, type Fault } from './system.js';
import { reportTable, runFaultSuite } from './suite.js';

const faults = (process.env.CHAOS_FAULTS?.split(',').map((f) => f.trim()) ?? [...FAULTS]) as Fault[];
const unknown = faults.filter((f) => !(FAULTS as readonly string[]).includes(f));
if (unknown.length) throw new Error(`CHAOS_FAULTS: no such fault ${unknown.join(', ')} (known: ${FAULTS.join(', ')})`);

const report = await runFaultSuite({
  faults,
  downMs: Number(process.env.CHAOS_DOWN_SECONDS ?? 25) * 1000,
  settleMs: Number(process.env.CHAOS_SETTLE_SECONDS ?? 20) * 1000,
  clients: Number(process.env.CHAOS_CLIENTS ?? 4),
  productionPeriod: process.env.CHAOS_PRODUCTION_PERIOD ?? 'PT40S',
  log: (line) => console.log(`[chaos] ${line}`),
});
console.log(`\n${reportTable(report)}`);
if (process.env.CHAOS_JSON) await writeFile(process.env.CHAOS_JSON, JSON.stringify(report, null, 2));
const failed = report.total.lost.length + report.total.duplicated.length + report.audit.breaks + report.exits.length + report.faults.reduce((n, f) => n + f.serverErrors + f.hung + f.unavailableWithoutRetryAfter, 0);
process.exit(failed ? 1 : 0);

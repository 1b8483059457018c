// The fault suite, shared by `npm run chaos` (every fault) and test/chaos/faults.int.ts (a short version in `npm test`):
// a system of its own under a steady load, one fault at a time, then the reckoning of every request answered 2xx.
import request from 'supertest';
import { signIn } from '@raksha/test-support/auth';
import { eventually } from '@raksha/test-support/stack';
import { auditBreaks, deadlines, injectFault, ledger, outageFigures, type Deadlines, type FaultWindow, type Ledger, type OutageFigures } from './faults.js';
import { Load, type SentRequest } from './load.js';
import { startChaosSystem, type ChaosSystem, type Fault } from './system.js';

export interface SuiteOptions {
  faults: readonly Fault[];
  /** how long each process stays down, ms */
  downMs: number;
  /** load before the first fault, and after each restart before the next fault, ms */
  settleMs: number;
  clients: number;
  /** Rajasthan's production period for the run (ISO 8601): deadlines fall due during the outages */
  productionPeriod: string;
  log?: (line: string) => void;
}

export interface FaultReport extends OutageFigures {
  /** the requests first sent from this fault's kill until the next fault's */
  ledger: Omit<Ledger, 'lost' | 'duplicated' | 'refused'> & { lost: number; duplicated: number; refused: number };
}

export interface SuiteReport {
  faults: FaultReport[];
  total: Ledger;
  deadlines: Deadlines;
  audit: { chains: number; breaks: number };
  /** the worker or API ending by itself during the run */
  exits: { name: Fault; atMs: number; code: number | null; signal: string | null }[];
  /** wall-clock of the whole run, ms */
  tookMs: number;
}

export async function runFaultSuite(options: SuiteOptions): Promise<SuiteReport> {
  const started = Date.now();
  const log = (line: string) => options.log?.(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`);
  log('starting a system of its own (PostgreSQL, Redis, Temporal, worker, API) in a temporary directory');
  const system = await startChaosSystem({ log });
  if (process.env.CHAOS_KEEP) log(`logs and data kept in ${system.dir}`);
  try {
    return await underLoad(system, options, log, started);
  } finally {
    await system.stop();
  }
}

async function underLoad(system: ChaosSystem, options: SuiteOptions, log: (line: string) => void, started: number): Promise<SuiteReport> {
  const stack = { http: request(system.apiUrl), db: system.db, config: system.config };
  const bearer = async (username: string) => `Bearer ${(await signIn(stack, username)).accessToken}`;
  const [cwc, police, scps] = [await bearer('cwc.jaipur'), await bearer('sho.jaipur'), await bearer('scps.rj')];
  await stack.http
    .put('/states/RJ/deadline-policy/cncp.production')
    .set({ Authorization: scps })
    .send({ within: options.productionPeriod, reason: 'the fault suite: production deadlines fall due during its outages' })
    .expect(200);

  log('system up, officers signed in');
  const load = new Load({ apiUrl: system.apiUrl, cwc, police, clients: options.clients });
  log(`load: ${options.clients} clients`);
  load.start();
  await sleep(options.settleMs);
  const windows: FaultWindow[] = [];
  for (const fault of options.faults) {
    log(`${fault}: killed, down for ${options.downMs / 1000} s`);
    const window = await injectFault(system, fault, options.downMs);
    log(`${fault}: serving again ${((window.upAt - window.restartedAt) / 1000).toFixed(1)} s after its restart`);
    windows.push(window);
    await sleep(options.settleMs);
  }
  log('load stopped; waiting for requests in flight');
  await load.stop();

  // Deadlines that fell due during the outages escalate, and their notices reach the inbox, once.
  const due = load.unproduced.filter((id) => load.sent.some((r) => r.subject === id && r.kind === 'register'));
  log(`waiting for ${due.length} production deadlines to escalate`);
  const escalated = await eventually(
    async () => {
      const d = await deadlines(system.db, due);
      return d.escalated >= d.due && d.notified >= d.due ? d : undefined;
    },
    120_000,
  ).catch(() => deadlines(system.db, due));

  log(`${escalated.escalated} of ${due.length} escalated; checking every accepted request`);
  const total = await ledger(system.db, load.sent);
  const faults: FaultReport[] = [];
  for (const [i, window] of windows.entries()) {
    const until = windows[i + 1]?.killedAt ?? Infinity;
    const mine = load.sent.filter((r) => firstTry(r) >= window.killedAt && firstTry(r) < until);
    const l = await ledger(system.db, mine);
    faults.push({ ...outageFigures(window, load.sent), ledger: { accepted: l.accepted, lost: l.lost.length, duplicated: l.duplicated.length, unanswered: l.unanswered, refused: l.refused.length } });
  }
  const exits = system.exits.map((e) => ({ name: e.name, atMs: e.at - started, code: e.code, signal: e.signal }));
  return { faults, total, deadlines: escalated, audit: await auditBreaks(system.db), exits, tookMs: Date.now() - started };
}

const firstTry = (r: SentRequest) => r.attempts[0]?.startedAt ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The figures as the table docs/chaos.md shows. */
export function reportTable(report: SuiteReport): string {
  const rows = report.faults.map((f) => {
    const answered = Object.entries(f.answers)
      .map(([status, n]) => `${status === '0' ? 'no answer' : status} ×${n}`)
      .join(', ');
    const health = f.health.status === 0 ? 'no answer' : `${f.health.status}${f.health.down.length ? ` (${f.health.down.join(', ')} down${f.health.retryAfter ? ', Retry-After' : ''})` : ''}`;
    return `| ${f.fault} | ${(f.downMs / 1000).toFixed(0)} s | ${f.ledger.accepted} | ${f.ledger.lost} | ${f.ledger.duplicated} | ${answered} | ${health} | ${f.serverErrors} / ${f.hung} | ${(f.slowestAnswerMs / 1000).toFixed(1)} s | ${f.recoveryMs === null ? 'not recovered' : `${(f.recoveryMs / 1000).toFixed(1)} s`} |`;
  });
  const d = report.deadlines;
  return [
    '| Fault | Down | Accepted (2xx) | Lost | Duplicated | Answers while down | /health while down | 500s / hangs | Slowest answer | Time to recover |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `All requests: ${report.total.accepted} accepted, ${report.total.lost.length} lost, ${report.total.duplicated.length} duplicated, ${report.total.unanswered} unanswered when the load stopped, ${report.total.refused.length} refused (4xx).`,
    `Production deadlines due: ${d.due}; escalated ${d.escalated} (${d.duplicatedEscalations} duplicated rungs); notices in the inbox for ${d.notified} (${d.duplicatedNotices} duplicated).`,
    ...report.exits.map((e) => `The ${e.name} ended by itself ${(e.atMs / 1000).toFixed(0)} s into the run (${e.signal ?? `exit code ${e.code}`}).`),
    `Audit chains: ${report.audit.chains}, breaks: ${report.audit.breaks}. Run took ${(report.tookMs / 1000).toFixed(0)} s.`,
  ].join('\n');
}

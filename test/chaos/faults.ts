// One fault at a time under load: kill a process, keep it down a while, start it again, and measure what the clients
// saw; after recovery, check every request answered 2xx against what the system holds.
import { AuditRepository, type Db } from '@raksha/db';
import type { ChaosSystem, Fault } from './system.js';
import { ATTEMPT_BOUND_MS, type RequestKind, type SentRequest } from './load.js';

/** When one fault happened, by the suite's clock (ms since the epoch). */
export interface FaultWindow {
  fault: Fault;
  killedAt: number;
  restartedAt: number;
  /** the process serves again (its start resolved) */
  upAt: number;
  /** GET /health midway through the outage: its status (0: no answer) and the dependencies it named down */
  health: { status: number; retryAfter?: string; down: string[] };
}

/** Kills `fault`'s process, keeps it down `downMs`, starts it again. */
export async function injectFault(system: ChaosSystem, fault: Fault, downMs: number): Promise<FaultWindow> {
  const p = system.processes[fault];
  const killedAt = Date.now();
  await p.kill();
  // what GET /health says midway through the outage
  await new Promise((r) => setTimeout(r, downMs / 2));
  const health = await healthOf(system.apiUrl);
  await new Promise((r) => setTimeout(r, downMs / 2));
  const restartedAt = Date.now();
  await p.start();
  return { fault, killedAt, restartedAt, upAt: Date.now(), health };
}

async function healthOf(apiUrl: string): Promise<FaultWindow['health']> {
  try {
    const res = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { dependencies: Record<string, { status: string }> };
    const down = Object.entries(body.dependencies).filter(([, d]) => d.status !== 'up').map(([name]) => name);
    return { status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined, down };
  } catch {
    return { status: 0, down: [] };
  }
}

/** What the clients saw while a process was down, and how soon every kind of request went through again. */
export interface OutageFigures {
  fault: Fault;
  downMs: number;
  /** tries answered while the process was down, by status (0: no answer) */
  answers: Record<string, number>;
  /** 503s without Retry-After, 5xx other than 503, and tries that took longer than the bound: each one a defect */
  unavailableWithoutRetryAfter: number;
  serverErrors: number;
  hung: number;
  slowestAnswerMs: number;
  health: FaultWindow['health'];
  /** from the restart until every kind of request the outage refused was answered 2xx again (a try begun after the restart) */
  recoveryMs: number | null;
}

/** The API answers an outage this fast, or it hangs (ms): the API's own bound on a request, and some slack. */
export const ANSWER_BOUND_MS = 25_000;

export function outageFigures(window: FaultWindow, sent: SentRequest[]): OutageFigures {
  const answers: Record<string, number> = {};
  let unavailableWithoutRetryAfter = 0;
  let serverErrors = 0;
  let hung = 0;
  let slowest = 0;
  const tries = sent.flatMap((r) => r.attempts.map((a) => ({ ...a, kind: r.kind })));
  for (const a of tries) {
    if (a.endedAt === 0 || a.endedAt < window.killedAt || a.startedAt > window.upAt) continue;
    answers[a.status] = (answers[a.status] ?? 0) + 1;
    if (a.status === 503 && !a.retryAfter) unavailableWithoutRetryAfter++;
    if (a.status >= 500 && a.status !== 503) serverErrors++;
    const took = a.endedAt - a.startedAt;
    if (took > ANSWER_BOUND_MS || (a.status === 0 && took >= ATTEMPT_BOUND_MS)) hung++;
    if (a.status !== 0) slowest = Math.max(slowest, took);
  }
  // the kinds of request the outage refused (all kinds, if it refused none but slowed them) must each go through again
  const during = tries.filter((a) => a.endedAt >= window.killedAt && a.startedAt <= window.upAt);
  const refused = new Set(during.filter((a) => a.status < 200 || a.status >= 300).map((a) => a.kind));
  const kinds = refused.size ? refused : new Set(during.map((a) => a.kind));
  let recoveredAt = 0;
  for (const kind of kinds) {
    const first = tries.filter((a) => a.kind === kind && a.startedAt >= window.restartedAt && a.status >= 200 && a.status < 300).reduce((m, a) => Math.min(m, a.endedAt), Infinity);
    recoveredAt = Math.max(recoveredAt, first);
  }
  return {
    fault: window.fault,
    downMs: window.restartedAt - window.killedAt,
    answers,
    unavailableWithoutRetryAfter,
    serverErrors,
    hung,
    slowestAnswerMs: slowest,
    health: window.health,
    recoveryMs: Number.isFinite(recoveredAt) ? recoveredAt - window.restartedAt : null,
  };
}

/** Requests answered 2xx, and how many of them the system holds not at all (lost) or more than once (duplicated). */
export interface Ledger {
  accepted: number;
  lost: SentRequest[];
  duplicated: SentRequest[];
  /** sent but never answered 2xx nor refused before the load stopped */
  unanswered: number;
  refused: SentRequest[];
}

/** How many times the system holds what one accepted request made. */
async function copiesOf(db: Db, r: SentRequest): Promise<number> {
  const subject = r.subject!;
  switch (r.kind as RequestKind) {
    case 'register':
      // the case, and its registration step on the timeline
      return (await db.case.count({ where: { id: subject } })) && db.timelineEntry.count({ where: { caseId: subject, sequence: 0 } });
    case 'event':
      return db.timelineEntry.count({ where: { caseId: subject, eventType: 'PRODUCED_BEFORE_CWC' } });
    case 'missing':
    case 'found':
      // the report, and the audit entry of its filing
      return (await db.childReport.count({ where: { id: subject } })) && db.auditEntry.count({ where: { subjectId: subject, action: `report.${r.kind}.filed` } });
  }
}

export async function ledger(db: Db, sent: SentRequest[]): Promise<Ledger> {
  const result: Ledger = { accepted: 0, lost: [], duplicated: [], unanswered: 0, refused: [] };
  for (const r of sent) {
    if (r.refused) result.refused.push(r);
    if (!r.accepted) {
      if (!r.refused) result.unanswered++;
      continue;
    }
    result.accepted++;
    const copies = r.subject ? await copiesOf(db, r) : 0;
    if (copies === 0) result.lost.push(r);
    if (copies > 1) result.duplicated.push(r);
  }
  return result;
}

/** Cases left without their production: each escalated, once per rung, and its escalation's notices delivered once. */
export interface Deadlines {
  due: number;
  escalated: number;
  duplicatedEscalations: number;
  notified: number;
  duplicatedNotices: number;
}

export async function deadlines(db: Db, cases: string[]): Promise<Deadlines> {
  const escalations = await db.escalation.findMany({ where: { caseId: { in: cases } }, select: { caseId: true, deadlineId: true, rung: true } });
  const rungs = new Map<string, number>();
  for (const e of escalations) rungs.set(`${e.caseId} ${e.deadlineId} ${e.rung}`, (rungs.get(`${e.caseId} ${e.deadlineId} ${e.rung}`) ?? 0) + 1);
  const notices = await db.notification.findMany({ where: { caseId: { in: cases }, kind: { contains: 'ESCALAT' } }, select: { caseId: true, kind: true, recipientBody: true, subject: true, body: true } });
  const seen = new Map<string, number>();
  for (const n of notices) seen.set(JSON.stringify(n), (seen.get(JSON.stringify(n)) ?? 0) + 1);
  return {
    due: cases.length,
    escalated: new Set(escalations.map((e) => e.caseId)).size,
    duplicatedEscalations: [...rungs.values()].filter((n) => n > 1).length,
    notified: new Set(notices.map((n) => n.caseId)).size,
    duplicatedNotices: [...seen.values()].filter((n) => n > 1).length,
  };
}

/** Every audit chain verifies: no entry missing, altered or out of order. */
export async function auditBreaks(db: Db): Promise<{ chains: number; breaks: number }> {
  const { chains, breaks } = await new AuditRepository(db).verifyAll();
  return { chains, breaks: breaks.length };
}

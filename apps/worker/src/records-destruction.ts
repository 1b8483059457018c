// JJ Act s.24(2): destroys the records of CICL cases whose appeal period has run (RecordsDestruction.dueAt), not held.
// A scan, not a timer per case, like the escalation reminders: the database row is the truth (a hold placed a moment
// before is read by the destruction's own transaction), each destruction is one idempotent transaction, so every
// worker may run it. Then the case workflow's history (which holds the registration and every event, encrypted) is
// deleted from Temporal, retried on later scans until Temporal confirms.
import { randomUUID } from 'node:crypto';
import type { ConnectionOptions } from 'bullmq';
import type { Client } from '@temporalio/client';
import { caseWorkflowId } from '@raksha/contracts/temporal';
import type { RecordsDestructionRepository } from '@raksha/db';
import { RECORDS_DESTRUCTION_CITATION, retentionCutoff } from '@raksha/domain';
import { startDailyJob } from './daily-job.js';
import { workerLog } from './observability.js';

const BATCH = 50;

export interface DestructionScanDeps {
  destructions: RecordsDestructionRepository;
  /** Deletes the case workflow's history; resolves when it is gone (or was never there). */
  deleteHistory(caseId: string): Promise<void>;
  /** Removes a destroyed case's document files (docs/documents.md), named by the SHA-256 of the stored bytes. */
  removeDocumentFile(storedSha256: string): Promise<void>;
}

/** One pass: every case due at `now` destroyed, then the histories still to delete. Answers the cases destroyed. */
export async function destroyDueRecords(deps: DestructionScanDeps, now: Date): Promise<string[]> {
  const destroyed: string[] = [];
  for (const caseId of await deps.destructions.due(now, BATCH)) {
    const removeFiles = async (hashes: string[]) => {
      for (const h of hashes) await deps.removeDocumentFile(h);
    };
    if ((await deps.destructions.destroy(caseId, now, RECORDS_DESTRUCTION_CITATION, removeFiles)) === 'destroyed') destroyed.push(caseId);
  }
  for (const { caseId, workflowCaseIds } of await deps.destructions.historyToDelete(BATCH)) {
    try {
      for (const id of workflowCaseIds) await deps.deleteHistory(id);
      await deps.destructions.historyDeleted(caseId, new Date());
    } catch (err) {
      workerLog().error({ err, caseId }, 'records-destruction: the workflow history of the case is not deleted yet; retried on the next scan');
    }
  }
  return destroyed;
}

/** Deletes a case workflow's execution and history from Temporal; one already gone counts as deleted. */
export function temporalHistoryDeleter(client: Client, namespace: string) {
  return async (caseId: string): Promise<void> => {
    try {
      await client.workflowService.deleteWorkflowExecution({ namespace, workflowExecution: { workflowId: caseWorkflowId(caseId) } });
    } catch (err) {
      // gRPC NOT_FOUND (5): nothing left to delete
      if ((err as { code?: number }).code !== 5) throw err;
    }
  };
}

/** Runs the scan every `everyMs` until stopped. */
export function startRecordsDestruction(deps: DestructionScanDeps, everyMs: number, now: () => Date = () => new Date()) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => destroyDueRecords(deps, now())).catch((e: unknown) => workerLog().error({ err: e }, 'records-destruction: scan failed'));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

// The retention schedule (libs/domain RETENTION_SCHEDULE; DPDP Act s.8(7)): once a day, what is past its retention is
// erased or anonymised. Cases are not this job's: a CICL case's records go by the s.24(2) scan above, other cases are
// kept. A BullMQ job scheduler fires it (one run a day however many workers schedule it); each step is idempotent.
export const RETENTION_QUEUE = 'raksha-retention';
const RETENTION_SCHEDULER_ID = 'retention';
/** 02:15 in India: a quiet hour, after the missed-duty scan. */
const RETENTION_PATTERN = '15 2 * * *';
const RETENTION_TIME_ZONE = 'Asia/Kolkata';
const REPORTS_PER_RUN = 500;

/** One run: reports past retention anonymised (a tombstone kept), the rest deleted by age; the run recorded. */
export async function enforceRetention(destructions: RecordsDestructionRepository, now: Date): Promise<Record<string, number>> {
  const reportCutoff = retentionCutoff('CHILD_REPORT', now);
  let reports = 0;
  if (reportCutoff) {
    for (const reportId of await destructions.reportsPastRetention(reportCutoff, REPORTS_PER_RUN)) {
      if (await destructions.eraseReport({ reportId, by: null, at: now, ground: 'RETENTION' })) reports += 1;
    }
  }
  const cut = (t: Parameters<typeof retentionCutoff>[0]) => retentionCutoff(t, now);
  const deleted = await destructions.deletePastRetention({
    SESSIONS: cut('SESSIONS'),
    CONTACT_CODES: cut('CONTACT_CODES'),
    NOTIFICATIONS: cut('NOTIFICATIONS'),
    DELIVERIES: cut('DELIVERIES'),
    PARTNER_FEED: cut('PARTNER_FEED'),
    PARTNER_DISCLOSURES: cut('PARTNER_DISCLOSURES'),
    IMPORTS: cut('IMPORTS'),
  });
  const outcome = { CHILD_REPORT: reports, ...deleted };
  await destructions.recordRetentionRun(randomUUID(), now, outcome);
  return outcome;
}

export function startRetention(connection: ConnectionOptions, destructions: RecordsDestructionRepository, now: () => Date = () => new Date()) {
  return startDailyJob(connection, { queue: RETENTION_QUEUE, schedulerId: RETENTION_SCHEDULER_ID, name: 'retention', pattern: RETENTION_PATTERN, timeZone: RETENTION_TIME_ZONE, run: () => enforceRetention(destructions, now()) });
}

import { Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import { duplicateRecords, reportDuplicatesOfEach, type ImportRunOptions, type LegacyImporter, type Matcher } from '@raksha/activities';
import { BACKFILL_MATCHING_QUEUE, LEGACY_IMPORT_QUEUE, type LegacyImportJob } from '@raksha/contracts';
import type { DuplicateRepository, ReportRepository } from '@raksha/db';

export interface ImportProcessorOptions {
  /** how long a job's lock lasts: a worker that dies holding it has its import resumed by another after this */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  run?: ImportRunOptions;
}

/**
 * Runs legacy imports one at a time. A job is resumed from the position its import recorded, so a worker that dies
 * mid-import loses at most one batch; BullMQ gives the stalled job to the next worker when its lock runs out.
 */
export function startLegacyImportProcessor(connection: ConnectionOptions, importer: LegacyImporter, options: ImportProcessorOptions = {}) {
  return new QueueWorker<LegacyImportJob>(
    LEGACY_IMPORT_QUEUE,
    async (job) => {
      const done = await importer.runImport(job.data.importId, options.run);
      return done ? { status: done.status, imported: done.imported, rejected: done.rejected, alreadyImported: done.alreadyImported } : null;
    },
    {
      connection,
      concurrency: 1,
      ...(options.lockDurationMs && { lockDuration: options.lockDurationMs }),
      ...(options.stalledIntervalMs && { stalledInterval: options.stalledIntervalMs }),
    },
  );
}

/** Imported reports matched together at most (one read of their candidates, one write of their pairs and duplicates). */
export const BACKFILL_BATCH = 50;
/** How long the first job of a batch waits for others before its batch runs anyway (the queue's tail, a small import). */
const BACKFILL_GATHER_MS = 200;

/**
 * Matches imported reports, and lists their likely duplicates among earlier reports for review, on a queue apart from
 * live reports' matching (which keeps its own workers and pace). One job per report, at most `perSecond` started a
 * second (IMPORT_MATCHING_PER_SECOND, the knob that keeps live work first); the jobs in hand are matched together, up
 * to BACKFILL_BATCH at a time and one batch after another, by the one matcher live matching uses. A batch that fails
 * fails each of its jobs, which retry with backoff (matching's and duplicates' writes are upserts).
 */
export function startBackfillMatchingProcessor(
  connection: ConnectionOptions,
  matcher: Pick<Matcher, 'matchReports'>,
  deps: { reports: Pick<ReportRepository, 'matchSubjects'>; duplicates: DuplicateRepository },
  perSecond: number,
  batchSize = Math.min(BACKFILL_BATCH, perSecond),
) {
  const records = duplicateRecords();
  async function matchBatch(ids: string[]) {
    const outcomes = await matcher.matchReports(ids);
    const reports = (await deps.reports.matchSubjects(ids)).filter((r) => r.mergedIntoId === null);
    const found = await reportDuplicatesOfEach(deps.duplicates, reports.map((r) => ({ ...r, kind: r.kind as 'MISSING' | 'FOUND', description: r.description as object })), records);
    await deps.duplicates.save(
      reports.flatMap((report, i) =>
        found[i]!.map(({ report: other, result }) => ({ recordType: 'REPORT' as const, recordId: report.id, duplicateOfId: other.id, probability: result.probability, explanation: { logOdds: result.logOdds, fields: result.fields }, stateCode: report.stateCode, districtCode: report.districtCode, detectedOn: 'IMPORT' as const })),
      ),
      new Date(),
    );
    const duplicates = new Map(reports.map((r, i) => [r.id, found[i]!.length]));
    return outcomes.map((o) => (duplicates.has(o.reportId) ? { ...o, duplicates: duplicates.get(o.reportId)! } : o));
  }
  const batches = gatherBatches(matchBatch, Math.max(1, batchSize), BACKFILL_GATHER_MS);
  return new QueueWorker<{ reportId: string }>(BACKFILL_MATCHING_QUEUE, (job) => batches.add(job.data.reportId), {
    connection,
    // Twice a batch: the next batch's jobs are fetched while one runs.
    concurrency: 2 * Math.max(1, batchSize),
    limiter: { max: perSecond, duration: 1000 },
  });
}

/**
 * Gathers single requests into batches: a batch runs when it is full or `waitMs` after its first request, one batch
 * at a time (two batches' writes never interleave); each request gets its own result, or its batch's error.
 */
export function gatherBatches<T>(run: (ids: string[]) => Promise<T[]>, size: number, waitMs: number) {
  let pending: { id: string; resolve: (t: T) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    running = running.then(async () => {
      try {
        const results = await run(batch.map((b) => b.id));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    });
  };
  return {
    add(id: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ id, resolve, reject });
        if (pending.length >= size) flush();
        else timer ??= setTimeout(flush, waitMs);
      });
    },
  };
}

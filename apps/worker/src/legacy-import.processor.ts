import { Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import { reportDuplicates, type ImportRunOptions, type LegacyImporter, type Matcher } from '@raksha/activities';
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

/**
 * Matches imported reports, and lists their likely duplicates among earlier reports for review: one job at a time, at
 * most `perSecond`, on a queue apart from live reports' matching (which keeps its own workers and pace).
 */
export function startBackfillMatchingProcessor(connection: ConnectionOptions, matcher: Matcher, deps: { reports: Pick<ReportRepository, 'findById'>; duplicates: DuplicateRepository }, perSecond: number) {
  return new QueueWorker<{ reportId: string }>(
    BACKFILL_MATCHING_QUEUE,
    async (job) => {
      const outcome = await matcher.matchReport(job.data.reportId);
      const report = await deps.reports.findById(job.data.reportId);
      if (report && report.mergedIntoId === null) {
        const found = await reportDuplicates(deps.duplicates, { ...report, kind: report.kind as 'MISSING' | 'FOUND', description: report.description as object });
        await deps.duplicates.save(
          found.map(({ report: other, result }) => ({ recordType: 'REPORT', recordId: report.id, duplicateOfId: other.id, probability: result.probability, explanation: { logOdds: result.logOdds, fields: result.fields }, stateCode: report.stateCode, districtCode: report.districtCode, detectedOn: 'IMPORT' })),
          new Date(),
        );
        return { ...outcome, duplicates: found.length };
      }
      return outcome;
    },
    { connection, concurrency: 1, limiter: { max: perSecond, duration: 1000 } },
  );
}

import { Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import type { Matcher, Rekeyer } from '@raksha/activities';
import { MATCHING_QUEUE, type MatchingJob } from '@raksha/contracts';

/**
 * Matches each new or accepted report in its own job, and re-keys reports stored under older matching keys ('rekey');
 * a failed job retries with backoff (matching's writes are upserts, re-keying resumes where it stopped).
 */
export function startMatchingProcessor(connection: ConnectionOptions, matcher: Matcher, rekeyer: Rekeyer) {
  return new QueueWorker<MatchingJob>(MATCHING_QUEUE, async (job) => ('reportId' in job.data ? matcher.matchReport(job.data.reportId) : rekeyer.rekeyStoredReports()), {
    connection,
    concurrency: 2,
  });
}

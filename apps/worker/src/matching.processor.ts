import { Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import type { Matcher } from '@raksha/activities';
import { MATCHING_QUEUE, type MatchingJob } from '@raksha/contracts';

/** Matches each new or accepted report in its own job; a failed job retries with backoff (the writes are upserts). */
export function startMatchingProcessor(connection: ConnectionOptions, matcher: Matcher) {
  return new QueueWorker<MatchingJob>(MATCHING_QUEUE, async (job) => matcher.matchReport(job.data.reportId), { connection, concurrency: 2 });
}

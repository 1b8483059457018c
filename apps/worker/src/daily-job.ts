// A job the worker runs once a day: a BullMQ job scheduler fires it (one run however many processes schedule it, since
// each upserts the same scheduler), one at a time, retried with backoff if it fails. The missed-duty scan, the
// retention schedule, the daily digest and the trends' roll-up each run as one.
import { Queue, Worker as QueueWorker, type ConnectionOptions, type JobsOptions } from 'bullmq';

/** How a daily job's runs are kept and retried. */
export const DAILY_JOB_OPTIONS: JobsOptions = { removeOnComplete: 30, removeOnFail: 30, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } };

export interface DailyJob {
  queue: string;
  /** the scheduler's id: the same in every process, so that one run fires however many schedule it */
  schedulerId: string;
  name: string;
  /** a cron pattern in `timeZone` */
  pattern: string;
  timeZone: string;
  run: () => Promise<unknown>;
}

/** Schedules the job and runs it when it fires. */
export async function startDailyJob(connection: ConnectionOptions, job: DailyJob) {
  const jobs = new Queue(job.queue, { connection });
  await jobs.upsertJobScheduler(job.schedulerId, { pattern: job.pattern, tz: job.timeZone }, { name: job.name, opts: DAILY_JOB_OPTIONS });
  const worker = new QueueWorker(job.queue, job.run, { connection, concurrency: 1 });
  return {
    /** the scheduled job's queue, for whoever wants to run it now (tests, an operator) */
    queue: jobs,
    async close() {
      await worker.close();
      await jobs.close();
    },
  };
}

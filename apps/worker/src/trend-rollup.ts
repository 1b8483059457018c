// The dashboards' monthly trends, rolled up nightly: for every state, each district's figures of the last 24 closed
// months counted into TrendMonth exactly as the live trends count them, so a state's or the nation's trends add up
// districts' rows instead of reading every case and timeline (docs/dashboards.md, "Monthly trends at national scale").
// The current month is always counted live. A past month changes after it closed (an event recorded late from a phone
// that was offline, cases merged, a legacy import) and the next night's run counts it again. A BullMQ job scheduler
// fires it once a night however many workers schedule it; each worker start also asks for one run a day, so a new
// deployment, or one whose worker was down at night, has its roll-up by morning.
import { Queue, Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import { dayInIndia, monthStartInIndia, monthsToRollUp } from '@raksha/domain';
import type { GeographyRepository, TrendsRepository } from '@raksha/db';

export const TREND_ROLLUP_QUEUE = 'raksha-trend-rollup';
const SCHEDULER_ID = 'trend-rollup';
/** 01:15 in India: after midnight, when a month that has just ended is whole, and after the missed-duty scan. */
const PATTERN = '15 1 * * *';
const TIME_ZONE = 'Asia/Kolkata';

/** Rolls up every state's closed months at `now`; forgets rolled-up months older than the window. Returns rows written. */
export async function rollUpTrends(deps: { trends: TrendsRepository; geography: GeographyRepository }, now: Date): Promise<number> {
  const months = monthsToRollUp(now).map((month) => ({ month, start: monthStartInIndia(month), end: monthStartInIndia(month, 1) }));
  let rows = 0;
  // A state at a time: each statement reads one state's cases and timelines, so none holds the database for long.
  for (const state of await deps.geography.states()) rows += await deps.trends.rollUp(state.code, months, now);
  await deps.trends.forgetRolledUpBefore(months[0]!.month);
  return rows;
}

export async function startTrendRollup(connection: ConnectionOptions, deps: { trends: TrendsRepository; geography: GeographyRepository }, now: () => Date = () => new Date()) {
  const jobs = new Queue(TREND_ROLLUP_QUEUE, { connection });
  const opts = { removeOnComplete: 30, removeOnFail: 30, attempts: 3, backoff: { type: 'exponential' as const, delay: 60_000 } };
  await jobs.upsertJobScheduler(SCHEDULER_ID, { pattern: PATTERN, tz: TIME_ZONE }, { name: 'trend-rollup', opts });
  // One run a day at a worker's start (the job id is the day's): the roll-up is there before the first night.
  await jobs.add('trend-rollup', {}, { ...opts, jobId: `at-start-${dayInIndia(now())}` });
  const worker = new QueueWorker(TREND_ROLLUP_QUEUE, async () => rollUpTrends(deps, now()), { connection, concurrency: 1 });
  return {
    /** the scheduled job's queue, for whoever wants to run it now (an operator) */
    queue: jobs,
    async close() {
      await worker.close();
      await jobs.close();
    },
  };
}

// The dashboards' monthly trends, rolled up nightly: for every state, each district's figures of the last 24 closed
// months counted into TrendMonth exactly as the live trends count them, so a state's or the nation's trends add up
// districts' rows instead of reading every case and timeline (README, "Month by month, and the cases behind every figure").
// The current month is always counted live. A past month changes after it closed (an event recorded late from a phone
// that was offline, cases merged, a legacy import) and the next night's run counts it again. A daily job
// (daily-job.ts); each worker start also asks for one run a day, so a new deployment, or one whose worker was down at
// night, has its roll-up by morning.
import type { ConnectionOptions } from 'bullmq';
import { dayInIndia, monthStartInIndia, monthsToRollUp } from '@raksha/domain';
import { GeographyRepository, TrendsRepository, type Db } from '@raksha/db';
import { DAILY_JOB_OPTIONS, startDailyJob } from './daily-job.js';

export const TREND_ROLLUP_QUEUE = 'raksha-trend-rollup';
const SCHEDULER_ID = 'trend-rollup';
/** 01:15 in India: after midnight, when a month that has just ended is whole, and after the missed-duty scan. */
const PATTERN = '15 1 * * *';
const TIME_ZONE = 'Asia/Kolkata';

/** Rolls up every state's closed months at `now`; forgets rolled-up months older than the window. Returns rows written. */
export interface TrendRollupDeps {
  trends: TrendsRepository;
  geography: GeographyRepository;
}

/** What the roll-up reads and writes, on a database. */
export const trendRollupDeps = (db: Db): TrendRollupDeps => ({ trends: new TrendsRepository(db), geography: new GeographyRepository(db) });

export async function rollUpTrends(deps: TrendRollupDeps, now: Date): Promise<number> {
  const months = monthsToRollUp(now).map((month) => ({ month, start: monthStartInIndia(month), end: monthStartInIndia(month, 1) }));
  let rows = 0;
  // A state at a time: each statement reads one state's cases and timelines, so none holds the database for long.
  for (const state of await deps.geography.states()) rows += await deps.trends.rollUp(state.code, months, now);
  await deps.trends.forgetRolledUpBefore(months[0]!.month);
  return rows;
}

export async function startTrendRollup(connection: ConnectionOptions, deps: TrendRollupDeps, now: () => Date = () => new Date()) {
  const daily = await startDailyJob(connection, { queue: TREND_ROLLUP_QUEUE, schedulerId: SCHEDULER_ID, name: 'trend-rollup', pattern: PATTERN, timeZone: TIME_ZONE, run: () => rollUpTrends(deps, now()) });
  // One run a day at a worker's start (the job id is the day's): the roll-up is there before the first night.
  await daily.queue.add('trend-rollup', {}, { ...DAILY_JOB_OPTIONS, jobId: `at-start-${dayInIndia(now())}` });
  return daily;
}

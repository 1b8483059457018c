// The daily digest: once a day, at DIGEST_HOUR in DIGEST_TIME_ZONE, each person who has not turned it off and has a
// verified email gets one email of what waits for their body: escalations not yet resolved, cases past a deadline,
// cases due within the week — counts and case references only (JJ Act s.74), in their language. A BullMQ job
// scheduler fires it (one run however many processes schedule it); each person's digest of a day is one Delivery
// (notice key `digest-<day>-<person>`), so a retried or repeated run sends nothing twice. Nobody with nothing to
// report gets an email.
import { randomUUID } from 'node:crypto';
import type { ConnectionOptions } from 'bullmq';
import { DAILY_DIGEST_KIND } from '@raksha/contracts';
import type { DigestReader, DigestRepository, NewDelivery } from '@raksha/db';
import { placeFilter, trackBefore, workFilter, type JurisdictionLevel } from '@raksha/domain';
import type { Language } from './channels/language.js';
import { digestDay, digestEmail, digestIsEmpty, type DigestFacts } from './channels/messages.js';
import { startDailyJob } from './daily-job.js';

export const DIGEST_QUEUE = 'raksha-digests';
const SCHEDULER_ID = 'daily-digest';
const WEEK_MS = 7 * 24 * 3_600_000;

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone: the digest's day, part of its key. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** What one person's digest reports at `at`; people of the same body at the same place share one count. */
export function digestFacts(repo: DigestRepository, at: Date) {
  const byBody = new Map<string, Promise<DigestFacts>>();
  return (r: DigestReader): Promise<DigestFacts> => {
    const key = `${r.bodyType}|${r.bodyLevel}|${r.stateCode}|${r.districtCode}|${r.thanaCode}`;
    let facts = byBody.get(key);
    if (!facts) {
      const track = trackBefore(r.bodyType);
      // as the body's listings: escalations where it may know of them, cases where it works them (a station: its thana)
      const j = { level: r.bodyLevel as JurisdictionLevel, stateCode: r.stateCode, districtCode: r.districtCode, thanaCode: r.thanaCode };
      facts = repo.counts({ type: r.bodyType, ...(track && { tracks: [track] }) }, { escalations: placeFilter(j), cases: workFilter(j) }, at, new Date(at.getTime() + WEEK_MS));
      byBody.set(key, facts);
    }
    return facts;
  };
}

/**
 * Queues the day's digests: one Delivery per reader with something to report, keyed by the day, so a second run
 * on the same day queues nothing new. Returns how many were queued now.
 */
export async function queueDailyDigests(repo: DigestRepository, queue: (rows: NewDelivery[]) => Promise<number>, at: Date, timeZone: string): Promise<number> {
  const day = localDay(at, timeZone);
  const factsOf = digestFacts(repo, at);
  const rows: NewDelivery[] = [];
  for (const r of await repo.readers()) {
    if (digestIsEmpty(await factsOf(r))) continue;
    rows.push({
      id: randomUUID(),
      noticeKey: `digest-${day}-${r.userId}`,
      channel: 'EMAIL',
      recipientId: r.userId,
      address: r.email,
      language: r.language,
      caseId: null,
      kind: DAILY_DIGEST_KIND,
      stateCode: r.stateCode,
      districtCode: r.districtCode,
    });
  }
  return queue(rows);
}

/** Writes a person's digest when it is sent: what is true then; null when they no longer get one or nothing is left. */
export function digestComposer(repo: DigestRepository, publicUrl: string, timeZone: string) {
  return async (userId: string, language: Language, at: Date) => {
    const [reader] = await repo.readers(userId);
    if (!reader) return null;
    const facts = await digestFacts(repo, at)(reader);
    return digestIsEmpty(facts) ? null : digestEmail(facts, language, digestDay(at, language, timeZone), publicUrl);
  };
}
export type DigestComposer = ReturnType<typeof digestComposer>;

/** Schedules the daily run (idempotent: every process upserts the same scheduler) and runs it when it fires. */
export function startDailyDigests(
  connection: ConnectionOptions,
  repo: DigestRepository,
  queue: (rows: NewDelivery[]) => Promise<number>,
  options: { hour: number; timeZone: string; now?: () => Date },
) {
  const now = options.now ?? (() => new Date());
  return startDailyJob(connection, { queue: DIGEST_QUEUE, schedulerId: SCHEDULER_ID, name: 'digest', pattern: `0 ${options.hour} * * *`, timeZone: options.timeZone, run: () => queueDailyDigests(repo, queue, now(), options.timeZone) });
}

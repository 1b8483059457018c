// Escalation reminders: an escalation not acknowledged within the reminder policy's interval (libs/domain
// reminders.ts: 2 h for a production deadline, 24 h for others) is sent again to the body it was raised to, as an
// ESCALATION_REMINDER notice — in-app, and by every verified channel like the escalation itself; one more interval
// on, to the body's head by name (libs/domain bodies.ts BODY_HEAD). The ladder then climbs as before. A scan, not a timer per escalation: idempotent (the reminder's dedupe key), so the worker and
// the notification process may both run it.
import { enqueueNotifications, type NotificationJob, type NotificationQueue } from '@raksha/contracts';
import type { DeliveryRepository } from '@raksha/db';
import { headReminderAfterHours, isReminderPolicyId, reminderAfterHours, reminderHoursOf, type ReminderHours } from '@raksha/domain';
import { workerLog } from './observability.js';

const HOUR = 3_600_000;
/** A reminder is for an escalation still fresh; older ones have climbed the ladder already. */
const WINDOW_HOURS = 7 * 24;

/** Each state's own reminder intervals, from its deadline policy. */
async function stateReminderHours(deliveries: DeliveryRepository): Promise<(stateCode: string | null) => ReminderHours> {
  const byState = new Map<string, ReminderHours>();
  for (const [stateCode, entries] of await deliveries.reminderOverrides()) {
    const hours: ReminderHours = {};
    for (const [id, within] of Object.entries(entries)) {
      const h = reminderHoursOf(within);
      if (isReminderPolicyId(id) && h !== null) hours[id] = h;
    }
    byState.set(stateCode, hours);
  }
  return (stateCode) => (stateCode ? (byState.get(stateCode) ?? {}) : {});
}

export async function remindUnacknowledged(deliveries: DeliveryRepository, notices: NotificationQueue, now: Date): Promise<number> {
  const policyOf = await stateReminderHours(deliveries);
  const hoursSince = (raisedAt: Date) => (now.getTime() - raisedAt.getTime()) / HOUR;
  // an hour is the shortest interval any state may set; each escalation is then held to its own state's
  const candidates = await deliveries.unremindedEscalations(new Date(now.getTime() - WINDOW_HOURS * HOUR), new Date(now.getTime() - HOUR));
  const due = candidates.filter((e) => hoursSince(e.raisedAt) >= reminderAfterHours(e.deadlineId, policyOf(e.stateCode)));
  const jobs = due.map((e): NotificationJob => {
    const hours = Math.floor((now.getTime() - e.raisedAt.getTime()) / HOUR);
    return {
      dedupeKey: `escalation-${e.id}-reminder`,
      recipientBody: e.toBody as NotificationJob['recipientBody'],
      districtCode: e.districtCode,
      stateCode: e.stateCode,
      caseId: e.caseId,
      kind: 'ESCALATION_REMINDER',
      subject: `Reminder: not yet acknowledged — ${e.obligation}`,
      body: `"${e.obligation}" (${e.citation}) was escalated to you ${hours} hours ago and nobody has acknowledged it. Please acknowledge it and act.`,
    };
  });
  // Then, one more interval on, the body's head by name (libs/domain bodies.ts BODY_HEAD), each head once.
  const awaiting = await deliveries.escalationsAwaitingHead(
    new Date(now.getTime() - WINDOW_HOURS * HOUR),
    new Date(now.getTime() - 2 * HOUR),
    (x) => hoursSince(x.raisedAt) >= headReminderAfterHours(x.deadlineId, policyOf(x.stateCode)),
  );
  for (const e of awaiting) {
    const hours = Math.floor((now.getTime() - e.raisedAt.getTime()) / HOUR);
    for (const headId of e.headIds) {
      jobs.push({
        dedupeKey: `escalation-${e.id}-head-${headId}`,
        recipientBody: 'PERSON',
        recipientUserId: headId,
        districtCode: e.districtCode,
        stateCode: e.stateCode,
        caseId: e.caseId,
        kind: 'ESCALATION_REMINDER',
        subject: `Reminder to the head of the ${e.toBody}: not yet acknowledged — ${e.obligation}`,
        body: `"${e.obligation}" (${e.citation}) was escalated to your ${e.toBody} ${hours} hours ago, was reminded, and nobody has acknowledged it. As its head, please see that it is acknowledged and acted on.`,
      });
    }
  }
  await enqueueNotifications(notices, jobs);
  return jobs.length;
}

/** Runs the scan every `everyMs` until stopped. */
export function startEscalationReminders(deliveries: DeliveryRepository, notices: NotificationQueue, everyMs: number, now: () => Date = () => new Date()) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => remindUnacknowledged(deliveries, notices, now())).catch((e: unknown) => workerLog().error({ err: e }, 'reminders: scan failed'));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

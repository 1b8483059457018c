// The notification processor, and the maker of orders' documents, as their own process (`npm run notifications`; `npm start` runs it with
// the worker started with WORKER_DELIVERS_NOTIFICATIONS=false). Jobs wait in Redis until delivered,
// so this process can lag behind a burst of escalations, or restart, without losing any.
import { setPriority } from 'node:os';
import { Queue } from 'bullmq';
import { NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { loadConfig, redisConnectionOptions } from '@raksha/config';
import { createDb, DeliveryRepository, NotificationRepository } from '@raksha/db';
import { startNotificationProcessor } from './notification.processor.js';
import { startOrderDocuments } from './order-documents.processor.js';
import { reachFromConfig } from './reach.js';
import { startEscalationReminders } from './reminders.js';

/** Below the worker's priority: on a busy machine, escalations are recorded before inboxes are filled. */
const NICENESS = 10;

const config = loadConfig();
const db = createDb(config.databaseUrl);
setPriority(NICENESS);
const redis = redisConnectionOptions(config.redisUrl);
const reach = await reachFromConfig(config, redis, db);
const processor = startNotificationProcessor(redis, new NotificationRepository(db), reach);
const notices = new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: redis });
const reminders = startEscalationReminders(new DeliveryRepository(db), notices, config.notify.reminderScanMs);
// Orders' PDFs are made here too: CPU work kept out of the case worker's process.
const documents = await startOrderDocuments(config, db, redis);
await processor.waitUntilReady();
const channels = ['the in-app inbox', ...config.notify.channels.map((c) => ({ email: 'email', sms: 'SMS', webhook: 'webhooks' })[c])].join(', ');
const digest = config.notify.channels.includes('email') ? `; daily digest at ${String(config.notify.digest.hour).padStart(2, '0')}:00 ${config.notify.digest.timeZone}` : '';
console.log(`[notifications] delivering notification jobs from ${new URL(config.redisUrl).host} to ${channels}${digest}`);

const stopped = new Promise<void>((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`[notifications] ${signal}: finishing in-flight deliveries`);
      resolve();
    });
  }
});
await stopped;
await reminders.stop();
await documents.close();
await notices.close();
await processor.close();
await reach?.close();
await db.$disconnect();

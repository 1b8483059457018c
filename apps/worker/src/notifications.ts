// The notification processor as its own process (`npm run notifications`; `npm start` runs it with
// the worker started with WORKER_DELIVERS_NOTIFICATIONS=false). Jobs wait in Redis until delivered,
// so this process can lag behind a burst of escalations, or restart, without losing any.
import { setPriority } from 'node:os';
import { loadConfig, redisConnectionOptions } from '@raksha/config';
import { createDb, NotificationRepository } from '@raksha/db';
import { startNotificationProcessor } from './notification.processor.js';

/** Below the worker's priority: on a busy machine, escalations are recorded before inboxes are filled. */
const NICENESS = 10;

const config = loadConfig();
const db = createDb(config.databaseUrl);
setPriority(NICENESS);
const processor = startNotificationProcessor(redisConnectionOptions(config.redisUrl), new NotificationRepository(db));
await processor.waitUntilReady();
console.log(`[notifications] delivering notification jobs from ${new URL(config.redisUrl).host} to the in-app inbox`);

const stopped = new Promise<void>((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`[notifications] ${signal}: finishing in-flight deliveries`);
      resolve();
    });
  }
});
await stopped;
await processor.close();
await db.$disconnect();

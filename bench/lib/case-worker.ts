// The case worker as the benchmark runs it: one child process, or (as `npm start` runs it) the
// worker plus the notification processor in its own lower-priority process.
import { join } from 'node:path';
import { startNodeChild, type NodeChild } from './proc.js';

export interface CaseWorkerChildren {
  worker: NodeChild;
  /** The notification processor's own process, when it is not inside the worker. */
  notifications?: NodeChild;
  stop(): Promise<void>;
}

export async function startCaseWorkerChildren(
  env: NodeJS.ProcessEnv,
  logDir: string,
  /** log file prefix, e.g. `deadlines` */
  name: string,
  notificationsApart: boolean,
): Promise<CaseWorkerChildren> {
  const notifications = notificationsApart
    ? await startNodeChild('apps/worker/src/notifications.ts', env, join(logDir, `${name}-notifications.log`), /delivering notification jobs/)
    : undefined;
  try {
    const worker = await startNodeChild(
      'apps/worker/src/main.ts',
      { ...env, WORKER_DELIVERS_NOTIFICATIONS: notificationsApart ? 'false' : 'true' },
      join(logDir, `${name}-case-worker.log`),
      /polling task queue/,
    );
    return {
      worker,
      ...(notifications ? { notifications } : {}),
      async stop() {
        await worker.stop();
        await notifications?.stop();
      },
    };
  } catch (err) {
    await notifications?.stop();
    throw err;
  }
}

// The baseline: a workflow whose Update handler returns at once. It is bundled on its own
// (bench/noop-worker.ts), so the comparison with the case workflow is Temporal's floor for an Update.
import { condition, defineSignal, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

/** Takes the same request a case event carries, so the payload on the wire is comparable. */
export const noopUpdate = defineUpdate<boolean, [unknown]>('noop');
export const noopStopSignal = defineSignal('stop');

export async function noopWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(noopUpdate, () => true);
  setHandler(noopStopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
}

/**
 * The bare-timer baseline of (b): one timer to the same due time a case's deadline has, then done. Returns how late
 * its timer's workflow task ran (workflow time, as Escalation.raisedAt is), in ms.
 */
export async function timerWorkflow(dueAtMs: number): Promise<number> {
  await sleep(Math.max(1, dueAtMs - Date.now()));
  return Date.now() - dueAtMs;
}

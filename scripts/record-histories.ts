// `npm run workflows:record-histories`: runs the case workflow through real scenarios on the
// Temporal Java test server (time skipping) with the real worker, PostgreSQL and Redis, and writes
// each run's event history to workflows/test/histories/<scenario>.json. workflows/test/replay.int.ts
// replays every file there against the current workflow code (see docs/replay.md).
//
// Usage: node --import @swc-node/register/esm-register scripts/record-histories.ts [scenario ...]
// (no names: every scenario). Needs the test database (TEST_DATABASE_URL or the PG* defaults).
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { TEST_DATA_KEY } from '@raksha/config';
import { type CaseActor, caseWorkflowId, escalationActionUpdate } from '@raksha/contracts/temporal';
import { historyToJSON, type History } from '@raksha/workflows/test/history-json';
import { DCPU_OFFICER, escalationCount, OFFICER, produceAndInquire, registerAtServerTime, sendEvent } from '@raksha/test-support/case-scenarios';
import { eventually } from '@raksha/test-support/stack';
import { startTimeSkippingStack, type TimeSkippingStack } from '@raksha/test-support/time-skipping';

// Payloads are encrypted with the tests' fixed key, not this machine's, so the recorded histories replay anywhere.
process.env.RAKSHA_DATA_KEY = TEST_DATA_KEY;
delete process.env.RAKSHA_RETIRED_DATA_KEYS;

export const HISTORIES_DIR = fileURLToPath(new URL('../workflows/test/histories/', import.meta.url));

const JJB_MEMBER: CaseActor = { id: 'jjb-1', role: 'JJB_MEMBER', body: 'JJB' };

type Ctx = Omit<TimeSkippingStack, 'stop'>;

/** One recorded run: its handle (pinned to a run id) and the file name it is saved under. */
interface Recorded {
  name: string;
  handle: WorkflowHandle;
}

type Scenario = (ctx: Ctx) => Promise<Recorded[]>;

/** The same scenarios workflows/test/case.workflow.int.ts asserts on, driven the same way. */
export const SCENARIOS: Record<string, Scenario> = {
  async 'cncp-production-missed-escalated-then-produced'(ctx) {
    const { caseId, handle } = await registerAtServerTime(ctx, 'CNCP');
    await ctx.env.sleep('25 hours');
    await escalationCount(ctx.db, caseId, 1); // DCPU
    await ctx.env.sleep('7 days');
    await escalationCount(ctx.db, caseId, 2); // SCPS
    await sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'ABANDONED', producedBy: 'Childline' });
    await ctx.env.sleep('40 days');
    return [{ name: 'cncp-production-missed-escalated-then-produced', handle }];
  },

  async 'cncp-restored-followed-up-closed'(ctx) {
    const { handle } = await registerAtServerTime(ctx, 'CNCP');
    await ctx.env.sleep('6 hours');
    await produceAndInquire(handle);
    await ctx.env.sleep('30 days');
    await sendEvent(handle, 'FINAL_ORDER_PASSED', { order: 'RESTORATION', orderRef: 'CWC/JPR/37/1', reasons: 'parents traced and verified by the DCPU' });
    await sendEvent(handle, 'CHILD_RESTORED', { restoredTo: 'PARENT' });
    for (let quarter = 0; quarter < 4; quarter += 1) {
      await ctx.env.sleep('80 days');
      await sendEvent(handle, 'FOLLOW_UP_REPORT_FILED', { reportRef: `FU/${quarter + 1}` });
    }
    // Rejected by the validator (not yet a year): leaves no trace in history, as replay must agree.
    await sendEvent(handle, 'FOLLOW_UP_COMPLETED').then(
      () => {
        throw new Error('FOLLOW_UP_COMPLETED was accepted before a year of follow-up');
      },
      () => undefined,
    );
    await ctx.env.sleep('50 days');
    await sendEvent(handle, 'FOLLOW_UP_COMPLETED');
    await sendEvent(handle, 'CLOSE_CASE', { ground: 'RESTORED_AND_FOLLOWED_UP', reasons: 'restored; four quarterly follow-ups filed' });
    await handle.result();
    return [{ name: 'cncp-restored-followed-up-closed', handle }];
  },

  async 'cicl-petty-extended-terminated-by-system'(ctx) {
    const { caseId, handle } = await registerAtServerTime(ctx, 'CICL');
    await sendEvent(handle, 'PRODUCED_BEFORE_JJB', { offenceCategory: 'PETTY', ageAtOffence: 14 }, JJB_MEMBER);
    await sendEvent(handle, 'INQUIRY_EXTENDED', { reasons: 'witnesses not yet examined; recorded in writing' }, JJB_MEMBER);
    await ctx.env.sleep('190 days');
    await eventually(async () => (await ctx.db.timelineEntry.findMany({ where: { caseId, eventType: 'PROCEEDINGS_TERMINATED' } }))[0]);
    return [{ name: 'cicl-petty-extended-terminated-by-system', handle }];
  },

  async 'escalation-acknowledged-and-resolved'(ctx) {
    const { caseId, handle } = await registerAtServerTime(ctx, 'CNCP');
    await ctx.env.sleep('25 hours');
    const [missed] = await escalationCount(ctx.db, caseId, 1);
    const act = (action: 'ACKNOWLEDGE' | 'RESOLVE', note?: string) =>
      handle.executeUpdate(escalationActionUpdate, {
        args: [{ escalationId: missed!.id, action, idempotencyKey: randomUUID(), actor: DCPU_OFFICER, ...(note ? { note } : {}) }],
      });
    await act('ACKNOWLEDGE');
    await act('RESOLVE', 'child produced before the CWC on our direction');
    return [{ name: 'escalation-acknowledged-and-resolved', handle }];
  },

  async 'cncp-conflicting-events-at-once'(ctx) {
    // Two officers record production at the same moment: both updates reach the workflow in one
    // activation, so the history pins down how the handlers take the step lock between them.
    const { handle } = await registerAtServerTime(ctx, 'CNCP');
    const outcomes = await Promise.allSettled([
      sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU Jaipur' }),
      sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'ABANDONED', producedBy: 'Childline' }),
    ]);
    if (!outcomes.some((o) => o.status === 'fulfilled')) throw new Error('neither concurrent PRODUCED_BEFORE_CWC was applied');
    await Promise.allSettled([
      sendEvent(handle, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'CWC/JPR/F18/1' }),
      sendEvent(handle, 'SIR_ORDERED', { sirRef: 'SIR/1' }),
    ]);
    return [{ name: 'cncp-conflicting-events-at-once', handle }];
  },

  async 'cncp-deadline-timer-kept-across-events'(ctx) {
    // Recorded with the 'case-step-fewer-commands' patch: events that leave the next wake-up time
    // where it was keep the armed timer, others cancel and re-arm it; an unchanged position upserts
    // no search attributes; the kept timer then fires and escalates.
    const { caseId, handle } = await registerAtServerTime(ctx, 'CNCP');
    await sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU Jaipur' });
    await sendEvent(handle, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'CWC/JPR/F18/1' });
    await sendEvent(handle, 'SIR_ORDERED', { sirRef: 'SIR/1' });
    await ctx.env.sleep('16 days');
    await escalationCount(ctx.db, caseId, 1); // DCPU: the SIR is overdue
    await sendEvent(handle, 'SIR_SUBMITTED', { sirRef: 'SIR/1', finding: 'FAMILY_TRACED' });
    return [{ name: 'cncp-deadline-timer-kept-across-events', handle }];
  },

  async 'continue-as-new'(ctx) {
    const { caseId, handle } = await registerAtServerTime(ctx, 'CNCP', { stepsPerRun: 3 });
    const workflowId = caseWorkflowId(caseId);
    const firstRunId = (await handle.describe()).runId;
    await ctx.env.sleep('25 hours'); // step 1: escalation to the DCPU
    await escalationCount(ctx.db, caseId, 1);
    const key = `produce-${caseId}`;
    await sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU' }, OFFICER, key); // step 2
    await sendEvent(handle, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'O/1' }); // step 3: run ends
    const secondRunId = await eventually(async () => {
      const runId = (await ctx.env.client.workflow.getHandle(workflowId).describe()).runId;
      return runId !== firstRunId ? runId : undefined;
    });
    const second = ctx.env.client.workflow.getHandle(workflowId, secondRunId);
    // The second run starts from the carried-over state: a repeated key, then a deadline that fires.
    await sendEvent(second, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU' }, OFFICER, key);
    await ctx.env.sleep('125 days');
    await escalationCount(ctx.db, caseId, 2);
    return [
      { name: 'continue-as-new-first-run', handle: ctx.env.client.workflow.getHandle(workflowId, firstRunId) },
      { name: 'continue-as-new-second-run', handle: second },
    ];
  },
};

/** Activity and workflow-task events that have been scheduled but have not yet closed. */
function inFlight(history: History): number {
  let open = 0;
  for (const e of history.events ?? []) {
    if (e.workflowTaskScheduledEventAttributes || e.activityTaskScheduledEventAttributes) open += 1;
    if (
      e.workflowTaskCompletedEventAttributes ||
      e.workflowTaskFailedEventAttributes ||
      e.workflowTaskTimedOutEventAttributes ||
      e.activityTaskCompletedEventAttributes ||
      e.activityTaskFailedEventAttributes ||
      e.activityTaskTimedOutEventAttributes ||
      e.activityTaskCanceledEventAttributes
    ) {
      open -= 1;
    }
  }
  return open;
}

/**
 * The run's history once it is at rest (no workflow task or activity in flight, and unchanged
 * across two reads), so a fixture never ends halfway through a task.
 */
async function settledHistory(handle: WorkflowHandle): Promise<History> {
  let last = -1;
  return eventually(async () => {
    const history = await handle.fetchHistory();
    const length = history.events?.length ?? 0;
    const stable = length === last && inFlight(history) === 0;
    last = length;
    if (!stable) await new Promise((r) => setTimeout(r, 250));
    return stable ? history : undefined;
  }, 30_000);
}

/** A scenario that stalls (an update that never completes) fails the recording instead of hanging it. */
async function withinTime<T>(name: string, work: Promise<T>, ms = 90_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`scenario ${name} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in SCENARIOS));
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const chosen = names.length ? names : Object.keys(SCENARIOS);

  const stack = await startTimeSkippingStack('record', { LOG_LEVEL: 'error' });
  try {
    mkdirSync(HISTORIES_DIR, { recursive: true });
    for (const name of chosen) {
      const started = Date.now();
      const runs = await withinTime(name, SCENARIOS[name]!(stack));
      for (const run of runs) {
        const history = await settledHistory(run.handle);
        const file = `${HISTORIES_DIR}${run.name}.json`;
        const json = `${historyToJSON(history)}\n`;
        writeFileSync(file, json);
        console.log(`wrote ${file}: ${history.events?.length ?? 0} events, ${Math.round(json.length / 1024)} KB (${Date.now() - started} ms)`);
      }
    }
  } finally {
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv.slice(2));
}

// How the time-skipping tests and the history recorder drive a case: the same people, steps and waits.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { applyEventUpdate, type CaseActor, type CaseRegistration } from '@raksha/contracts/temporal';
import type { Db } from '@raksha/db';
import type { Track } from '@raksha/domain';
import { registerCaseWorkflow } from './case-registration.js';
import { eventually } from './stack.js';
import type { TimeSkippingStack } from './time-skipping.js';

export const OFFICER: CaseActor = { id: 'officer-1', role: 'CWC_MEMBER', body: 'CWC' };
export const DCPU_OFFICER: CaseActor = { id: 'dcpu-1', role: 'DCPU_OFFICER', body: 'DCPU' };

/** A case registered at the server's (skipped) time. */
export async function registerAtServerTime({ env, config }: Pick<TimeSkippingStack, 'env' | 'config'>, track: Track, extra: Partial<CaseRegistration> = {}) {
  return registerCaseWorkflow(env.client, config.temporal.taskQueue, track, { registeredAt: new Date(await env.currentTimeMs()).toISOString(), ...extra });
}

/** Sends the case an event as `actor` (a CWC member unless said), under a fresh idempotency key unless given. */
export const sendEvent = (handle: WorkflowHandle, type: string, payload: Record<string, unknown> = {}, actor = OFFICER, idempotencyKey: string = randomUUID()) =>
  handle.executeUpdate(applyEventUpdate, { args: [{ type, payload, idempotencyKey, actor }] });

/** The case's escalations in the read model, in the order they were raised. */
export const escalationsOf = (db: Db, caseId: string) => db.escalation.findMany({ where: { caseId }, orderBy: [{ raisedAt: 'asc' }, { rung: 'asc' }] });

/** Waits (wall clock, time not skipping) until the case has `count` escalations in the read model. */
export const escalationCount = (db: Db, caseId: string, count: number) =>
  eventually(async () => {
    const rows = await escalationsOf(db, caseId);
    return rows.length >= count ? rows : undefined;
  });

/** Production, interim placement and the social investigation report, on time. */
export async function produceAndInquire(handle: WorkflowHandle) {
  await sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU Jaipur' });
  await sendEvent(handle, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'CWC/JPR/F18/1' });
  await sendEvent(handle, 'SIR_ORDERED', { sirRef: 'SIR/1' });
  await sendEvent(handle, 'SIR_SUBMITTED', { sirRef: 'SIR/1', finding: 'FAMILY_TRACED' });
}

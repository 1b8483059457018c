import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { type CaseRegistration, caseWorkflowId, registrationUpdate } from '@raksha/contracts/temporal';
import { eventually, type Stack } from './stack.js';

/**
 * A CNCP case started straight on the case workflow, with a state rule that gives a second to
 * produce the child, so the miss (and its escalation to the DCPU) happens during the test.
 */
export async function caseWithMissedProduction(
  stack: Stack,
  temporal: Client,
  place: { districtCode: string; stateCode: string; thanaCode?: string },
): Promise<{ caseId: string; escalationId: string }> {
  const registration: CaseRegistration = {
    caseId: randomUUID(),
    track: 'CNCP',
    ...place,
    child: { ageYears: 11 },
    registeredAt: new Date().toISOString(),
    registeredBy: { id: 'sjpu-test', role: 'SJPU_OFFICER', body: 'SJPU' },
    deadlinePolicy: { 'cncp.production': { within: 'PT1S' } },
  };
  const handle = await temporal.workflow.start('caseWorkflow', {
    taskQueue: stack.config.temporal.taskQueue,
    workflowId: caseWorkflowId(registration.caseId),
    args: [registration],
  });
  await handle.executeUpdate(registrationUpdate);
  const escalationId = await eventually(async () => (await stack.db.escalation.findFirst({ where: { caseId: registration.caseId } }))?.id);
  return { caseId: registration.caseId, escalationId };
}

// A case registered straight through Temporal, as the API would: the case workflow started and its registration update
// answered (the registration step is on record when this returns).
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { type CaseRegistration, caseWorkflowId, registrationUpdate } from '@raksha/contracts/temporal';
import type { Track } from '@raksha/domain';

/** A child of Jaipur registered by an SJPU officer now (or at `extra.registeredAt`: a time-skipping server's time). */
export async function registerCaseWorkflow(client: Client, taskQueue: string, track: Track, extra: Partial<CaseRegistration> = {}) {
  const registration: CaseRegistration = {
    caseId: randomUUID(),
    track,
    districtCode: 'RJ-JAIPUR',
    stateCode: 'RJ',
    child: { ageYears: track === 'CICL' ? 15 : 9 },
    registeredAt: new Date().toISOString(),
    registeredBy: { id: 'sjpu-1', role: 'SJPU_OFFICER', body: 'SJPU' },
    ...extra,
  };
  const handle = await client.workflow.start('caseWorkflow', { taskQueue, workflowId: caseWorkflowId(registration.caseId), args: [registration] });
  await handle.executeUpdate(registrationUpdate);
  return { caseId: registration.caseId, registration, handle };
}

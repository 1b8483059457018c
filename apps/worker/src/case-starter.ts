import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { CaseStarter } from '@raksha/activities';
import { caseWorkflowId } from '@raksha/contracts/temporal';

/**
 * Starts imported children's case workflows, as the API's registration starts a case: the same workflow, on the
 * same task queue. The import's id goes in the workflow's memo, so a batch redone after a crash knows the cases it
 * started itself from those another import started; a case id once used (even by a case since ended) is never
 * started again.
 */
export function caseStarter(client: Client, taskQueue: string): CaseStarter {
  return {
    async start(registration) {
      const workflowId = caseWorkflowId(registration.caseId);
      try {
        await client.workflow.start('caseWorkflow', { taskQueue, workflowId, args: [registration], memo: { importId: registration.imported.importId }, workflowIdReusePolicy: 'REJECT_DUPLICATE' });
        return 'STARTED';
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        const { memo } = await client.workflow.getHandle(workflowId).describe();
        return memo?.importId === registration.imported.importId ? 'STARTED' : 'STARTED_BEFORE';
      }
    },
  };
}

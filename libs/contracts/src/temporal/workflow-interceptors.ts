// Workflow interceptors (bundled with the workflows: deterministic, no Node modules). Each workflow's start, Update
// and signal runs with the request id its caller sent; activities scheduled meanwhile carry it on, and the
// workflow's log lines (Temporal's `log`, replay-aware) name it.
import { AsyncLocalStorage, log, type WorkflowInterceptors } from '@temporalio/workflow';
import { requestIdOf, withRequestId } from './request-id.js';

export const interceptors = (): WorkflowInterceptors => {
  // One store per workflow run: the factory is called for each.
  const current = new AsyncLocalStorage<string>();
  const within = <T>(headers: Parameters<typeof requestIdOf>[0], body: () => T): T => {
    const id = requestIdOf(headers);
    return id ? current.run(id, body) : body();
  };
  return {
    inbound: [
      {
        execute: (input, next) => within(input.headers, () => next(input)),
        handleSignal: (input, next) => within(input.headers, () => next(input)),
        validateUpdate: (input, next) => within(input.headers, () => next(input)),
        handleUpdate: (input, next) =>
          within(input.headers, async () => {
            try {
              const result = await next(input);
              log.info('update handled', { update: input.name });
              return result;
            } catch (err) {
              // The reason is the workflow's (it may quote the request); the failure's type is enough to find it.
              log.info('update refused', { update: input.name, failure: (err as { type?: string }).type ?? (err as Error).name });
              throw err;
            }
          }),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
        scheduleLocalActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
        startChildWorkflowExecution: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
        getLogAttributes: (input, next) => {
          const requestId = current.getStore();
          return next(requestId ? { ...input, requestId } : input);
        },
      },
    ],
  };
};

// Every request has an id: the caller's X-Request-Id when well-formed (a proxy or a client retrying), else a new
// one. It is echoed in the response, stamped on the request's log lines and sent into Temporal with each call.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { REQUEST_ID_PATTERN, withRequestId } from '@raksha/contracts/temporal/request-id';

export const REQUEST_ID_RESPONSE_HEADER = 'X-Request-Id';

const scope = new AsyncLocalStorage<string>();

/** The id of the request being handled, if any (a scheduled job in the API has none). */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}

/** Express middleware, first of all: decides the id, echoes it, and runs the rest of the request within it. */
export function requestIds(req: Request, res: Response, next: NextFunction): void {
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && REQUEST_ID_PATTERN.test(sent) ? sent : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader(REQUEST_ID_RESPONSE_HEADER, id);
  scope.run(id, next);
}

/** Adds the current request's id as a header to every workflow start, Update and signal the API makes. */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders, currentRequestId()), updateHeaders: withRequestId(input.updateHeaders, currentRequestId()) }),
  signal: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
};

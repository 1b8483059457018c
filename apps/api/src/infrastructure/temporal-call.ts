import { describeIssues } from '@raksha/contracts';
import { type ConnectionLike, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { CASE_EVENT_REJECTED, type CaseEventRejection, ESCALATION_ACTION_REJECTED, type EscalationActionRejection } from '@raksha/contracts/temporal';
import { type DomainError, invalidField, invalidInput, problem, staleCase, unavailable } from '../problem/domain-errors.js';

/**
 * How long the API waits on Temporal for one call. The client retries an unreachable server, and an Update waits for a
 * worker to take it, for as long as it is left to: with the server or every worker down that is a request that never
 * ends. Past this bound the client is told to retry (503); the workflow applies an Update it did take only once, by its
 * idempotency key, so a retry is safe.
 */
export const TEMPORAL_CALL_BOUND_MS = 15_000;

/**
 * How long a read waits on a workflow for what only adds to its answer (the events a case can take now, the age its
 * machine holds): past it the read answers without them rather than keep a person waiting on a busy worker.
 */
export const OPTIONAL_WORKFLOW_READ_MS = 3_000;

/**
 * A read of what only adds to an answer (OPTIONAL_WORKFLOW_READ_MS): its value, or null when Temporal cannot give it in
 * time. Past the bound the call is cancelled, not left retrying behind an answer already sent.
 */
export async function optionalWorkflowRead<T>(connection: Pick<ConnectionLike, 'withAbortSignal'>, call: () => Promise<T>): Promise<T | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), OPTIONAL_WORKFLOW_READ_MS);
  try {
    return await connection.withAbortSignal(controller.signal, call);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a Temporal client call; an unreachable server, a missing workflow or no answer within the bound is a 503, not a 500 nor a hang. */
export async function callTemporal<T>(call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable('the case workflow service did not answer in time; send the request again shortly')), TEMPORAL_CALL_BOUND_MS);
  });
  try {
    return await Promise.race([call(), bound]);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw unavailable('the case workflow is not running');
    if (err instanceof ServiceError) throw unavailable('the case workflow service is unavailable for a moment; send the request again shortly');
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** How a workflow's business rejection of an Update (an ApplicationFailure of one type, its reason in details[0]) reads as a domain error. */
export interface UpdateRejections<R> {
  failureType: string;
  toError(rejection: R): DomainError;
}

/** Runs a workflow Update: the workflow's rejection becomes the domain error its vocabulary names, Temporal's own failures as callTemporal. */
export function executeUpdate<Ret, Request, R>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, [Request]>,
  request: Request,
  rejections: UpdateRejections<R>,
): Promise<Ret> {
  return callTemporal(async () => {
    try {
      return await handle.executeUpdate(update, { args: [request] });
    } catch (err) {
      const rejection = rejectionOf<R>(err, rejections.failureType);
      throw rejection ? rejections.toError(rejection) : err;
    }
  });
}

function rejectionOf<R>(err: unknown, failureType: string): R | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== failureType) return undefined;
  return cause.details?.[0] as R | undefined;
}

/** The case workflow's refusal of an event (validator or handler). */
export const caseEventRejections: UpdateRejections<CaseEventRejection> = {
  failureType: CASE_EVENT_REJECTED,
  toError(r) {
    if (r.reason === 'INVALID_PAYLOAD') return invalidInput(describeIssues((r.issues ?? []).map((i) => ({ ...i, path: ['payload', ...(i.path ? i.path.split('.') : [])] }))));
    if (r.reason === 'STALE_VERSION') return staleCase(r.message, r.currentVersion);
    if (r.reason === 'IDEMPOTENCY_KEY_REUSED') return problem('idempotency-key-reused', r.message);
    // Closed, but its workflow still open for its escalations: the same answer as once it has ended.
    if (r.state === 'closed') return problem('case-closed', 'the case is closed');
    return problem('event-not-allowed', r.message, { state: r.state, allowedEvents: r.allowedEvents });
  },
};

/** A workflow's refusal to acknowledge or resolve one of its escalations (the case's or an institution's watch). */
export const escalationActionRejections: UpdateRejections<EscalationActionRejection> = {
  failureType: ESCALATION_ACTION_REJECTED,
  toError(r) {
    if (r.reason === 'NOTE_REQUIRED') return invalidField('note', r.message);
    if (r.reason === 'UNKNOWN_ESCALATION') return unavailable(r.message);
    if (r.reason === 'IDEMPOTENCY_KEY_REUSED') return problem('idempotency-key-reused', r.message);
    return problem('escalation-action-not-allowed', r.message);
  },
};

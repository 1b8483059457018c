import { ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { ServiceUnavailable } from '../problem/domain-errors.js';

/** Runs a Temporal client call; an unreachable server or a missing workflow is a 503, not a 500. */
export async function callTemporal<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new ServiceUnavailable('the case workflow is not running');
    if (err instanceof ServiceError) throw new ServiceUnavailable(`Temporal: ${err.message}`);
    throw err;
  }
}

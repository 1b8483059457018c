// Every request is answered within a bound. A dependency that is down but does not refuse (Redis gone while a queue
// holds the command until it returns, a pool waiting for a connection) would otherwise keep the client waiting for as
// long as the outage lasts; past the bound it is told to retry (503 with Retry-After) instead. The work already begun
// goes on and is found by the retry under the same Idempotency-Key.
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, throwError, timeout } from 'rxjs';
import { unavailable } from './domain-errors.js';

/** Longer than any Temporal call may take (TEMPORAL_CALL_BOUND_MS), and than any request takes when all is well. */
export const REQUEST_BOUND_MS = 20_000;

@Injectable()
export class RequestDeadline implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(timeout({ first: REQUEST_BOUND_MS, with: () => throwError(() => unavailable('a service the request needs did not answer in time; send the request again shortly')) }));
  }
}

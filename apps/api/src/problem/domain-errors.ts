// Errors services throw in the domain's terms; ProblemDetailsFilter alone turns them into HTTP.
export interface FieldIssue {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  abstract readonly title: string;
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class InvalidInput extends DomainError {
  readonly status = 400;
  readonly slug = 'invalid-input';
  readonly title = 'The request has invalid fields';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
  override extensions() {
    return { errors: this.issues };
  }
}

export class Unauthenticated extends DomainError {
  readonly status = 401;
  readonly slug = 'unauthenticated';
  readonly title = 'Sign in first: a valid bearer token is required';
}

export class Forbidden extends DomainError {
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = 'Your role may not do this';
}

export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly slug = 'too-many-requests';
  readonly title = 'Too many requests; retry later';
  constructor(readonly retryAfterSeconds: number) {
    super(`retry after ${retryAfterSeconds} s`);
  }
  override extensions() {
    return { retryAfter: this.retryAfterSeconds };
  }
}

export class CaseNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'case-not-found';
  readonly title = 'No such case';
  constructor(caseId: string) {
    super(`case ${caseId} does not exist`);
  }
}

export class CaseEventNotAllowed extends DomainError {
  readonly status = 409;
  readonly slug = 'event-not-allowed';
  readonly title = 'The case cannot take this event now';
  constructor(
    message: string,
    readonly state: string | undefined,
    readonly allowedEvents: string[],
  ) {
    super(message);
  }
  override extensions() {
    return { state: this.state, allowedEvents: this.allowedEvents };
  }
}

export class StateNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'state-not-found';
  readonly title = 'No such state in your jurisdiction';
  constructor(code: string) {
    super(`state ${code} is not known to you`);
  }
}

export class EscalationNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'escalation-not-found';
  readonly title = 'No such escalation';
  constructor(id: string) {
    super(`escalation ${id} does not exist`);
  }
}

export class EscalationActionNotAllowed extends DomainError {
  readonly status = 409;
  readonly slug = 'escalation-action-not-allowed';
  readonly title = 'The escalation cannot take this action now';
}

export class StaleCaseVersion extends DomainError {
  readonly status = 409;
  readonly slug = 'stale-version';
  readonly title = 'The case changed since you read it; read it again and retry';
}

export class IdempotencyKeyReused extends DomainError {
  readonly status = 422;
  readonly slug = 'idempotency-key-reused';
  readonly title = 'This Idempotency-Key was used for a different request';
}

export class ServiceUnavailable extends DomainError {
  readonly status = 503;
  readonly slug = 'service-unavailable';
  readonly title = 'A service the request needs is unavailable; retry later';
}

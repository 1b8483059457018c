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

export class InstitutionNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'institution-not-found';
  readonly title = 'No such institution in your jurisdiction';
  constructor(id: string) {
    super(`institution ${id} does not exist`);
  }
}

export class AdmissionNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'admission-not-found';
  readonly title = 'No such admission';
  constructor(id: string) {
    super(`admission ${id} does not exist or has ended`);
  }
}

export class NoPlacementOrder extends DomainError {
  readonly status = 409;
  readonly slug = 'no-placement-order';
  readonly title = 'No order on the case places the child in this institution';
  constructor(
    message: string,
    readonly ordersInForce: { orderRef?: string; order: string; kinds: readonly string[] }[],
  ) {
    super(message);
  }
  override extensions() {
    return { ordersInForce: this.ordersInForce };
  }
}

export class OverCapacity extends DomainError {
  readonly status = 409;
  readonly slug = 'over-capacity';
  readonly title = 'The institution has no sanctioned place left for this child';
  constructor(
    readonly gender: string,
    readonly ageBand: string,
    readonly occupied: number,
    readonly sanctioned: number,
  ) {
    super(`${occupied} of ${sanctioned} places for ${gender.toLowerCase()} children aged ${ageBand} are taken; the order must say why the child is placed over capacity (overCapacityReason)`);
  }
  override extensions() {
    return { gender: this.gender, ageBand: this.ageBand, occupied: this.occupied, sanctioned: this.sanctioned };
  }
}

export class AlreadyAdmitted extends DomainError {
  readonly status = 409;
  readonly slug = 'already-admitted';
  readonly title = 'The child is already admitted to an institution';
  constructor(
    readonly admissionId: string,
    readonly institutionId: string,
  ) {
    super(`the child is in ${institutionId} (admission ${admissionId}); transfer or discharge first`);
  }
  override extensions() {
    return { admissionId: this.admissionId, institutionId: this.institutionId };
  }
}

export class NotificationNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'notification-not-found';
  readonly title = 'No such message in your inbox';
  constructor(id: string) {
    super(`message ${id} is not in your inbox`);
  }
}

export class ReportNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'report-not-found';
  readonly title = 'No such report';
  constructor(id: string) {
    super(`report ${id} does not exist`);
  }
}

export class CandidateNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'candidate-not-found';
  readonly title = 'No such match candidate';
  constructor(id: string) {
    super(`match candidate ${id} does not exist`);
  }
}

export class ReportNotAccepting extends DomainError {
  readonly status = 409;
  readonly slug = 'report-state-conflict';
  readonly title = 'The report cannot take this now';
}

export class TooManyReports extends DomainError {
  readonly status = 429;
  readonly slug = 'too-many-reports';
  readonly title = 'Too many reports from you today';
  constructor(readonly perDay: number) {
    super(`a citizen may file ${perDay} reports a day; the police station near you takes more`);
  }
  override extensions() {
    return { perDay: this.perDay };
  }
}

export class ContactNotVerified extends DomainError {
  readonly status = 403;
  readonly slug = 'contact-not-verified';
  readonly title = 'Verify your phone or email first';
  constructor() {
    super('a citizen files reports once a phone number or email is verified: POST /me/contact-verifications, then confirm the code');
  }
}

export class VerificationFailed extends DomainError {
  readonly status = 422;
  readonly slug = 'verification-failed';
  readonly title = 'The code is wrong or has expired';
}

export class ContactChannelUnavailable extends DomainError {
  readonly status = 422;
  readonly slug = 'contact-channel-unavailable';
  readonly title = 'This kind of contact cannot be verified here';
  constructor(readonly channel: string) {
    super(`no ${channel === 'PHONE' ? 'SMS gateway' : 'mail server'} is configured to send the code; verify ${channel === 'PHONE' ? 'an email address' : 'a phone number'} instead`);
  }
  override extensions() {
    return { channel: this.channel };
  }
}

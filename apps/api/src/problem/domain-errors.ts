// Errors services throw in the domain's terms; ProblemDetailsFilter alone turns them into HTTP.
export interface FieldIssue {
  field: string;
  message: string;
  /** the message's key and values (libs/contracts field-issues), for a client to say it in its reader's language */
  key?: string;
  params?: Record<string, string | number>;
}

/** Every problem type the API answers with: its HTTP status and the title clients read (the web shows it as plain words). */
const PROBLEMS = {
  'invalid-input': [400, 'The request has invalid fields'],
  'malformed-json': [400, 'The request body is not valid JSON'],
  'body-too-deep': [400, 'The request body is nested too deeply'],
  'invalid-utf8': [400, 'The request body is not valid UTF-8 text'],
  'payload-too-large': [413, 'The request body is too large'],
  unauthenticated: [401, 'Sign in first: a valid bearer token is required'],
  'invalid-credentials': [401, 'Sign-in failed'],
  'second-step-failed': [401, 'The sign-in code is wrong'],
  'invalid-client': [401, 'The partner client is unknown, revoked, or its secret is wrong'],
  'token-request-invalid': [400, 'The token request is not valid'],
  'insufficient-scope': [403, 'The token does not carry the scope this needs'],
  forbidden: [403, 'Your role may not do this'],
  'member-term-lapsed': [403, 'Your term as a member is not in force; an administrator can record a renewed term'],
  'second-step-required': [403, 'Set up the second sign-in step first: your role signs in with a code from an authenticator app'],
  'second-step-exists': [409, 'The second sign-in step is set up already'],
  'contact-not-verified': [403, 'Verify your phone or email first'],
  'case-not-found': [404, 'No such case'],
  'state-not-found': [404, 'No such state in your jurisdiction'],
  'district-not-found': [404, 'No such district'],
  'escalation-not-found': [404, 'No such escalation'],
  'institution-not-found': [404, 'No such institution in your jurisdiction'],
  'body-not-found': [404, 'No such body in your jurisdiction'],
  'admission-not-found': [404, 'No such admission'],
  'notification-not-found': [404, 'No such message in your inbox'],
  'report-not-found': [404, 'No such report'],
  'intervention-not-found': [404, 'No such intervention'],
  'helpline-call-not-found': [404, 'No such helpline call'],
  'candidate-not-found': [404, 'No such match candidate'],
  'duplicate-not-found': [404, 'No such possible duplicate'],
  'document-not-found': [404, 'No such document'],
  'document-file-missing': [500, 'The document’s file is missing from the store; verifying it says more'],
  'upload-refused': [422, 'The file cannot be kept: it is not a plain PDF, JPEG or PNG'],
  'legacy-import-not-found': [404, 'No such import'],
  'duplicate-state-conflict': [409, 'The possible duplicate was already decided'],
  'legacy-import-rejected': [422, 'The file cannot be imported with this source’s mapping'],
  'person-not-found': [404, 'No such person in your jurisdiction'],
  'import-not-found': [404, 'No such import of yours'],
  'partner-client-not-found': [404, 'No such partner client in your jurisdiction'],
  'partner-client-revoked': [409, 'The partner client is revoked'],
  'records-destroyed': [410, 'The records of this case were destroyed under s.24 of the Juvenile Justice Act'],
  'records-hold-not-allowed': [409, 'A legal hold cannot be placed or lifted on this case now'],
  'account-link-invalid': [410, 'This link has expired or was already used; ask for a new one'],
  'body-exists': [409, 'A body with this id exists already'],
  'body-in-use': [409, 'The body still has people; move or deactivate them first'],
  'email-taken': [409, 'Someone already has an account with this email address'],
  'last-administrator': [409, 'This would leave the body with no active administrator'],
  'delivery-not-found': [404, 'No such delivery'],
  'webhook-subscription-not-found': [404, 'No such webhook subscription'],
  'delivery-not-failed': [409, 'Only a failed delivery can be sent again'],
  'event-not-allowed': [409, 'The case cannot take this event now'],
  'case-closed': [409, 'The case is closed; nothing can be sent to it'],
  'escalation-action-not-allowed': [409, 'The escalation cannot take this action now'],
  'intervention-action-not-allowed': [409, 'The intervention cannot take this now'],
  'report-state-conflict': [409, 'The report cannot take this now'],
  'no-placement-order': [409, 'No order on the case places the child in this institution'],
  'over-capacity': [409, 'The institution has no sanctioned place left for this child'],
  'already-admitted': [409, 'The child is already admitted to an institution'],
  'institution-exists': [409, 'A body with this id exists already'],
  'stale-version': [409, 'The record changed since you read it; read it again and retry'],
  'import-too-large': [413, 'The file is too large to import at once'],
  'unsupported-media-type': [415, 'Send the file as text/csv, or as JSON {"csv": "..."}'],
  'idempotency-key-reused': [422, 'This Idempotency-Key was used for a different request'],
  'helpline-call-id-reused': [422, 'This call id was already received with different details'],
  'verification-failed': [422, 'The code is wrong or has expired'],
  'contact-channel-unavailable': [422, 'This kind of contact cannot be verified here'],
  'import-rejected': [422, 'Some rows of the file are not valid; nothing was imported'],
  'precondition-required': [428, 'Send If-Match with the ETag you read'],
  'too-many-requests': [429, 'Too many requests; retry later'],
  'too-many-reports': [429, 'Too many reports from you today'],
  'service-unavailable': [503, 'A service the request needs is unavailable; retry later'],
} as const satisfies Record<string, readonly [number, string]>;

export type ProblemType = keyof typeof PROBLEMS;

/** One problem of a known type: `message` is its detail, `extensions` what a client may act on. */
export class DomainError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly slug: ProblemType,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    title?: string,
  ) {
    super(detail);
    [this.status, this.title] = [PROBLEMS[slug][0], title ?? PROBLEMS[slug][1]];
  }
}

/** The problem as it is, for the types met at one throw site only. */
export const problem = (type: ProblemType, detail: string, extensions?: Record<string, unknown>) => new DomainError(type, detail, extensions);

/** What can be missing, and how its detail names it. */
const FINDABLE = {
  case: (id: string) => `case ${id} does not exist`,
  state: (code: string) => `state ${code} is not known to you`,
  district: (code: string) => `no district has the code ${code}`,
  escalation: (id: string) => `escalation ${id} does not exist`,
  institution: (id: string) => `institution ${id} does not exist`,
  body: (id: string) => `body ${id} does not exist`,
  admission: (id: string) => `admission ${id} does not exist or has ended`,
  notification: (id: string) => `message ${id} is not in your inbox`,
  report: (id: string) => `report ${id} does not exist`,
  intervention: (id: string) => `intervention ${id} does not exist`,
  'helpline-call': (id: string) => `no call ${id} from this helpline is on record`,
  candidate: (id: string) => `match candidate ${id} does not exist`,
  duplicate: (id: string) => `possible duplicate ${id} does not exist`,
  document: (id: string) => `document ${id} does not exist`,
  'legacy-import': (id: string) => `import ${id} does not exist`,
  person: (id: string) => `person ${id} does not exist`,
  import: (id: string) => `import ${id} does not exist`,
  'partner-client': (id: string) => `partner client ${id} does not exist`,
  delivery: (id: string) => `delivery ${id} does not exist`,
  'webhook-subscription': (id: string) => `webhook subscription ${id} does not exist`,
} satisfies Record<string, (id: string) => string>;

/** 404 for what does not exist and for what lies outside the principal's jurisdiction alike. */
export const notFound = (kind: keyof typeof FINDABLE, id: string) => new DomainError(`${kind}-not-found`, FINDABLE[kind](id));

export const invalidInput = (issues: FieldIssue[]) => new DomainError('invalid-input', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { errors: issues });
export const invalidField = (field: string, message: string) => invalidInput([{ field, message }]);
export const unauthenticated = (detail: string) => new DomainError('unauthenticated', detail);
export const forbidden = (detail: string) => new DomainError('forbidden', detail);
/** How long a client waits before it retries a request that met an outage (the suite in test/chaos sees most end sooner). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
/** 503 with Retry-After: the client sends the same request again (with the same Idempotency-Key) once it has waited. */
export const unavailable = (detail: string) => new DomainError('service-unavailable', detail, { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS });
export const tooManyRequests = (retryAfterSeconds: number) => new DomainError('too-many-requests', `retry after ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds });

/** The same helpline call id with another body: the helpline's mistake (a new call needs a new id), never answered with the first call's status. */
export const helplineCallIdReused = (callId: string) => {
  const message = `call ${callId} was already received with different details; a new call needs a new call id`;
  return new DomainError('helpline-call-id-reused', `callId: ${message}`, { errors: [{ field: 'callId', message }] });
};

/** A closed case takes no event (reopening, where the law allows it, is an event of its own): 409, never a retry. */
export const caseClosed = (caseId: string) => new DomainError('case-closed', `case ${caseId} is closed`);

/** An If-Match that is no longer current, for a case or a registry record alike: one shape, the version to read instead. */
const staleVersion = (what: 'case' | 'record', detail: string, currentVersion: number | undefined) =>
  new DomainError('stale-version', detail, { currentVersion }, `The ${what} changed since you read it; read it again and retry`);
export const staleCase = (detail: string, currentVersion: number | undefined) => staleVersion('case', detail, currentVersion);
export const staleRecord = (expectedVersion: number, currentVersion: number) =>
  staleVersion('record', `If-Match "${expectedVersion}" but the record is at version "${currentVersion}"`, currentVersion);

/** One answer for an unknown username, a wrong password and a disabled account: no user enumeration. */
export const invalidCredentials = () => new DomainError('invalid-credentials', 'wrong username or password');
/** A wrong, used or expired code at the second sign-in step (or at confirming enrolment), naming the field. */
export const secondStepFailed = (field: 'code' | 'recoveryCode', message: string) => new DomainError('second-step-failed', `${field}: ${message}`, { errors: [{ field, message }] });
export const secondStepRequired = () =>
  new DomainError('second-step-required', 'set up the second sign-in step (an authenticator app on your phone) before anything else; the app shows you how');
/** Plain words for a day (YYYY-MM-DD): "3 March 2026". */
export const dayInWords = (day: string) => new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/**
 * A CWC or JJB member acting outside their term of office. `params` lets a client say it in its reader's language:
 * the body (CWC, JJB), why (ENDED, NOT_BEGUN) and the day it ended or begins.
 */
export function memberTermLapsed(body: 'CWC' | 'JJB', term: { from: string; until: string | null }, today: string): DomainError {
  const of = `as a member of this ${body === 'CWC' ? 'Committee' : 'Board'}`;
  // A term lapses either before it begins or after its last day (a seat without a last day only before).
  const [reason, day, said] =
    today < term.from || term.until === null
      ? (['NOT_BEGUN', term.from, `Your term ${of} begins on ${dayInWords(term.from)}`] as const)
      : (['ENDED', term.until, `Your term ${of} ended on ${dayInWords(term.until)}`] as const);
  return new DomainError('member-term-lapsed', `${said}; an administrator can record a renewed term`, { term, params: { body, reason, day } });
}

/** JJ Act s.24(2): the case's records are gone; the answer tells so in words, with the case's number and the day, never what it held. */
export function recordsDestroyed(caseNumber: string | null, destroyedAt: Date): DomainError {
  const day = destroyedAt.toISOString().slice(0, 10);
  const which = caseNumber ? `case ${caseNumber}` : 'this case';
  return new DomainError('records-destroyed', `The records of ${which} were destroyed on ${dayInWords(day)} under s.24(2) of the Juvenile Justice Act 2015, after the appeal period; only the fact of their destruction is kept.`, { params: { caseNumber, day } });
}

export const secondStepExists = () => new DomainError('second-step-exists', 'the second sign-in step is set up already; an administrator can reset it if the phone is lost');


export const contactChannelUnavailable = (channel: string) =>
  new DomainError(
    'contact-channel-unavailable',
    `no ${channel === 'PHONE' ? 'SMS gateway' : 'mail server'} is configured to send the code; verify ${channel === 'PHONE' ? 'an email address' : 'a phone number'} instead`,
    { channel },
  );

export const importTooLarge = (detail: string, limits: { bytes: number; rows: number }) => new DomainError('import-too-large', detail, { limits });

export const importRejected = <Rejection extends { row: number }>(rows: number, rejected: Rejection[]) =>
  new DomainError('import-rejected', `${new Set(rejected.map((r) => r.row)).size} of ${rows} rows are not valid`, { rows, rejected });

export const alreadyAdmitted = ({ id: admissionId, institutionId }: { id: string; institutionId: string }) =>
  new DomainError('already-admitted', `the child is in ${institutionId} (admission ${admissionId}); transfer or discharge first`, { admissionId, institutionId });

export const overCapacity = ({ gender, ageBand, occupied, sanctioned }: { gender: string; ageBand: string; occupied: number; sanctioned: number }) =>
  new DomainError(
    'over-capacity',
    `${occupied} of ${sanctioned} places for ${gender.toLowerCase()} children aged ${ageBand} are taken; the order must say why the child is placed over capacity (overCapacityReason)`,
    { gender, ageBand, occupied, sanctioned },
  );

/** An invitation or reset link that is unknown, expired or used: the person asks for a new one. */
export const accountLinkInvalid = (message: string) => new DomainError('account-link-invalid', `token: ${message}`, { errors: [{ field: 'token', message }] });

export const bodyExists = (id: string) => new DomainError('body-exists', `body ${id} exists already; give another code`, { errors: [{ field: 'code', message: `${id} is taken` }], id });

export const emailTaken = (email: string) => new DomainError('email-taken', `${email} has an account already; move that person instead`, { errors: [{ field: 'email', message: 'has an account already' }] });

export const lastAdministrator = (bodyId: string, role: string) =>
  new DomainError('last-administrator', `${bodyId} would have no active ${role}; invite another first, and let them set their password`, { bodyId, role });

/** An upload whose bytes are not what it may be (a PDF, JPEG or PNG), naming the file's field; nothing was stored. */
export const uploadRefused = (field: string, reason: string) =>
  new DomainError('upload-refused', `${field}: ${reason}`, { errors: [{ field, message: reason, key: 'error.fileType' }] });

/** An upload over the configured size, naming the file's field. */
export const uploadTooLarge = (field: string, max: number) =>
  new DomainError('payload-too-large', `${field}: the file is larger than ${max} bytes`, { limit: max, errors: [{ field, message: `the file is larger than ${max} bytes`, key: 'error.fileTooLarge', params: { max } }] });

/** The BullMQ queue the API puts matching jobs on (the worker's matching processor takes them). */
export const MATCHING_JOBS = Symbol('MATCHING_JOBS');
/** Delivers a citizen's one-time code to their phone or email. */
export const CONTACT_CODE_SENDER = Symbol('CONTACT_CODE_SENDER');

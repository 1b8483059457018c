import type { BodyType } from './bodies.js';

/** One message for one recipient body (or one person): what is queued and what lands in the in-app inbox. */
export interface Notice {
  dedupeKey: string;
  /** the body told at its place; PERSON for a message to one person (recipientUserId) */
  recipientBody: BodyType | 'PERSON';
  districtCode: string | null;
  stateCode: string | null;
  caseId: string | null;
  /** set for a message to one person (a citizen's verification code) rather than to their body */
  recipientUserId?: string | null;
  kind: string;
  subject: string;
  body: string;
}

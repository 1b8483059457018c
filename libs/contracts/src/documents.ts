// A case's documents: orders' PDFs made from the timeline, and reports uploaded to the case (docs/documents.md).
import { z } from 'zod';
import { isoTime } from './shared.js';

export const ORDER_DOCUMENT_QUEUE = 'raksha-order-documents';

/**
 * The events whose step is an order of the CWC or JJB, each made into a document in English and Hindi: production,
 * interim placement, the SIR order, final orders, restoration, extensions, transfers, legally-free declarations, age
 * determination, bail.
 */
export const ORDER_EVENT_TYPES = [
  'PRODUCED_BEFORE_CWC',
  'INTERIM_PLACEMENT_ORDERED',
  'SIR_ORDERED',
  'FINAL_ORDER_PASSED',
  'RESTORATION_ORDERED',
  'TRANSFER_ORDERED',
  'LEGALLY_FREE_DECLARED',
  'AGE_DETERMINATION_ORDERED',
  'PRODUCED_BEFORE_JJB',
  'BAIL_DECIDED',
  'INQUIRY_EXTENDED',
  'JJB_FINAL_ORDER_PASSED',
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];
export const isOrderEvent = (type: string): type is OrderEventType => (ORDER_EVENT_TYPES as readonly string[]).includes(type);

/** The languages every order is made in. */
export const ORDER_LANGUAGES = ['en', 'hi'] as const;
export type OrderLanguage = (typeof ORDER_LANGUAGES)[number];

/** One order's step: the job makes its documents, once (the job id is the step). */
export interface OrderDocumentJob {
  caseId: string;
  sequence: number;
}

/** What enqueuing needs of a BullMQ queue (so this module imports no BullMQ). */
export interface OrderDocumentQueue {
  add(name: string, data: OrderDocumentJob, options: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number }; removeOnComplete: number; removeOnFail: boolean }): Promise<unknown>;
}

export async function enqueueOrderDocument(queue: OrderDocumentQueue, job: OrderDocumentJob): Promise<void> {
  await queue.add('order', job, {
    jobId: `order.${job.caseId}.${job.sequence}`, // BullMQ reserves ':' in ids
    attempts: 10,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: 1000,
    removeOnFail: false,
  });
}

/** Reports a person may upload to a case; s.94 age determination and medical reports are sealed at rest. */
export const UPLOAD_KINDS = ['SIR', 'MEDICAL', 'AGE_DETERMINATION', 'OTHER'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export const DOCUMENT_KINDS = ['ORDER', ...UPLOAD_KINDS] as const;

/** The file types an upload may be, known by their first bytes, never by their name. */
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const documentIdParam = z.uuid({ message: 'a document id is a UUID' });

/** The form fields of an upload (the file itself is the part named `file`). */
export const documentUploadFields = z.strictObject({
  kind: z.enum(UPLOAD_KINDS),
  title: z.string().trim().min(3).max(200),
});
export type DocumentUploadFields = z.infer<typeof documentUploadFields>;

export const caseDocumentView = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  /** the form of the Model Rules 2016 an order follows, e.g. "F.18"; null where the rules prescribe none */
  form: z.string().nullable(),
  /** the order's event on the timeline, and its step */
  eventType: z.string().nullable(),
  sequence: z.number().int().nullable(),
  language: z.enum(ORDER_LANGUAGES).nullable(),
  title: z.string(),
  contentType: z.enum(UPLOAD_TYPES),
  byteSize: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sealed: z.boolean(),
  createdAt: isoTime,
  /** who recorded the order or uploaded the report, by name */
  createdBy: z.string().nullable(),
});
export type CaseDocumentView = z.infer<typeof caseDocumentView>;

/** A document's hash recomputed from the stored file and compared with the audit chain's record of it. */
export const documentVerification = z.object({
  documentId: z.string(),
  verified: z.boolean(),
  /** the SHA-256 of the file as stored now (opened, when sealed); null when the file is missing or does not open */
  sha256: z.string().nullable(),
  /** the SHA-256 the audit chain recorded when the document was made */
  recordedSha256: z.string().nullable(),
  /** the case's documents chain recomputed entry by entry, unbroken */
  chainIntact: z.boolean(),
  /** what failed, in words */
  problems: z.array(z.string()),
});
export type DocumentVerification = z.infer<typeof documentVerification>;

import { Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import { enqueueOrderDocument, ORDER_DOCUMENT_QUEUE, ORDER_EVENT_TYPES, type OrderDocumentJob, type OrderDocumentQueue } from '@raksha/contracts';
import type { DocumentVault } from '@raksha/documents';

/** Makes each order's documents in its own job; a failed job retries with backoff (making them is idempotent). */
export function startOrderDocumentProcessor(connection: ConnectionOptions, vault: DocumentVault) {
  return new QueueWorker<OrderDocumentJob>(ORDER_DOCUMENT_QUEUE, (job) => vault.makeOrderDocuments(job.data.caseId, job.data.sequence), { connection, concurrency: 1 });
}

/** Orders whose documents are missing (their job lost with Redis's data, or never queued): queued again at start-up. */
export async function requeueMissingOrderDocuments(vault: DocumentVault, queue: OrderDocumentQueue): Promise<number> {
  const missing = await vault.ordersMissingDocuments(ORDER_EVENT_TYPES);
  for (const step of missing) await enqueueOrderDocument(queue, step);
  return missing.length;
}

import { Queue, Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import { requireDataKeys, type RakshaConfig } from '@raksha/config';
import { enqueueOrderDocument, ORDER_DOCUMENT_QUEUE, ORDER_EVENT_TYPES, type OrderDocumentJob, type OrderDocumentQueue } from '@raksha/contracts';
import { DocumentRepository, Sealer, type Db } from '@raksha/db';
import { DocumentStore, DocumentVault, stopRenderer } from '@raksha/documents';

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

/**
 * The maker of orders' documents: the documents directory created, the processor started, lost jobs queued again.
 * Rendering a PDF is CPU work of a second or so, done on a thread of its own (render.ts); the maker runs where the
 * notification processor runs (its own process under `npm start`).
 */
export async function startOrderDocuments(config: RakshaConfig, db: Db, connection: ConnectionOptions): Promise<{ close(): Promise<void> }> {
  const store = new DocumentStore(config.documents.dir);
  await store.ensure();
  const sealer = new Sealer(requireDataKeys(config));
  const vault = new DocumentVault(new DocumentRepository(db, sealer), store, sealer);
  const processor = startOrderDocumentProcessor(connection, vault);
  const queue = new Queue<OrderDocumentJob>(ORDER_DOCUMENT_QUEUE, { connection });
  await requeueMissingOrderDocuments(vault, queue);
  return {
    async close() {
      await processor.close();
      await queue.close();
      await stopRenderer();
    },
  };
}

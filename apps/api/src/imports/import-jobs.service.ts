import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { ImportJobData, ImportJobView, ImportKind, ImportOutcome, ImportRejection } from '@raksha/contracts';
import { ImportJobRepository, type ImportJobRecord } from '@raksha/db';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../problem/domain-errors.js';
import { IMPORT_JOBS } from './imports.tokens.js';

/** How one kind of import writes its checked rows. Writing a row twice changes nothing (idempotent by the row's key). */
export interface ImportWriter {
  /** up to this many rows are written in the request; more go to a job */
  inline: number;
  /** rows per chunk of a job: progress is saved after each */
  chunk: number;
  write(principal: Principal, rows: unknown[]): Promise<{ imported: number; rejected: ImportRejection[] }>;
}

export const importJobView = (j: ImportJobRecord): ImportJobView => ({
  id: j.id,
  kind: j.kind as ImportKind,
  status: j.status as ImportJobView['status'],
  total: j.total,
  done: j.done,
  imported: j.imported,
  rejected: j.rejected,
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/**
 * Writes an import's checked rows: in the request when they are few, else in a BullMQ job that saves its progress
 * after every chunk, so a job picked up again after a worker crash resumes at the first row not yet written.
 */
@Injectable()
export class ImportJobsService {
  private readonly writers = new Map<ImportKind, ImportWriter>();

  constructor(
    private readonly jobs: ImportJobRepository,
    @Inject(IMPORT_JOBS) private readonly queue: Queue<ImportJobData>,
  ) {}

  /** Each import service registers how its rows are written (the services depend on this one, not the reverse). */
  register(kind: ImportKind, writer: ImportWriter): void {
    this.writers.set(kind, writer);
  }

  /** The rows, checked: written now (an outcome) or by a job (its status, to follow at GET /imports/:id). */
  async write(principal: Principal, kind: ImportKind, rows: unknown[], answer: { valid: number; ids: string[] }): Promise<{ outcome: ImportOutcome } | { job: ImportJobView }> {
    const writer = this.writer(kind);
    if (rows.length <= writer.inline) {
      const { imported } = await writer.write(principal, rows);
      return { outcome: { dryRun: false, imported, valid: answer.valid, ids: answer.ids } };
    }
    const job = await this.jobs.create({ id: randomUUID(), kind, createdBy: principal.userId, principal, rows });
    await this.enqueue(job.id);
    return { job: importJobView(job) };
  }

  /** The import's progress, for the person who sent it or another of their body; anyone else is told it does not exist. */
  async status(principal: Principal, id: string): Promise<ImportJobView> {
    const job = await this.jobs.findById(id);
    const by = job?.principal as Principal | undefined;
    if (!job || !by || (by.userId !== principal.userId && (by.body?.id ?? null) !== (principal.body?.id ?? undefined))) throw notFound('import', id);
    return importJobView(job);
  }

  /** Runs (or resumes) an import from its first row not yet written; a finished one is left as it is. */
  async run(importId: string): Promise<void> {
    const job = await this.jobs.findById(importId);
    if (!job || job.status === 'DONE' || job.status === 'FAILED') return;
    const writer = this.writer(job.kind as ImportKind);
    const principal = job.principal as Principal;
    for (let done = job.done; done < job.total; ) {
      const rows = job.rows.slice(done, done + writer.chunk);
      // A finished job's rows are dropped: nothing is left to write (never loop on an empty chunk).
      if (rows.length === 0) break;
      const { imported, rejected } = await writer.write(principal, rows);
      done += rows.length;
      await this.jobs.progress(importId, { done, imported, rejected });
    }
    await this.jobs.finish(importId, 'DONE', new Date());
  }

  failed(importId: string): Promise<void> {
    return this.jobs.finish(importId, 'FAILED', new Date());
  }

  /** Queues again every import left unfinished (a worker or the whole API stopped mid-way): each resumes from its progress. */
  async recover(): Promise<number> {
    const ids = await this.jobs.unfinished();
    for (const id of ids) await this.enqueue(id);
    return ids.length;
  }

  private enqueue(importId: string) {
    // The import's id as the job's: queueing it again while it waits or runs adds nothing.
    return this.queue.add('import', { importId }, { jobId: importId, attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: true });
  }

  private writer(kind: ImportKind): ImportWriter {
    const writer = this.writers.get(kind);
    if (!writer) throw new Error(`no writer registered for ${kind} imports`);
    return writer;
  }
}

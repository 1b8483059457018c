import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';

export interface ImportJobRecord {
  id: string;
  kind: string;
  createdBy: string;
  principal: unknown;
  rows: unknown[];
  total: number;
  done: number;
  imported: number;
  rejected: { row: number; column?: string; reason: string }[];
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
}

const record = (r: Prisma.ImportJobGetPayload<object>): ImportJobRecord => ({
  ...r,
  rows: r.rows as unknown[],
  rejected: r.rejected as ImportJobRecord['rejected'],
});

/** Long imports' checked rows and progress: saved after every chunk, so a job resumes where it stopped. */
export class ImportJobRepository {
  constructor(private readonly db: Db) {}

  async create(job: { id: string; kind: string; createdBy: string; principal: unknown; rows: unknown[] }): Promise<ImportJobRecord> {
    return record(
      await this.db.importJob.create({
        data: { id: job.id, kind: job.kind, createdBy: job.createdBy, principal: job.principal as Prisma.InputJsonValue, rows: job.rows as Prisma.InputJsonValue, total: job.rows.length, status: 'QUEUED' },
      }),
    );
  }

  async findById(id: string): Promise<ImportJobRecord | null> {
    const r = await this.db.importJob.findUnique({ where: { id } });
    return r ? record(r) : null;
  }

  /** Imports not finished: after a restart, each is queued again and resumes from its `done`. */
  async unfinished(): Promise<string[]> {
    return (await this.db.importJob.findMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true } })).map((r) => r.id);
  }

  /** One chunk written: the rows processed, how many changed something, and any refused while writing. */
  async progress(id: string, chunk: { done: number; imported: number; rejected: ImportJobRecord['rejected'] }): Promise<void> {
    const current = await this.db.importJob.findUniqueOrThrow({ where: { id }, select: { rejected: true } });
    await this.db.importJob.update({
      where: { id },
      data: {
        status: 'RUNNING',
        done: chunk.done,
        imported: { increment: chunk.imported },
        rejected: [...(current.rejected as ImportJobRecord['rejected']), ...chunk.rejected] as Prisma.InputJsonValue,
      },
    });
  }

  /**
   * A finished import (DONE, or FAILED: never resumed) drops its checked rows — people's names, emails and mobiles
   * are kept only while the job may still need them; its counts, status and rejected rows stay.
   */
  async finish(id: string, status: 'DONE' | 'FAILED', at: Date): Promise<void> {
    await this.db.importJob.update({ where: { id }, data: { status, finishedAt: at, rows: [] } });
  }
}

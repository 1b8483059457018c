import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Queue } from 'bullmq';
import { redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import { IMPORT_QUEUE, type ImportJobData } from '@raksha/contracts';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { ImportJobsService } from './import-jobs.service.js';
import { IMPORT_JOBS } from './imports.tokens.js';

/**
 * Runs import jobs in the API's own processes (the writers are the API's services). A worker that dies mid-job
 * loses its lock; BullMQ hands the job to another, which resumes from the saved progress. At start-up, imports
 * left unfinished (Redis emptied, say) are queued again.
 */
@Injectable()
export class ImportProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<ImportJobData> | undefined;
  private readonly log = new Logger(ImportProcessor.name);

  constructor(
    private readonly imports: ImportJobsService,
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
    @Inject(IMPORT_JOBS) private readonly queue: Queue<ImportJobData>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<ImportJobData>(IMPORT_QUEUE, (job) => this.imports.run(job.data.importId), { connection: redisConnectionOptions(this.config.redisUrl), concurrency: 1 });
    this.worker.on('failed', (job, err) => {
      this.log.warn(`import ${job?.data.importId} failed (attempt ${job?.attemptsMade}): ${err.message}`);
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void this.imports.failed(job.data.importId);
    });
    await this.imports.recover();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}

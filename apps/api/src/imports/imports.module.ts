import { Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import { redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import { IMPORT_QUEUE, type ImportJobData } from '@raksha/contracts';
import { ImportJobRepository, type Db } from '@raksha/db';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportProcessor } from './import-processor.js';
import { ImportsController } from './imports.controller.js';
import { IMPORT_JOBS } from './imports.tokens.js';

/** Long CSV imports (people, places) as jobs with saved progress; each import service registers its writer. */
@Module({
  controllers: [ImportsController],
  providers: [
    ImportJobsService,
    ImportProcessor,
    { provide: ImportJobRepository, inject: [DB], useFactory: (db: Db) => new ImportJobRepository(db) },
    { provide: IMPORT_JOBS, inject: [RAKSHA_CONFIG], useFactory: (c: RakshaConfig) => new Queue<ImportJobData>(IMPORT_QUEUE, { connection: redisConnectionOptions(c.redisUrl) }) },
  ],
  exports: [ImportJobsService],
})
export class ImportsModule {}

import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { redisConnectionOptions, requireDataKeys, type RakshaConfig } from '@raksha/config';
import { LEGACY_IMPORT_QUEUE, type LegacyImportJob } from '@raksha/contracts';
import { LegacyImportRepository, Sealer, type Db } from '@raksha/db';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { LegacyImportsController } from './legacy-imports.controller.js';
import { LegacyImportsService } from './legacy-imports.service.js';
import { LEGACY_IMPORT_JOBS } from './legacy-imports.tokens.js';

class QueueCloser implements OnApplicationShutdown {
  constructor(@Inject(LEGACY_IMPORT_JOBS) private readonly jobs: Queue) {}
  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
  }
}

@Module({
  controllers: [LegacyImportsController],
  providers: [
    LegacyImportsService,
    { provide: LegacyImportRepository, inject: [DB, RAKSHA_CONFIG], useFactory: (db: Db, config: RakshaConfig) => new LegacyImportRepository(db, new Sealer(requireDataKeys(config))) },
    { provide: LEGACY_IMPORT_JOBS, inject: [RAKSHA_CONFIG], useFactory: (c: RakshaConfig) => new Queue<LegacyImportJob>(LEGACY_IMPORT_QUEUE, { connection: redisConnectionOptions(c.redisUrl) }) },
    QueueCloser,
  ],
})
export class LegacyImportsModule {}

import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import { DELIVERY_QUEUE, type DeliveryJob } from '@raksha/contracts';
import { ContactVerificationRepository, DeliveryRepository, type Db } from '@raksha/db';
import { CasesModule } from '../cases/cases.module.js';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DELIVERY_JOBS } from './deliveries.tokens.js';

class DeliveryQueueCloser implements OnApplicationShutdown {
  constructor(@Inject(DELIVERY_JOBS) private readonly jobs: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
  }
}

@Module({
  imports: [CasesModule],
  controllers: [DeliveriesController],
  providers: [
    DeliveriesService,
    { provide: DeliveryRepository, inject: [DB], useFactory: (db: Db) => new DeliveryRepository(db) },
    { provide: ContactVerificationRepository, inject: [DB], useFactory: (db: Db) => new ContactVerificationRepository(db) },
    { provide: DELIVERY_JOBS, inject: [RAKSHA_CONFIG], useFactory: (c: RakshaConfig) => new Queue<DeliveryJob>(DELIVERY_QUEUE, { connection: redisConnectionOptions(c.redisUrl) }) },
    DeliveryQueueCloser,
  ],
})
export class DeliveriesModule {}

import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import { MATCHING_QUEUE, type MatchingJob, NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { ContactVerificationRepository, PrivacyRepository, RecordsDestructionRepository, ReportRepository, type Db } from '@raksha/db';
import { CasesModule } from '../cases/cases.module.js';
import { DuplicateFinderModule } from '../duplicates/duplicate-finder.module.js';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { ContactVerificationService } from './contact-verification.service.js';
import { InboxCodeSender } from './inbox-code-sender.js';
import { SmtpCodeSender } from './smtp-code-sender.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { OwnReportsService } from './own-reports.service.js';
import { CONTACT_CODE_SENDER, MATCHING_JOBS } from './reports.tokens.js';

const NOTICES = Symbol('NOTICES');

class QueuesCloser implements OnApplicationShutdown {
  constructor(
    @Inject(MATCHING_JOBS) private readonly matching: Queue,
    @Inject(NOTICES) private readonly notices: Queue,
    @Inject(CONTACT_CODE_SENDER) private readonly codes: { close?: () => void },
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.matching.close();
    await this.notices.close();
    this.codes.close?.();
  }
}

@Module({
  imports: [CasesModule, DuplicateFinderModule],
  controllers: [ReportsController],
  providers: [
    ReportsService,
    OwnReportsService,
    ContactVerificationService,
    { provide: PrivacyRepository, inject: [DB], useFactory: (db: Db) => new PrivacyRepository(db) },
    { provide: RecordsDestructionRepository, inject: [DB], useFactory: (db: Db) => new RecordsDestructionRepository(db) },
    { provide: ReportRepository, inject: [DB], useFactory: (db: Db) => new ReportRepository(db) },
    { provide: ContactVerificationRepository, inject: [DB], useFactory: (db: Db) => new ContactVerificationRepository(db) },
    { provide: MATCHING_JOBS, inject: [RAKSHA_CONFIG], useFactory: (c: RakshaConfig) => new Queue<MatchingJob>(MATCHING_QUEUE, { connection: redisConnectionOptions(c.redisUrl) }) },
    { provide: NOTICES, inject: [RAKSHA_CONFIG], useFactory: (c: RakshaConfig) => new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(c.redisUrl) }) },
    {
      provide: CONTACT_CODE_SENDER,
      inject: [NOTICES, RAKSHA_CONFIG],
      useFactory: (q: Queue<NotificationJob>, c: RakshaConfig) =>
        c.contactCodes.delivery === 'smtp' ? new SmtpCodeSender(c.contactCodes.smtpUrl!, c.contactCodes.from) : new InboxCodeSender(q),
    },
    QueuesCloser,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}

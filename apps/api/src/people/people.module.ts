import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import { NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { BodyRosterRepository, PeopleRepository, SecondStepRepository, type Db } from '@raksha/db';
import { CasesModule } from '../cases/cases.module.js';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { AccountLinksController } from './account-links.controller.js';
import { AccountLinksService } from './account-links.service.js';
import { PeopleController } from './people.controller.js';
import { ImportsModule } from '../imports/imports.module.js';
import { PeopleImportService } from './people-import.service.js';
import { InvitationsService } from './invitations.service.js';
import { PeopleService } from './people.service.js';
import { ACCOUNT_NOTICES } from './people.tokens.js';

class NoticesCloser implements OnApplicationShutdown {
  constructor(@Inject(ACCOUNT_NOTICES) private readonly notices: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.notices.close();
  }
}

/** People and their accounts: invitations, moves, deactivation, and the links a password is set from. */
@Module({
  imports: [CasesModule, ImportsModule],
  controllers: [PeopleController, AccountLinksController],
  providers: [
    PeopleService,
    InvitationsService,
    PeopleImportService,
    AccountLinksService,
    { provide: PeopleRepository, inject: [DB], useFactory: (db: Db) => new PeopleRepository(db) },
    { provide: SecondStepRepository, inject: [DB], useFactory: (db: Db) => new SecondStepRepository(db) },
    { provide: BodyRosterRepository, inject: [DB], useFactory: (db: Db) => new BodyRosterRepository(db) },
    { provide: ACCOUNT_NOTICES, inject: [RAKSHA_CONFIG], useFactory: (c: RakshaConfig) => new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(c.redisUrl) }) },
    NoticesCloser,
  ],
})
export class PeopleModule {}

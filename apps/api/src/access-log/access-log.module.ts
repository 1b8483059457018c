import { Module } from '@nestjs/common';
import { AccessLogRepository, BodyRosterRepository, PeopleRepository, ReportRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { AccessLogController } from './access-log.controller.js';
import { AccessLogService } from './access-log.service.js';

/** Who read what: access logs of children's records and of people. */
@Module({
  controllers: [AccessLogController],
  providers: [
    AccessLogService,
    { provide: AccessLogRepository, inject: [DB], useFactory: (db: Db) => new AccessLogRepository(db) },
    { provide: ReportRepository, inject: [DB], useFactory: (db: Db) => new ReportRepository(db) },
    { provide: PeopleRepository, inject: [DB], useFactory: (db: Db) => new PeopleRepository(db) },
    { provide: BodyRosterRepository, inject: [DB], useFactory: (db: Db) => new BodyRosterRepository(db) },
  ],
})
export class AccessLogModule {}

import { Module } from '@nestjs/common';
import { requireDataKeys, type RakshaConfig } from '@raksha/config';
import { AccessLogRepository, BodyRosterRepository, PeopleRepository, ReportRepository, Sealer, type Db } from '@raksha/db';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { AccessLogController } from './access-log.controller.js';
import { AccessLogService } from './access-log.service.js';

/** Who read what: access logs of children's records and of people. */
@Module({
  controllers: [AccessLogController],
  providers: [
    AccessLogService,
    { provide: AccessLogRepository, inject: [DB], useFactory: (db: Db) => new AccessLogRepository(db) },
    { provide: ReportRepository, inject: [DB, RAKSHA_CONFIG], useFactory: (db: Db, config: RakshaConfig) => new ReportRepository(db, new Sealer(requireDataKeys(config))) },
    { provide: PeopleRepository, inject: [DB], useFactory: (db: Db) => new PeopleRepository(db) },
    { provide: BodyRosterRepository, inject: [DB], useFactory: (db: Db) => new BodyRosterRepository(db) },
  ],
})
export class AccessLogModule {}

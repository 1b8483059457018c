import { Module } from '@nestjs/common';
import { requireDataKeys, type RakshaConfig } from '@raksha/config';
import { AdmissionRepository, EFileRepository, Sealer, type Db } from '@raksha/db';
import { CasesModule } from '../cases/cases.module.js';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { AdmissionsService } from './admissions.service.js';
import { CareController } from './care.controller.js';
import { CarePlanService } from './care-plan.service.js';
import { EFileService } from './efile.service.js';

@Module({
  imports: [CasesModule],
  controllers: [CareController],
  providers: [
    AdmissionsService,
    EFileService,
    CarePlanService,
    { provide: AdmissionRepository, inject: [DB], useFactory: (db: Db) => new AdmissionRepository(db) },
    {
      provide: EFileRepository,
      inject: [DB, RAKSHA_CONFIG],
      useFactory: (db: Db, config: RakshaConfig) => new EFileRepository(db, new Sealer(requireDataKeys(config))),
    },
  ],
})
export class CareModule {}

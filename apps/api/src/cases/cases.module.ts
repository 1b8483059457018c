import { Module } from '@nestjs/common';
import { requireDataKeys, type RakshaConfig } from '@raksha/config';
import { AdmissionRepository, ChildProfileRepository, Sealer, UserRepository, type Db } from '@raksha/db';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { DeadlinePolicyModule } from '../policy/deadline-policy.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { ChildProfileRecorder } from './child-profile.recorder.js';
import { ChildProfileService } from './child-profile.service.js';
import { PlacementCheck } from './placement-check.js';
import { DuplicateFinderModule } from '../duplicates/duplicate-finder.module.js';

@Module({
  imports: [EscalationsModule, DeadlinePolicyModule, DuplicateFinderModule],
  controllers: [CasesController],
  providers: [
    CasesService,
    PlacementCheck,
    ChildProfileRecorder,
    ChildProfileService,
    { provide: AdmissionRepository, inject: [DB], useFactory: (db: Db) => new AdmissionRepository(db) },
    { provide: UserRepository, inject: [DB], useFactory: (db: Db) => new UserRepository(db) },
    // The child's profile is sealed with the data key of eFile's medical entries.
    { provide: ChildProfileRepository, inject: [DB, RAKSHA_CONFIG], useFactory: (db: Db, config: RakshaConfig) => new ChildProfileRepository(db, new Sealer(requireDataKeys(config))) },
  ],
  exports: [CasesService],
})
export class CasesModule {}

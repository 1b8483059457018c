import { Module } from '@nestjs/common';
import { AdmissionRepository, UserRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { DeadlinePolicyModule } from '../policy/deadline-policy.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { PlacementCheck } from './placement-check.js';
import { DuplicateFinderModule } from '../duplicates/duplicate-finder.module.js';

@Module({ imports: [EscalationsModule, DeadlinePolicyModule, DuplicateFinderModule], controllers: [CasesController], providers: [CasesService, PlacementCheck, { provide: AdmissionRepository, inject: [DB], useFactory: (db: Db) => new AdmissionRepository(db) }, { provide: UserRepository, inject: [DB], useFactory: (db: Db) => new UserRepository(db) }], exports: [CasesService] })
export class CasesModule {}

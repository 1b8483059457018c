import { Module } from '@nestjs/common';
import { BodyRosterRepository, CwcSittingRepository, InstitutionRepository, type Db } from '@raksha/db';
import { DutiesController } from '../duties/duties.controller.js';
import { DutiesService } from '../duties/duties.service.js';
import { DB } from '../infrastructure/tokens.js';
import { BodiesController } from './bodies.controller.js';
import { BodiesService } from './bodies.service.js';
import { BodyAdministrationService } from './body-administration.service.js';
import { InstitutionImportService } from './institution-import.service.js';
import { InstitutionsController } from './institutions.controller.js';
import { InstitutionsService } from './institutions.service.js';
import { RegistrationWatch } from './registration-watch.js';
import { SittingsController } from './sittings.controller.js';
import { SittingsService } from './sittings.service.js';

@Module({
  controllers: [InstitutionsController, BodiesController, SittingsController, DutiesController],
  providers: [
    InstitutionsService,
    InstitutionImportService,
    BodiesService,
    BodyAdministrationService,
    RegistrationWatch,
    SittingsService,
    DutiesService,
    { provide: CwcSittingRepository, inject: [DB], useFactory: (db: Db) => new CwcSittingRepository(db) },
    { provide: InstitutionRepository, inject: [DB], useFactory: (db: Db) => new InstitutionRepository(db) },
    { provide: BodyRosterRepository, inject: [DB], useFactory: (db: Db) => new BodyRosterRepository(db) },
  ],
})
export class RegistriesModule {}

import { Module } from '@nestjs/common';
import { BodyRosterRepository, InstitutionRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { BodiesController } from './bodies.controller.js';
import { BodiesService } from './bodies.service.js';
import { BodyAdministrationService } from './body-administration.service.js';
import { InstitutionImportService } from './institution-import.service.js';
import { InstitutionsController } from './institutions.controller.js';
import { InstitutionsService } from './institutions.service.js';
import { RegistrationWatch } from './registration-watch.js';

@Module({
  controllers: [InstitutionsController, BodiesController],
  providers: [
    InstitutionsService,
    InstitutionImportService,
    BodiesService,
    BodyAdministrationService,
    RegistrationWatch,
    { provide: InstitutionRepository, inject: [DB], useFactory: (db: Db) => new InstitutionRepository(db) },
    { provide: BodyRosterRepository, inject: [DB], useFactory: (db: Db) => new BodyRosterRepository(db) },
  ],
})
export class RegistriesModule {}

import { Module } from '@nestjs/common';
import { BodyRepository, InterventionRepository, type Db } from '@raksha/db';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { DB } from '../infrastructure/tokens.js';
import { DeadlinePolicyModule } from '../policy/deadline-policy.module.js';
import { HelplineController } from './helpline.controller.js';
import { InterventionsController } from './interventions.controller.js';
import { InterventionsService } from './interventions.service.js';

/** Helpline intake (calls from 1098, 112, 181) and the interventions people work. */
@Module({
  imports: [EscalationsModule, DeadlinePolicyModule],
  controllers: [HelplineController, InterventionsController],
  providers: [
    InterventionsService,
    { provide: InterventionRepository, inject: [DB], useFactory: (db: Db) => new InterventionRepository(db) },
    { provide: BodyRepository, inject: [DB], useFactory: (db: Db) => new BodyRepository(db) },
  ],
})
export class InterventionsModule {}

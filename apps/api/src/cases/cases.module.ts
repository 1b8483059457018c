import { Module } from '@nestjs/common';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { DeadlinePolicyModule } from '../policy/deadline-policy.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({ imports: [EscalationsModule, DeadlinePolicyModule], controllers: [CasesController], providers: [CasesService], exports: [CasesService] })
export class CasesModule {}

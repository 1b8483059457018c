import { Module } from '@nestjs/common';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({ imports: [EscalationsModule], controllers: [CasesController], providers: [CasesService] })
export class CasesModule {}

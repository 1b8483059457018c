import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DuplicateFinderModule } from './duplicate-finder.module.js';
import { DuplicatesController } from './duplicates.controller.js';
import { DuplicatesService } from './duplicates.service.js';

@Module({ imports: [CasesModule, DuplicateFinderModule], controllers: [DuplicatesController], providers: [DuplicatesService] })
export class DuplicatesModule {}

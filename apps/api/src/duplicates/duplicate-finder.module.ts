import { Module } from '@nestjs/common';
import { DuplicateRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { DuplicateFinder } from './duplicate-finder.js';

/** The duplicate search, for the features that file and register (reports, cases) and the review (duplicates). */
@Module({ providers: [DuplicateFinder, { provide: DuplicateRepository, inject: [DB], useFactory: (db: Db) => new DuplicateRepository(db) }], exports: [DuplicateFinder, DuplicateRepository] })
export class DuplicateFinderModule {}

import { Global, Module } from '@nestjs/common';
import { BodyDutyRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { DutyFulfilment } from './duty-fulfilment.js';
import { ObligationWatchClient } from './obligation-watch.client.js';

/** The client of the obligation-watch workflows, for the features that own such obligations, and what closes a missed body duty. */
@Global()
@Module({
  providers: [ObligationWatchClient, DutyFulfilment, { provide: BodyDutyRepository, inject: [DB], useFactory: (db: Db) => new BodyDutyRepository(db) }],
  exports: [ObligationWatchClient, DutyFulfilment, BodyDutyRepository],
})
export class ObligationsModule {}

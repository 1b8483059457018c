import { Global, Module } from '@nestjs/common';
import { ObligationWatchClient } from './obligation-watch.client.js';

/** The client of the obligation-watch workflows, for the features that own such obligations. */
@Global()
@Module({ providers: [ObligationWatchClient], exports: [ObligationWatchClient] })
export class ObligationsModule {}

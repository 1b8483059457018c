import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PartnerRepository, PrivacyRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { ReportsModule } from '../reports/reports.module.js';
import { PartnerApiController } from './partner-api.controller.js';
import { PartnerApiService } from './partner-api.service.js';
import { OAuthController } from './oauth.controller.js';
import { PartnerClientsController } from './partner-clients.controller.js';
import { PartnerClientsService } from './partner-clients.service.js';
import { PartnerGuard } from './partner.guard.js';
import { PartnerDisclosuresController } from './partner-disclosures.controller.js';
import { PartnerDisclosuresService } from './partner-disclosures.service.js';
import { PartnerTokensService } from './partner-tokens.service.js';

/**
 * Partner systems as OAuth 2.0 clients: their registry (administrators), the token endpoint, and the PartnerGuard,
 * global like the people's AuthGuard, which acts on every route marked @PartnerScopes in any module.
 */
@Module({
  imports: [ReportsModule],
  controllers: [OAuthController, PartnerClientsController, PartnerApiController, PartnerDisclosuresController],
  providers: [
    { provide: PartnerRepository, inject: [DB], useFactory: (db: Db) => new PartnerRepository(db) },
    PartnerTokensService,
    PartnerClientsService,
    PartnerApiService,
    PartnerDisclosuresService,
    { provide: PrivacyRepository, inject: [DB], useFactory: (db: Db) => new PrivacyRepository(db) },
    { provide: APP_GUARD, useClass: PartnerGuard },
  ],
  exports: [PartnerRepository, PartnerTokensService],
})
export class PartnersModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PartnerRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { OAuthController } from './oauth.controller.js';
import { PartnerClientsController } from './partner-clients.controller.js';
import { PartnerClientsService } from './partner-clients.service.js';
import { PartnerGuard } from './partner.guard.js';
import { PartnerTokensService } from './partner-tokens.service.js';

/**
 * Partner systems as OAuth 2.0 clients: their registry (administrators), the token endpoint, and the PartnerGuard,
 * global like the people's AuthGuard, which acts on every route marked @PartnerScopes in any module.
 */
@Module({
  controllers: [OAuthController, PartnerClientsController],
  providers: [
    { provide: PartnerRepository, inject: [DB], useFactory: (db: Db) => new PartnerRepository(db) },
    PartnerTokensService,
    PartnerClientsService,
    { provide: APP_GUARD, useClass: PartnerGuard },
  ],
  exports: [PartnerRepository, PartnerTokensService],
})
export class PartnersModule {}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { partnerClientIdParam, registerPartnerClientBody, type RegisterPartnerClientBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { PartnerClientsService } from './partner-clients.service.js';

@ApiTags('partner clients')
@ApiBearerAuth()
@Controller('partner-clients')
export class PartnerClientsController {
  constructor(private readonly clients: PartnerClientsService) {}

  @Post()
  @RequirePermission('partner:administer')
  @ApiOperation({ summary: 'Registers a partner system as an OAuth client of your jurisdiction (or a state or district of it): its client id and secret, the secret shown this once' })
  @ApiBody(bodySchema(registerPartnerClientBody))
  register(@CurrentPrincipal() principal: Principal, @Body({ schema: registerPartnerClientBody }) body: RegisterPartnerClientBody) {
    return this.clients.register(principal, body);
  }

  @Get()
  @RequirePermission('partner:administer')
  @ApiOperation({ summary: 'The partner clients of your jurisdiction, newest first (never their secrets)' })
  list(@CurrentPrincipal() principal: Principal) {
    return this.clients.list(principal);
  }

  @Get(':id')
  @RequirePermission('partner:administer')
  @ApiOperation({ summary: 'One partner client of your jurisdiction' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: partnerClientIdParam }) id: string) {
    return this.clients.get(principal, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @RequirePermission('partner:administer')
  @ApiOperation({ summary: 'A new client secret, shown this once; the old secret and every token issued before stop working at once' })
  rotateSecret(@CurrentPrincipal() principal: Principal, @Param('id', { schema: partnerClientIdParam }) id: string) {
    return this.clients.rotateSecret(principal, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission('partner:administer')
  @ApiOperation({ summary: 'Revokes a partner client: its tokens stop working at once; its record and audit trail stay' })
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', { schema: partnerClientIdParam }) id: string) {
    return this.clients.revoke(principal, id);
  }
}

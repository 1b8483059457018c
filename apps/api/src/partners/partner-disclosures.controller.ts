import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { disclosureListQuery, type DisclosureListQuery } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { PartnerDisclosuresService } from './partner-disclosures.service.js';

@ApiTags('partner clients')
@ApiBearerAuth()
@Controller('partner-disclosures')
export class PartnerDisclosuresController {
  constructor(private readonly disclosures: PartnerDisclosuresService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Every record disclosed to a partner system in your jurisdiction, newest first: which partner, which record, when, through which route and for what purpose' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: disclosureListQuery }) query: DisclosureListQuery) {
    return this.disclosures.list(principal, query);
  }
}

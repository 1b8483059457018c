import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { bodyIdParam, recordSittingBody, type RecordSittingBody, sittingDayParam, sittingMonthQuery, type SittingMonthQuery } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { SittingsService } from './sittings.service.js';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('bodies')
export class SittingsController {
  constructor(private readonly sittings: SittingsService) {}

  @Put(':id/sittings/:day')
  @RequirePermission('case:event')
  @ApiOperation({ summary: "A member of the CWC (s.28(1)) or JJB (s.7(1)) records a day it sat and the cases it heard (its cause list); the same day again replaces the list; audited on the body's registry history" })
  @ApiBody(bodySchema(recordSittingBody))
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: bodyIdParam }) id: string,
    @Param('day', { schema: sittingDayParam }) day: string,
    @Body({ schema: recordSittingBody }) body: RecordSittingBody,
  ) {
    return this.sittings.record(principal, id, day, body);
  }

  @Get(':id/sittings')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: "A CWC's or JJB's sittings in a month; a CWC's days held against the 20 s.28(1) requires" })
  month(@CurrentPrincipal() principal: Principal, @Param('id', { schema: bodyIdParam }) id: string, @Query({ schema: sittingMonthQuery }) query: SittingMonthQuery) {
    return this.sittings.month(principal, id, query.month);
  }
}

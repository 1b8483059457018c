import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type InterventionClosedBody, interventionClosedBody, interventionIdParam, type InterventionListQuery, interventionListQuery, type InterventionReachedBody, interventionReachedBody, type InterventionRescuedBody, interventionRescuedBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { IdempotencyKey } from '../problem/request-headers.js';
import { InterventionsService } from './interventions.service.js';

/** The CHILDLINE unit's and DCPU's side of helpline calls: what to reach, and what became of each. */
@ApiTags('helpline interventions')
@ApiBearerAuth()
@Controller('interventions')
export class InterventionsController {
  constructor(private readonly interventions: InterventionsService) {}

  @Get()
  @RequirePermission('intervention:read')
  @ApiOperation({ summary: 'Helpline interventions of your jurisdiction, latest call first; `overdue` when the response time has passed with the child not reached' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: interventionListQuery }) query: InterventionListQuery) {
    return this.interventions.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('intervention:read')
  @ApiOperation({ summary: 'One intervention: every call about the child, and its escalations' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: interventionIdParam }) id: string) {
    return this.interventions.get(principal, id);
  }

  @Post(':id/reached')
  @HttpCode(200)
  @RequirePermission('intervention:act')
  @ApiOperation({ summary: 'The team reached the child: the response clock stops' })
  @ApiBody(bodySchema(interventionReachedBody))
  reached(@CurrentPrincipal() principal: Principal, @Param('id', { schema: interventionIdParam }) id: string, @Body({ schema: interventionReachedBody }) body: InterventionReachedBody, @IdempotencyKey() key: string | undefined) {
    return this.interventions.reached(principal, id, body, key);
  }

  @Post(':id/rescued')
  @HttpCode(200)
  @RequirePermission('intervention:act')
  @ApiOperation({ summary: 'The child is rescued: a CNCP case begins, to be produced before the CWC within 24 hours of the rescue (s.31(1))' })
  @ApiBody(bodySchema(interventionRescuedBody))
  rescued(@CurrentPrincipal() principal: Principal, @Param('id', { schema: interventionIdParam }) id: string, @Body({ schema: interventionRescuedBody }) body: InterventionRescuedBody, @IdempotencyKey() key: string | undefined) {
    return this.interventions.rescued(principal, id, body, key);
  }

  @Post(':id/closed')
  @HttpCode(200)
  @RequirePermission('intervention:act')
  @ApiOperation({ summary: 'Close without a case, with the reason: no child found, resolved on the phone, or referred' })
  @ApiBody(bodySchema(interventionClosedBody))
  closed(@CurrentPrincipal() principal: Principal, @Param('id', { schema: interventionIdParam }) id: string, @Body({ schema: interventionClosedBody }) body: InterventionClosedBody, @IdempotencyKey() key: string | undefined) {
    return this.interventions.closed(principal, id, body, key);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AcknowledgeEscalationBody, acknowledgeEscalationBody, escalationIdParam, type EscalationListQuery, escalationListQuery, type ResolveEscalationBody, resolveEscalationBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { EscalationsService } from './escalations.service.js';
import { bodySchema } from '../problem/openapi.js';

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @RequirePermission('escalation:read')
  @ApiOperation({ summary: 'Missed statutory deadlines raised to a body, soonest due first, with how overdue each is' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: escalationListQuery }) query: EscalationListQuery) {
    return this.escalations.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('escalation:read')
  get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: escalationIdParam }) id: string) {
    return this.escalations.get(principal, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('escalation:act')
  @ApiOperation({ summary: 'Acknowledge an escalation (recorded on the case timeline)' })
  @ApiBody({ ...bodySchema(acknowledgeEscalationBody), required: false })
  acknowledge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: escalationIdParam }) id: string,
    @Body({ schema: acknowledgeEscalationBody }) body: AcknowledgeEscalationBody,
  ) {
    return this.escalations.act(principal, id, 'ACKNOWLEDGE', undefined, body.idempotencyKey);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission('escalation:act')
  @ApiOperation({ summary: 'Resolve an escalation with a note of what was done; the missed deadline stays on record' })
  @ApiBody({ ...bodySchema(resolveEscalationBody) })
  resolve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: escalationIdParam }) id: string,
    @Body({ schema: resolveEscalationBody }) body: ResolveEscalationBody,
  ) {
    return this.escalations.act(principal, id, 'RESOLVE', body.note, body.idempotencyKey);
  }
}

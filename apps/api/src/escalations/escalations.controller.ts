import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  acknowledgeEscalationBody,
  escalationIdParam,
  escalationListQuery,
  resolveEscalationBody,
  type AcknowledgeEscalationBody,
  type EscalationListQuery,
  type ResolveEscalationBody,
} from '@raksha/contracts';
import { UNAUTHENTICATED } from '../cases/unauthenticated.js';
import { EscalationsService } from './escalations.service.js';

@ApiTags('escalations')
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @ApiOperation({ summary: 'Missed statutory deadlines raised to a body, soonest due first, with how overdue each is' })
  list(@Query({ schema: escalationListQuery }) query: EscalationListQuery) {
    return this.escalations.list(query);
  }

  @Get(':id')
  get(@Param('id', { schema: escalationIdParam }) id: string) {
    return this.escalations.get(id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an escalation (recorded on the case timeline)' })
  @ApiBody({ schema: z.toJSONSchema(acknowledgeEscalationBody, { io: 'input' }) as object, required: false })
  acknowledge(@Param('id', { schema: escalationIdParam }) id: string, @Body({ schema: acknowledgeEscalationBody }) body: AcknowledgeEscalationBody) {
    return this.escalations.act(id, 'ACKNOWLEDGE', UNAUTHENTICATED, undefined, body.idempotencyKey);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve an escalation with a note of what was done; the missed deadline stays on record' })
  @ApiBody({ schema: z.toJSONSchema(resolveEscalationBody, { io: 'input' }) as object })
  resolve(@Param('id', { schema: escalationIdParam }) id: string, @Body({ schema: resolveEscalationBody }) body: ResolveEscalationBody) {
    return this.escalations.act(id, 'RESOLVE', UNAUTHENTICATED, body.note, body.idempotencyKey);
  }
}

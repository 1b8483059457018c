import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type HelplineCallBody, helplineCallBody, helplineCallIdParam } from '@raksha/contracts';
import { CurrentPartner, PartnerScopes } from '../partners/partner.decorators.js';
import type { PartnerPrincipal } from '../partners/partner.principal.js';
import { bodySchema } from '../problem/openapi.js';
import { helplineCallerOf, InterventionsService } from './interventions.service.js';

/** Helpline systems (1098, 112, 181), registered as partner clients with `interventions:write`, pass calls on here. */
@ApiTags('helpline intake')
@Controller('helpline/v1/calls')
export class HelplineController {
  constructor(private readonly interventions: InterventionsService) {}

  @Post()
  @HttpCode(200)
  @PartnerScopes('interventions:write')
  @ApiOperation({ summary: 'A call about a child in distress: opens an intervention for the district, or joins the one under way for the same child; the same call id again changes nothing, and with a different body is refused (422 naming callId)' })
  @ApiBody(bodySchema(helplineCallBody))
  receive(@CurrentPartner() partner: PartnerPrincipal, @Body({ schema: helplineCallBody }) body: HelplineCallBody) {
    return this.interventions.receiveCall(helplineCallerOf(partner), body);
  }

  @Get(':callId')
  @PartnerScopes('interventions:write')
  @ApiOperation({ summary: 'What became of a call: reached, rescued (with the case), or closed with the reason' })
  status(@CurrentPartner() partner: PartnerPrincipal, @Param('callId', { schema: helplineCallIdParam }) callId: string) {
    return this.interventions.callStatus(helplineCallerOf(partner), callId);
  }
}

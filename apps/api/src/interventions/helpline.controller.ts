import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type HelplineCallBody, helplineCallBody, helplineCallIdParam } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { type HelplineCaller, InterventionsService } from './interventions.service.js';

/**
 * Interim, until partner OAuth clients land: a signed-in CHILDLINE or DCPU person passes a 1098 call on for their
 * own jurisdiction. Helpline systems (1098, 112, 181) will call as partner clients with `interventions:write`.
 */
const callerOf = (principal: Principal): HelplineCaller => ({ helpline: '1098', jurisdiction: principal.body! });

@ApiTags('helpline intake')
@ApiBearerAuth()
@Controller('helpline/v1/calls')
export class HelplineController {
  constructor(private readonly interventions: InterventionsService) {}

  @Post()
  @HttpCode(200)
  @RequirePermission('intervention:act')
  @ApiOperation({ summary: 'A call about a child in distress: opens an intervention for the district, or joins the one under way for the same child; the same call id again changes nothing' })
  @ApiBody(bodySchema(helplineCallBody))
  receive(@CurrentPrincipal() principal: Principal, @Body({ schema: helplineCallBody }) body: HelplineCallBody) {
    return this.interventions.receiveCall(callerOf(principal), body);
  }

  @Get(':callId')
  @RequirePermission('intervention:act')
  @ApiOperation({ summary: 'What became of a call: reached, rescued (with the case), or closed with the reason' })
  status(@CurrentPrincipal() principal: Principal, @Param('callId', { schema: helplineCallIdParam }) callId: string) {
    return this.interventions.callStatus(callerOf(principal), callId);
  }
}

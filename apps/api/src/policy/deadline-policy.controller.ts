import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deadlineIdParam, setDeadlinePeriodBody, type SetDeadlinePeriodBody, stateCodeParam } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { DeadlinePolicyService } from './deadline-policy.service.js';
import { bodySchema } from '../problem/openapi.js';

@ApiTags('deadline policy')
@ApiBearerAuth()
@Controller('states/:stateCode/deadline-policy')
export class DeadlinePolicyController {
  constructor(private readonly policy: DeadlinePolicyService) {}

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({ summary: "Every statutory deadline with its citation and the period in force in this state" })
  get(@CurrentPrincipal() principal: Principal, @Param('stateCode', { schema: stateCodeParam }) stateCode: string) {
    return this.policy.get(principal, stateCode);
  }

  @Put(':deadlineId')
  @RequirePermission('policy:manage')
  @ApiOperation({ summary: "The state's SCPS sets its own period for a deadline (applies to cases registered from now on)" })
  @ApiBody({ ...bodySchema(setDeadlinePeriodBody) })
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('stateCode', { schema: stateCodeParam }) stateCode: string,
    @Param('deadlineId', { schema: deadlineIdParam }) deadlineId: string,
    @Body({ schema: setDeadlinePeriodBody }) body: SetDeadlinePeriodBody,
  ) {
    return this.policy.set(principal, stateCode, deadlineId, body);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseIdParam, type RecordsHoldBody, recordsHoldBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { RecordsDestructionService } from './records-destruction.service.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class RecordsDestructionController {
  constructor(private readonly destruction: RecordsDestructionService) {}

  @Get(':id/records-destruction')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'Where the case stands under JJ Act s.24(2): when its records are destroyed, the legal hold on them, or why they are kept' })
  status(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.destruction.status(principal, id);
  }

  @Post(':id/records-destruction/hold')
  @HttpCode(200)
  @RequirePermission('records:hold')
  @ApiOperation({ summary: 'Place a legal hold on the order of the Board or a court: the records are not destroyed while it stands' })
  @ApiBody({ ...bodySchema(recordsHoldBody) })
  hold(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Body({ schema: recordsHoldBody }) body: RecordsHoldBody) {
    return this.destruction.placeHold(principal, id, body);
  }

  @Post(':id/records-destruction/lift')
  @HttpCode(200)
  @RequirePermission('records:hold')
  @ApiOperation({ summary: 'Lift the legal hold on an order: destruction falls due again (at once, if the appeal period has run)' })
  @ApiBody({ ...bodySchema(recordsHoldBody) })
  lift(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Body({ schema: recordsHoldBody }) body: RecordsHoldBody) {
    return this.destruction.liftHold(principal, id, body);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  bodyIdParam,
  type FileReturnBody,
  fileReturnBody,
  type FunctioningQuery,
  functioningQuery,
  type InspectionMonthQuery,
  inspectionMonthQuery,
  quarterParam,
  type RecordInspectionBody,
  recordInspectionBody,
  returnDutyParam,
} from '@raksha/contracts';
import type { ReturnDutyId } from '@raksha/case-machine';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { DutiesService } from './duties.service.js';

@ApiTags('duties')
@ApiBearerAuth()
@Controller()
export class DutiesController {
  constructor(private readonly duties: DutiesService) {}

  @Post('institutions/:id/inspections')
  @HttpCode(201)
  @RequirePermission('case:event')
  @ApiOperation({ summary: "A member of the district's CWC records its visit to a child care institution (s.30(viii): at least two a month), or a DCPU officer the DCPU's or inspection committee's (s.54), with what was found" })
  @ApiBody(bodySchema(recordInspectionBody))
  recordInspection(@CurrentPrincipal() principal: Principal, @Param('id', { schema: bodyIdParam }) id: string, @Body({ schema: recordInspectionBody }) body: RecordInspectionBody) {
    return this.duties.recordInspection(principal, id, body);
  }

  @Get('institutions/:id/inspections')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: "An institution's visits in a month, and whether its CWC made the two s.30(viii) asks" })
  inspections(@CurrentPrincipal() principal: Principal, @Param('id', { schema: bodyIdParam }) id: string, @Query({ schema: inspectionMonthQuery }) query: InspectionMonthQuery) {
    return this.duties.inspections(principal, id, query.month);
  }

  @Put('bodies/:id/returns/:dutyId/:quarter')
  @RequirePermission('case:event')
  @ApiOperation({ summary: "A member files the CWC's quarterly return F.16 to the District Magistrate (R.17(ii)) or the JJB's pendency report (s.16(3)) for a quarter ended; filing again replaces it" })
  @ApiBody(bodySchema(fileReturnBody))
  fileReturn(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: bodyIdParam }) id: string,
    @Param('dutyId', { schema: returnDutyParam }) dutyId: ReturnDutyId,
    @Param('quarter', { schema: quarterParam }) quarter: string,
    @Body({ schema: fileReturnBody }) body: FileReturnBody,
  ) {
    return this.duties.fileReturn(principal, id, dutyId, quarter, body);
  }

  @Get('bodies/:id/returns')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: "The returns a CWC or JJB filed, newest quarter first, each with its due day and whether it was on time" })
  returns(@CurrentPrincipal() principal: Principal, @Param('id', { schema: bodyIdParam }) id: string) {
    return this.duties.returns(principal, id);
  }

  @Get('dashboards/functioning')
  @RequirePermission('dashboard:read')
  @ApiOperation({ summary: "Which CWCs and JJBs of the state are functioning this month: sittings against s.28(1)'s 20, pending cases, institutions visited too little (s.30(viii)), the last return due (F.16; s.16(3)), missed duties escalated" })
  functioning(@CurrentPrincipal() principal: Principal, @Query({ schema: functioningQuery }) query: FunctioningQuery) {
    return this.duties.functioning(principal, query);
  }
}

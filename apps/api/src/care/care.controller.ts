import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../problem/request-headers.js';
import { admissionIdParam, type AdmitChildBody, admitChildBody, caseIdParam, type DischargeChildBody, dischargeChildBody, type EFileEntryBody, eFileEntryBody, eFileQuery, type EFileQuery, institutionIdParam, type TransferChildBody, transferChildBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { AdmissionsService } from './admissions.service.js';
import { CarePlanService } from './care-plan.service.js';
import { EFileService } from './efile.service.js';
import { bodySchema } from '../problem/openapi.js';


@ApiTags('children in care')
@ApiBearerAuth()
@Controller()
export class CareController {
  constructor(
    private readonly admissions: AdmissionsService,
    private readonly eFile: EFileService,
    private readonly carePlans: CarePlanService,
  ) {}

  @Post('cases/:id/admissions')
  @RequirePermission('admission:manage')
  @ApiOperation({ summary: 'Admit the child to an institution on a CWC/JJB order on the case; refused over capacity unless the order says why' })
  @ApiBody(bodySchema(admitChildBody))
  admit(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Body({ schema: admitChildBody }) body: AdmitChildBody) {
    return this.admissions.admit(principal, id, body);
  }

  @Get('cases/:id/admissions')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "The child's stays in institutions, oldest first" })
  admissionHistory(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.admissions.history(principal, id);
  }

  @Post('admissions/:id/transfer')
  @HttpCode(201)
  @RequirePermission('admission:manage')
  @ApiOperation({ summary: 'Transfer the child to another institution: ends this stay and admits there, both or neither' })
  @ApiBody(bodySchema(transferChildBody))
  transfer(@CurrentPrincipal() principal: Principal, @Param('id', { schema: admissionIdParam }) id: string, @Body({ schema: transferChildBody }) body: TransferChildBody) {
    return this.admissions.transfer(principal, id, body);
  }

  @Post('admissions/:id/discharge')
  @HttpCode(200)
  @RequirePermission('admission:manage')
  @ApiOperation({ summary: 'Discharge the child (restoration, adoption, aftercare, leaving care at 18)' })
  @ApiBody(bodySchema(dischargeChildBody))
  discharge(@CurrentPrincipal() principal: Principal, @Param('id', { schema: admissionIdParam }) id: string, @Body({ schema: dischargeChildBody }) body: DischargeChildBody) {
    return this.admissions.discharge(principal, id, body);
  }

  @Get('institutions/:id/occupancy')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: 'Children present against sanctioned capacity, per gender and age band, now' })
  occupancy(@CurrentPrincipal() principal: Principal, @Param('id', { schema: institutionIdParam }) id: string) {
    return this.admissions.occupancy(principal, id);
  }

  @Get('institutions/:id/children')
  @RequirePermission('admission:manage')
  @ApiOperation({ summary: 'The children in the institution now, with their cases' })
  residents(@CurrentPrincipal() principal: Principal, @Param('id', { schema: institutionIdParam }) id: string) {
    return this.admissions.residents(principal, id);
  }

  @Post('cases/:id/efile')
  @RequirePermission('efile:write')
  @ApiOperation({ summary: "Add a medical, education or counselling record to the child's eFile (medical and counselling sealed at rest)" })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody(bodySchema(eFileEntryBody))
  addEFileEntry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: caseIdParam }) id: string,
    @Body({ schema: eFileEntryBody }) body: EFileEntryBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ) {
    return this.eFile.add(principal, id, body, idempotencyKey);
  }

  @Get('cases/:id/efile')
  @RequirePermission('efile:read')
  @ApiOperation({ summary: "The child's eFile; sealed details only for roles with the section's right; every read audited" })
  eFileEntries(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Query({ schema: eFileQuery }) query: EFileQuery) {
    return this.eFile.list(principal, id, query);
  }

  @Get('cases/:id/care-plan')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'The Individual Care Plan in force, its reviews, and when the next review falls due' })
  carePlan(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.carePlans.current(principal, id);
  }
}

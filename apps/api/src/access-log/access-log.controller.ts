import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accessLogQuery, type AccessLogQuery, caseIdParam, personIdParam, reportIdParam } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { AccessLogService } from './access-log.service.js';

@ApiTags('access log')
@ApiBearerAuth()
@Controller()
export class AccessLogController {
  constructor(private readonly log: AccessLogService) {}

  @Get('cases/:id/access-log')
  @RequirePermission('audit:read')
  @ApiOperation({ summary: "Who read or changed a child's case: who, role, body, when, from which address; newest first, ?from=&to= days (IST); reading it is audited" })
  ofCase(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Query({ schema: accessLogQuery }) query: AccessLogQuery) {
    return this.log.ofCase(principal, id, query);
  }

  @Get('reports/:id/access-log')
  @RequirePermission('audit:read')
  @ApiOperation({ summary: "Who read or changed a missing or found child's report; as for a case" })
  ofReport(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string, @Query({ schema: accessLogQuery }) query: AccessLogQuery) {
    return this.log.ofReport(principal, id, query);
  }

  @Get('people/:id/access-log')
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'What a person read (cases, reports, rosters, lists of children), newest first, ?from=&to= days (IST); reading it is audited' })
  ofPerson(@CurrentPrincipal() principal: Principal, @Param('id', { schema: personIdParam }) id: string, @Query({ schema: accessLogQuery }) query: AccessLogQuery) {
    return this.log.ofPerson(principal, id, query);
  }
}

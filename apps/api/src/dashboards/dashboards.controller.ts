import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { dashboardQuery, type DashboardQuery } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { DashboardsService } from './dashboards.service.js';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('overview')
  @RequirePermission('dashboard:read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'MIS figures of a state or district for a period: cases by track and stage, pendency beyond 4 months, production within 24 h, SIRs on time, escalations and their age, missing reports and time to trace, CCI occupancy, restorations and follow-ups due, each also by district (of a state) or by state (nationally); format=csv for a spreadsheet, with section=<name> for one section’s table',
  })
  async overview(@CurrentPrincipal() principal: Principal, @Query({ schema: dashboardQuery }) query: DashboardQuery, @Res({ passthrough: true }) res: Response) {
    const overview = await this.dashboards.overview(principal, query);
    if (query.format === 'json') return overview;
    const place = overview.scope.districtCode ?? overview.scope.stateCode ?? 'india';
    const name = ['raksha', place, query.section, overview.scope.from, overview.scope.to].filter(Boolean).join('-');
    res.type('text/csv').setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return this.dashboards.toCsv(overview, query.section);
  }
}

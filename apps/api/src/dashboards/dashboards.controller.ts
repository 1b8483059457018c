import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { dashboardCasesQuery, dashboardQuery, dashboardTrendQuery, type DashboardCasesQuery, type DashboardQuery, type DashboardTrendQuery } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { DashboardsService } from './dashboards.service.js';
import { DashboardTrendsService } from './trends.service.js';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly trends: DashboardTrendsService,
  ) {}

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

  @Get('trends')
  @RequirePermission('case:read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Monthly series of a state, district or police station area (thanaCode), India Standard Time months ending with `to` (yyyy-mm): cases registered, children produced and how many within 24 hours of registration by the time that passed (s.31(1), s.10(1)), inquiries pending beyond 4 months at each month end (s.36(2), s.14(2)), escalations raised, missing and found reports filed. For monitors (dashboard:read) and the police (SJPU: its district; a station: its district and its own area); format=csv for a month a row',
  })
  async monthly(@CurrentPrincipal() principal: Principal, @Query({ schema: dashboardTrendQuery }) query: DashboardTrendQuery, @Res({ passthrough: true }) res: Response) {
    const trends = await this.trends.monthly(principal, query);
    if (query.format === 'json') return trends;
    const place = trends.scope.thanaCode ?? trends.scope.districtCode ?? trends.scope.stateCode ?? 'india';
    res.type('text/csv').setHeader('Content-Disposition', `attachment; filename="raksha-${place}-trends-${trends.months[0]?.month}-${trends.months.at(-1)?.month}.csv"`);
    return this.trends.toCsv(trends);
  }

  @Get('cases')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'The cases behind a dashboard figure (measure), counted as the figure is, in a month or a period of a place: latest registered first, at most `limit` of `total`; no child’s name. A police station lists its own area’s cases only',
  })
  casesBehind(@CurrentPrincipal() principal: Principal, @Query({ schema: dashboardCasesQuery }) query: DashboardCasesQuery) {
    return this.trends.casesBehind(principal, query);
  }
}

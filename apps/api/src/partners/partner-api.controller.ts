import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  caseNumberParam,
  type CaseSummaryQuery,
  caseSummaryQuery,
  type EventFeedQuery,
  eventFeedQuery,
  partnerFileReportBody,
  type PartnerFileReportBody,
  partnerReportQuery,
  type PartnerReportQuery,
  reportIdParam,
} from '@raksha/contracts';
import { bodySchema } from '../problem/openapi.js';
import { CurrentPartner, PartnerScopes } from './partner.decorators.js';
import type { PartnerPrincipal } from './partner.principal.js';
import { PartnerApiService } from './partner-api.service.js';

/** Version 1 of the partner data-sharing API; a change that breaks a partner goes to /partner/v2. */
@ApiTags('partner API')
@Controller('partner/v1')
export class PartnerApiController {
  constructor(private readonly api: PartnerApiService) {}

  @Get('reports')
  @PartnerScopes('reports:read')
  @ApiOperation({ summary: "Missing and found children's reports of the partner's jurisdiction, newest first; follow nextCursor" })
  listReports(@CurrentPartner() partner: PartnerPrincipal, @Query({ schema: partnerReportQuery }) query: PartnerReportQuery) {
    return this.api.listReports(partner, query);
  }

  @Get('reports/:id')
  @PartnerScopes('reports:read')
  @ApiOperation({ summary: "One report of the partner's jurisdiction (404 outside it); the read is audited" })
  getReport(@CurrentPartner() partner: PartnerPrincipal, @Param('id', { schema: reportIdParam }) id: string) {
    return this.api.getReport(partner, id);
  }

  @Post('reports')
  @PartnerScopes('reports:write')
  @ApiOperation({
    summary:
      "Files a found child's report (kind FOUND), or the police's network a missing child's (kind MISSING, with policeRef), checked and matched as people's reports are; a district outside the partner's jurisdiction is 404",
  })
  @ApiBody(bodySchema(partnerFileReportBody))
  fileReport(@CurrentPartner() partner: PartnerPrincipal, @Body({ schema: partnerFileReportBody }) body: PartnerFileReportBody) {
    return this.api.fileReport(partner, body);
  }

  @Get('cases')
  @PartnerScopes('cases:summary')
  @ApiOperation({ summary: "Case summaries of the jurisdiction (case number, district, stage, dates; never the child's name, s.74), oldest registered first" })
  caseSummaries(@CurrentPartner() partner: PartnerPrincipal, @Query({ schema: caseSummaryQuery }) query: CaseSummaryQuery) {
    return this.api.caseSummaries(partner, query);
  }

  @Get('cases/:caseNumber')
  @PartnerScopes('cases:summary')
  @ApiOperation({ summary: "One case's summary (404 outside the jurisdiction)" })
  caseSummary(@CurrentPartner() partner: PartnerPrincipal, @Param('caseNumber', { schema: caseNumberParam }) caseNumber: string) {
    return this.api.caseSummary(partner, caseNumber);
  }

  @Get('events')
  @PartnerScopes('feed:read')
  @ApiOperation({
    summary:
      'The event feed: reports filed, updated, matched and decided (with reports:read) and case steps (with cases:summary) in the jurisdiction, in a stable order with no gaps; pass the answer’s `next` as `after` to go on',
  })
  events(@CurrentPartner() partner: PartnerPrincipal, @Query({ schema: eventFeedQuery }) query: EventFeedQuery) {
    return this.api.events(partner, query);
  }
}

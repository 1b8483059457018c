import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../problem/request-headers.js';
import type { Response } from 'express';
import { acceptReportBody, type AcceptReportBody, correctReportBody, type CorrectReportBody, ownReportListQuery, type OwnReportListQuery, candidateIdParam, candidateListQuery, type CandidateListQuery, closeReportBody, type CloseReportBody, type ConfirmContactVerificationBody, confirmContactVerificationBody, type DecideCandidateBody, decideCandidateBody, type FileFoundReportBody, fileFoundReportBody, type FileMissingReportBody, fileMissingReportBody, type LinkCaseBody, linkCaseBody, reportIdParam, type ReportListQuery, reportListQuery, type RequestContactVerificationBody, requestContactVerificationBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ContactVerificationService } from './contact-verification.service.js';
import { OwnReportsService } from './own-reports.service.js';
import { ReportsService } from './reports.service.js';
import { bodySchema } from '../problem/openapi.js';


@ApiTags('missing and found children')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly contacts: ContactVerificationService,
    private readonly own: OwnReportsService,
  ) {}

  @Get('me/reports')
  @ApiOperation({ summary: 'The reports you filed as a citizen, newest first, each with the privacy notice you acknowledged and what you may do with it (DPDP Act s.11)' })
  ownReports(@CurrentPrincipal() principal: Principal, @Query({ schema: ownReportListQuery }) query: OwnReportListQuery) {
    return this.own.list(principal, query);
  }

  @Get('me/reports/:id')
  @ApiOperation({ summary: 'One report you filed as a citizen (404 for any other)' })
  ownReport(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string) {
    return this.own.get(principal, id);
  }

  @Patch('me/reports/:id')
  @ApiOperation({ summary: 'Correct what you gave in a report you filed (DPDP Act s.12(2)); the change is traced on the audit chain and matching runs again' })
  @ApiBody(bodySchema(correctReportBody))
  correctOwnReport(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string, @Body({ schema: correctReportBody }) body: CorrectReportBody) {
    return this.own.correct(principal, id, body);
  }

  @Post('me/reports/:id/erasure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erase a closed report you filed (DPDP Act s.12(3)): its description, photograph, place and your contact go; its number and dates stay for the police record; a child’s data in a case stays with the case (JJ Act)' })
  eraseOwnReport(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string) {
    return this.own.erase(principal, id);
  }

  @Post('reports/missing')
  @RequirePermission('report:missing')
  @ApiOperation({ summary: "File a missing child's report: police with the missing diary / FIR number; a citizen's waits for a station to accept it" })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody(bodySchema(fileMissingReportBody))
  fileMissing(@CurrentPrincipal() principal: Principal, @Body({ schema: fileMissingReportBody }) body: FileMissingReportBody, @IdempotencyKey() idempotencyKey: string | undefined) {
    return this.reports.fileMissing(principal, body, idempotencyKey);
  }

  @Post('reports/found')
  @RequirePermission('report:found')
  @ApiOperation({ summary: 'File a found child’s report (police, CCI, CWC, Childline, or a citizen’s sighting); matching starts at once. The child’s case, when registered: `caseNumber` (RJ/JAIPUR/2026/123) or `caseId`' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody(bodySchema(fileFoundReportBody))
  fileFound(@CurrentPrincipal() principal: Principal, @Body({ schema: fileFoundReportBody }) body: FileFoundReportBody, @IdempotencyKey() idempotencyKey: string | undefined) {
    return this.reports.fileFound(principal, body, idempotencyKey);
  }

  @Get('reports')
  @ApiOperation({ summary: 'Reports in your jurisdiction (a citizen: their own), newest first; `name` in any script ranks by similarity' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: reportListQuery }) query: ReportListQuery) {
    return this.reports.list(principal, query);
  }

  @Get('reports/:id')
  @ApiOperation({ summary: 'One report, if you may know it' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string) {
    return this.reports.get(principal, id);
  }

  @Get('reports/:id/photo')
  @ApiOperation({ summary: 'The photograph filed with the report' })
  async photo(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string, @Res() res: Response) {
    const p = await this.reports.photo(principal, id);
    res.setHeader('Cache-Control', 'private, no-store');
    res.type(p.contentType).send(p.bytes);
  }

  @Post('reports/:id/accept')
  @HttpCode(200)
  @RequirePermission('report:accept')
  @ApiOperation({ summary: "A police station accepts a citizen's missing report into its missing diary; matching starts" })
  @ApiBody(bodySchema(acceptReportBody))
  accept(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string, @Body({ schema: acceptReportBody }) body: AcceptReportBody) {
    return this.reports.accept(principal, id, body);
  }

  @Post('reports/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a report with a reason (the reporter, or the police)' })
  @ApiBody(bodySchema(closeReportBody))
  close(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string, @Body({ schema: closeReportBody }) body: CloseReportBody) {
    return this.reports.close(principal, id, body);
  }

  @Post('reports/:id/case')
  @HttpCode(200)
  @RequirePermission('report:found')
  @ApiOperation({ summary: "Link a found report to the found child's case" })
  @ApiBody(bodySchema(linkCaseBody))
  linkCase(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string, @Body({ schema: linkCaseBody }) body: LinkCaseBody) {
    return this.reports.linkCase(principal, id, body);
  }

  @Get('reports/:id/candidates')
  @RequirePermission('report:read')
  @ApiOperation({ summary: 'Match candidates of a report, most probable first, each field explained; `total` counts them all' })
  candidates(@CurrentPrincipal() principal: Principal, @Param('id', { schema: reportIdParam }) id: string, @Query({ schema: candidateListQuery }) query: CandidateListQuery) {
    return this.reports.candidates(principal, id, query);
  }

  @Get('match-candidates/:id')
  @RequirePermission('report:read')
  @ApiOperation({ summary: 'One match candidate with both reports and its explanation' })
  candidate(@CurrentPrincipal() principal: Principal, @Param('id', { schema: candidateIdParam }) id: string) {
    return this.reports.candidate(principal, id);
  }

  @Post('match-candidates/:id/decision')
  @HttpCode(200)
  @RequirePermission('match:decide')
  @ApiOperation({ summary: 'Confirm or reject a match; a confirmation traces the missing report and tells the found child’s case' })
  @ApiBody(bodySchema(decideCandidateBody))
  decide(@CurrentPrincipal() principal: Principal, @Param('id', { schema: candidateIdParam }) id: string, @Body({ schema: decideCandidateBody }) body: DecideCandidateBody) {
    return this.reports.decide(principal, id, body);
  }

  @Post('me/contact-verifications')
  @HttpCode(201)
  @ApiOperation({ summary: 'Ask for a code to verify your phone number or email (3 an hour): a citizen to file reports, an official to get notices by SMS or email' })
  @ApiBody(bodySchema(requestContactVerificationBody))
  requestCode(@CurrentPrincipal() principal: Principal, @Body({ schema: requestContactVerificationBody }) body: RequestContactVerificationBody) {
    return this.contacts.request(principal, body);
  }

  @Post('me/contact-verifications/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the code; the contact is then verified for filing reports' })
  @ApiBody(bodySchema(confirmContactVerificationBody))
  confirmCode(@CurrentPrincipal() principal: Principal, @Body({ schema: confirmContactVerificationBody }) body: ConfirmContactVerificationBody) {
    return this.contacts.confirm(principal, body);
  }
}

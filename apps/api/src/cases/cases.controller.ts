import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CaseAssignmentBody, caseAssignmentBody, type ChildProfileBody, childProfileBody, type CaseEventBody, caseEventBody, caseIdParam, type CaseListQuery, caseListQuery, type CaseQueueQuery, caseQueueQuery, type RegisterCaseBody, registerCaseBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey, IfMatch } from '../problem/request-headers.js';
import { CasesService } from './cases.service.js';
import { ChildProfileService } from './child-profile.service.js';
import { bodySchema } from '../problem/openapi.js';

const IDEMPOTENCY_KEY = IDEMPOTENCY_KEY_HEADER;
const etag = (version: number) => `"${version}"`;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly profiles: ChildProfileService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a case (CNCP: found or rescued child; CICL: apprehension) and start its workflow' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiBody({ ...bodySchema(registerCaseBody) })
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: registerCaseBody }) body: RegisterCaseBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const status = await this.cases.register(principal, body, idempotencyKey);
    res.location(`/cases/${status.caseId}`).setHeader('ETag', etag(status.sequence));
    return status;
  }

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'Cases in your jurisdiction, newest first, filtered; follow nextCursor for more' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: caseListQuery }) query: CaseListQuery) {
    return this.cases.list(principal, query);
  }

  @Get('queue')
  @RequirePermission('queue:read')
  @ApiOperation({ summary: "My queue: cases awaiting your body's action, soonest deadline first, overdue marked" })
  queue(@CurrentPrincipal() principal: Principal, @Query({ schema: caseQueueQuery }) query: CaseQueueQuery) {
    return this.cases.queue(principal, query);
  }

  @Get('mine')
  @RequirePermission('case:assign')
  @ApiOperation({ summary: 'My cases: open cases assigned to you, latest assigned first' })
  mine(@CurrentPrincipal() principal: Principal, @Query({ schema: caseQueueQuery }) query: CaseQueueQuery) {
    return this.cases.mine(principal, query);
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'The case as the read model holds it; its ETag is the version If-Match expects' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.cases.get(principal, id);
    res.setHeader('ETag', etag(view.version));
    return view;
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @RequirePermission('case:assign')
  @ApiOperation({ summary: "Give the case to a person of its CWC or JJB to work (yourself, to take it); on the case's timeline" })
  @ApiBody({ ...bodySchema(caseAssignmentBody) })
  async assign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: caseIdParam }) id: string,
    @Body({ schema: caseAssignmentBody }) body: CaseAssignmentBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.cases.assign(principal, id, body);
    res.setHeader('ETag', etag(view.version));
    return view;
  }

  @Get(':id/child')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "The child's profile (Form 17): names, age and the day the child turns 18, guardians, address, school, photograph; the read is audited" })
  async child(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.profiles.get(principal, id);
    res.setHeader('ETag', etag(view.version));
    return view;
  }

  @Put(':id/child')
  @RequirePermission('case:event')
  @ApiOperation({ summary: "Change the child's profile: the whole profile as it should read, with the reason; a new version, on the case's audit trail" })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The profile ETag you read; a profile changed since answers 409' })
  @ApiBody({ ...bodySchema(childProfileBody) })
  async changeChild(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: caseIdParam }) id: string,
    @Body({ schema: childProfileBody }) body: ChildProfileBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.profiles.update(principal, id, body, expectedVersion);
    res.setHeader('ETag', etag(view.version));
    return view;
  }

  @Get(':id/child/versions')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "Every version of the child's profile: who changed which fields, when and why" })
  childVersions(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.profiles.versions(principal, id);
  }

  @Get(':id/escalations')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'Every deadline the case missed, each rung it reached, and what was done about it' })
  escalations(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.cases.escalations(principal, id);
  }

  @Get(':id/timeline')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'Every event of the case in order: what, who, when, which deadline met or missed' })
  timeline(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.cases.timeline(principal, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @RequirePermission('case:event')
  @ApiOperation({ summary: 'Send the case an event; answers the new state, the events allowed next and open deadlines' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case ETag you read; a case changed since answers 409' })
  @ApiBody({ ...bodySchema(caseEventBody) })
  async applyEvent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: caseIdParam }) id: string,
    @Body({ schema: caseEventBody }) body: CaseEventBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const status = await this.cases.applyEvent(principal, id, body, {
      ...(idempotencyKey !== undefined && { idempotencyKey }),
      ...(expectedVersion !== undefined && { expectedVersion }),
    });
    res.setHeader('ETag', etag(status.sequence));
    return status;
  }
}

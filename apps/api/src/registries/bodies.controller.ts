import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IfMatch } from '../problem/request-headers.js';
import { BodiesService } from './bodies.service.js';
import { bodyIdParam, bodyListQuery, type BodyListQuery, type ReplaceMembersBody, replaceMembersBody, replaceSittingDaysBody, type ReplaceSittingDaysBody } from '@raksha/contracts';
import { bodySchema } from '../problem/openapi.js';
import { createBodyBody, type CreateBodyBody, updateBodyBody, type UpdateBodyBody } from '@raksha/contracts';
import { BodyAdministrationService } from './body-administration.service.js';

const etag = (version: number) => `"${version}"`;
const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag you read; a body changed since answers 409' };

@ApiTags('registries')
@ApiBearerAuth()
@Controller('bodies')
export class BodiesController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly administration: BodyAdministrationService,
  ) {}

  @Post()
  @RequirePermission('body:administer')
  @ApiOperation({ summary: 'A new body of your jurisdiction, of a kind your administrator role creates (libs/domain ADMINISTRATION); audited' })
  @ApiBody(bodySchema(createBodyBody))
  async create(@CurrentPrincipal() principal: Principal, @Body({ schema: createBodyBody }) body: CreateBodyBody, @Res({ passthrough: true }) res: Response) {
    const created = await this.administration.create(principal, body);
    res.setHeader('ETag', etag(created.version));
    return created;
  }

  @Patch(':id')
  @RequirePermission('body:administer')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "A body's name, address or phone; versioned and audited" })
  @ApiBody(bodySchema(updateBodyBody))
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: bodyIdParam }) id: string,
    @Body({ schema: updateBodyBody }) body: UpdateBodyBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const updated = await this.administration.update(principal, id, expectedVersion, body);
    res.setHeader('ETag', etag(updated.version));
    return updated;
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('body:administer')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Deactivates a body nobody belongs to any more (409 while people do); its record and history stay' })
  async deactivate(@CurrentPrincipal() principal: Principal, @Param('id', { schema: bodyIdParam }) id: string, @IfMatch() expectedVersion: number | undefined, @Res({ passthrough: true }) res: Response) {
    const updated = await this.administration.deactivate(principal, id, expectedVersion);
    res.setHeader('ETag', etag(updated.version));
    return updated;
  }

  @Get()
  @RequirePermission('registry:read')
  @ApiOperation({ summary: 'Bodies serving your jurisdiction (and the state and national bodies above it), by id; follow nextCursor' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: bodyListQuery }) query: BodyListQuery) {
    return this.bodies.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: 'The body with its members and sitting days; its ETag is the version If-Match expects' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: bodyIdParam }) id: string, @Res({ passthrough: true }) res: Response) {
    const found = await this.bodies.get(principal, id);
    res.setHeader('ETag', etag(found.version));
    return found;
  }

  @Get(':id/history')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: "Every registry change to the body's record, oldest first, with before and after" })
  history(@CurrentPrincipal() principal: Principal, @Param('id', { schema: bodyIdParam }) id: string) {
    return this.bodies.history(principal, id);
  }

  @Put(':id/members')
  @RequirePermission('registry:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary:
      "A CWC's or JJB's roster of seats now (the DCPU of its district or its state's SCPS); audited. A seat's userId names the account of its holder, " +
      'whose term of office is the seat\'s: send it back with the list, or the account loses its seat',
  })
  @ApiBody(bodySchema(replaceMembersBody))
  async replaceMembers(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: bodyIdParam }) id: string,
    @Body({ schema: replaceMembersBody }) body: ReplaceMembersBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const updated = await this.bodies.replaceMembers(principal, id, expectedVersion, body);
    res.setHeader('ETag', etag(updated.version));
    return updated;
  }

  @Put(':id/sitting-days')
  @RequirePermission('registry:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'The days of the week a CWC or JJB sits (a CWC at least 20 days a month, s.28(1)); audited' })
  @ApiBody(bodySchema(replaceSittingDaysBody))
  async replaceSittingDays(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: bodyIdParam }) id: string,
    @Body({ schema: replaceSittingDaysBody }) body: ReplaceSittingDaysBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const updated = await this.bodies.replaceSittingDays(principal, id, expectedVersion, body);
    res.setHeader('ETag', etag(updated.version));
    return updated;
  }
}

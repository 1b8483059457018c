import { Body, Controller, Get, Header, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IfMatch } from '../problem/request-headers.js';
import { importText } from './import-body.js';
import { InstitutionImportService } from './institution-import.service.js';
import { InstitutionsService } from './institutions.service.js';
import { type CreateInstitutionBody, createInstitutionBody, importJsonBody, importQuery, type ImportQuery, institutionIdParam, type InstitutionListQuery, institutionListQuery, type UpdateInstitutionBody, updateInstitutionBody } from '@raksha/contracts';
import { bodySchema } from '../problem/openapi.js';

const etag = (version: number) => `"${version}"`;

@ApiTags('registries')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionsController {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly imports: InstitutionImportService,
  ) {}

  @Get()
  @RequirePermission('registry:read')
  @ApiOperation({ summary: 'Child care institutions in your jurisdiction, by id, filtered; follow nextCursor for more' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: institutionListQuery }) query: InstitutionListQuery) {
    return this.institutions.list(principal, query);
  }

  @Post()
  @RequirePermission('registry:manage')
  @ApiOperation({ summary: 'Register an institution in a district of your jurisdiction (SCPS: its state; DCPU: its district)' })
  @ApiBody(bodySchema(createInstitutionBody))
  async create(@CurrentPrincipal() principal: Principal, @Body({ schema: createInstitutionBody }) body: CreateInstitutionBody, @Res({ passthrough: true }) res: Response) {
    const created = await this.institutions.create(principal, body);
    res.location(`/institutions/${created.id}`).setHeader('ETag', etag(created.version));
    return created;
  }

  @Get('import/template')
  @RequirePermission('registry:manage')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="institutions.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The header line of an import file' })
  template() {
    return this.imports.template();
  }

  @Post('import')
  @RequirePermission('registry:manage')
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ description: 'The CSV file (text/csv, up to 2 MB and 5,000 rows), or JSON {"csv": "..."} up to 512 kB', ...bodySchema(importJsonBody) })
  @ApiOperation({ summary: 'Import institutions from CSV: all rows or none; 422 names every bad row; ?dryRun=true only checks' })
  async import(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Query({ schema: importQuery }) query: ImportQuery, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.imports.import(principal, await importText(req), query.dryRun ?? false);
    res.status(outcome.dryRun ? 200 : 201);
    return outcome;
  }

  @Get(':id')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: 'The institution, its s.41 registration status and capacities; its ETag is the version If-Match expects' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: institutionIdParam }) id: string, @Res({ passthrough: true }) res: Response) {
    const found = await this.institutions.get(principal, id);
    res.setHeader('ETag', etag(found.version));
    return found;
  }

  @Patch(':id')
  @RequirePermission('registry:manage')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag you read; a record changed since answers 409, none 428' })
  @ApiOperation({ summary: 'Change some fields (infrastructure merges, capacities replace); audited with before and after' })
  @ApiBody(bodySchema(updateInstitutionBody))
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: institutionIdParam }) id: string,
    @Body({ schema: updateInstitutionBody }) body: UpdateInstitutionBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const updated = await this.institutions.update(principal, id, expectedVersion, body);
    res.setHeader('ETag', etag(updated.version));
    return updated;
  }

  @Get(':id/history')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: 'Every change to the institution, oldest first, with who, when, before and after' })
  history(@CurrentPrincipal() principal: Principal, @Param('id', { schema: institutionIdParam }) id: string) {
    return this.institutions.history(principal, id);
  }
}

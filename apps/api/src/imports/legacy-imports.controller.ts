import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { legacyImportIdParam, legacyImportQuery, type LegacyImportQuery } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { LegacyImportsService } from './legacy-imports.service.js';

const pageQuery = z.strictObject({ offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) });

@ApiTags('porting legacy registers')
@ApiBearerAuth()
@Controller('imports/legacy')
export class LegacyImportsController {
  constructor(private readonly imports: LegacyImportsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('legacy:import')
  @ApiOperation({ summary: "Import a legacy register's export (text/csv, or a JSON array with format=json) by its source's mapping: missing and found reports, or a CCI register's children as cases in the state their records say (the DCPU); dryRun=true checks it and stores nothing. Larger files: npm run import:legacy" })
  @ApiOkResponse({ description: 'dryRun=true: what the import would do; nothing stored' })
  @ApiAcceptedResponse({ description: 'The import, staged: the worker runs it; follow it at GET /imports/legacy/{id}' })
  async start(@CurrentPrincipal() principal: Principal, @Query({ schema: legacyImportQuery }) query: LegacyImportQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const answer = await this.imports.start(principal, query, req);
    // A dry run is answered whole in the request: nothing was accepted for later.
    if (query.dryRun) res.status(200);
    return answer;
  }

  @Get(':id')
  @ApiOperation({ summary: "An import's progress: rows taken, imported, imported before, rejected (the first rejected rows with the field and column named)" })
  status(@CurrentPrincipal() principal: Principal, @Param('id', { schema: legacyImportIdParam }) id: string) {
    return this.imports.status(principal, id);
  }

  @Get(':id/rejections')
  @ApiOperation({ summary: "An import's rejected rows, a page at a time" })
  rejections(@CurrentPrincipal() principal: Principal, @Param('id', { schema: legacyImportIdParam }) id: string, @Query({ schema: pageQuery }) q: z.infer<typeof pageQuery>) {
    return this.imports.rejections(principal, id, q.offset, q.limit);
  }
}

import { Controller, Get, Header, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { districtCodeParam, type ImportQuery, importJsonBody, importQuery, type LocalPlaceListQuery, localPlaceListQuery } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { answerImport, importText } from '../registries/import-body.js';
import { LocalPlacesService } from './local-places.service.js';

@ApiTags('places')
@ApiBearerAuth()
@Controller('places')
export class LocalPlacesController {
  constructor(private readonly places: LocalPlacesService) {}

  @Get('districts/:districtCode/local')
  @ApiOperation({ summary: "The district's blocks, police stations and villages (code, kind, name, a village's block), by name; ?blockCode= a block's villages; an unknown district is 404" })
  list(@Param('districtCode', { schema: districtCodeParam }) code: string, @Query({ schema: localPlaceListQuery }) query: LocalPlaceListQuery) {
    return this.places.list(code, query.kind, query.blockCode);
  }

  @Get('import/template')
  @RequirePermission('body:administer')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="places.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The header line of a places import file' })
  template() {
    return this.places.template();
  }

  @Post('import')
  @RequirePermission('body:administer')
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ description: 'The CSV file (text/csv, up to 2 MB and 20,000 rows), or JSON {"csv": "..."}', ...bodySchema(importJsonBody) })
  @ApiOperation({ summary: 'Import blocks, police stations and villages (with their blockCode) of your districts: all rows or none; 422 names every bad row; ?dryRun=true only checks; over 2,000 new or renamed places, 202 with a job to follow at GET /imports/:id' })
  async import(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Query({ schema: importQuery }) query: ImportQuery, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.places.import(principal, await importText(req), query.dryRun ?? false);
    answerImport(res, outcome);
    return outcome;
  }
}

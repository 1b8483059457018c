import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { importJobIdParam } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ImportJobsService } from './import-jobs.service.js';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportJobsService) {}

  @Get(':id')
  @RequirePermission('registry:read')
  @ApiOperation({ summary: "A long import's progress: status, rows done of total, rows that changed something, rows refused while writing" })
  status(@CurrentPrincipal() principal: Principal, @Param('id', { schema: importJobIdParam }) id: string) {
    return this.imports.status(principal, id);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators.js';
import { RecordsDestructionService } from './records-destruction.service.js';

/** Retention is destruction's next of kin: one schedule, one home (docs/records-destruction.md, docs/privacy.md). */
@ApiTags('administration')
@ApiBearerAuth()
@Controller('administration')
export class RetentionController {
  constructor(private readonly destruction: RecordsDestructionService) {}

  @Get('retention')
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'The retention schedule per kind of record (how long, from when, what happens, under which law) and what the daily retention job erased on its latest runs' })
  retention() {
    return this.destruction.retention();
  }
}

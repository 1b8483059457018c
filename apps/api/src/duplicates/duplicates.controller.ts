import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseDuplicatesBody, type CaseDuplicatesBody, dismissDuplicateBody, type DismissDuplicateBody, duplicateIdParam, duplicateListQuery, type DuplicateListQuery, mergeDuplicateBody, type MergeDuplicateBody, reportDuplicatesBody, type ReportDuplicatesBody } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { DuplicatesService } from './duplicates.service.js';

@ApiTags('duplicates')
@ApiBearerAuth()
@Controller()
export class DuplicatesController {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Post('reports/duplicates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Before filing: the reports of the same kind that may be this child (same state, name in any script, age, guardians), most likely first' })
  @ApiBody(bodySchema(reportDuplicatesBody))
  previewReport(@CurrentPrincipal() principal: Principal, @Body({ schema: reportDuplicatesBody }) body: ReportDuplicatesBody) {
    return this.duplicates.previewReport(principal, body);
  }

  @Post('cases/duplicates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Before registering: the open cases that may be this child, most likely first' })
  @ApiBody(bodySchema(caseDuplicatesBody))
  previewCase(@CurrentPrincipal() principal: Principal, @Body({ schema: caseDuplicatesBody }) body: CaseDuplicatesBody) {
    return this.duplicates.previewCase(principal, body);
  }

  @Get('duplicates')
  @ApiOperation({ summary: 'Possible duplicates found when reports were filed or imported and cases registered, in your jurisdiction, for review' })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: duplicateListQuery }) query: DuplicateListQuery) {
    return this.duplicates.list(principal, query);
  }

  @Post('duplicates/:id/merge')
  @HttpCode(200)
  @RequirePermission('match:decide')
  @ApiOperation({ summary: 'The same child: merge the two records into one (the earlier is kept unless keep=LATER); the other id leads to it, both histories stay' })
  @ApiBody(bodySchema(mergeDuplicateBody))
  merge(@CurrentPrincipal() principal: Principal, @Param('id', { schema: duplicateIdParam }) id: string, @Body({ schema: mergeDuplicateBody }) body: MergeDuplicateBody) {
    return this.duplicates.merge(principal, id, body);
  }

  @Post('duplicates/:id/dismiss')
  @HttpCode(200)
  @RequirePermission('match:decide')
  @ApiOperation({ summary: 'Not the same child: the two records stay apart' })
  @ApiBody(bodySchema(dismissDuplicateBody))
  dismiss(@CurrentPrincipal() principal: Principal, @Param('id', { schema: duplicateIdParam }) id: string, @Body({ schema: dismissDuplicateBody }) body: DismissDuplicateBody) {
    return this.duplicates.dismiss(principal, id, body);
  }
}

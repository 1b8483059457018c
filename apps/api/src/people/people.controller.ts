import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { importJsonBody, importQuery, type ImportQuery, inviteBody, type InviteBody, movePersonBody, type MovePersonBody, peopleQuery, type PeopleQuery, personIdParam } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { answerImport, importText } from '../registries/import-body.js';
import { PeopleImportService } from './people-import.service.js';
import { InvitationsService } from './invitations.service.js';
import { PeopleService } from './people.service.js';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly invitations: InvitationsService,
    private readonly imports: PeopleImportService,
  ) {}

  @Get()
  @RequirePermission('person:administer')
  @ApiOperation({ summary: "A body's people (of your jurisdiction), with whether each is invited, active or deactivated" })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: peopleQuery }) query: PeopleQuery) {
    return this.people.ofBody(principal, query.bodyId);
  }

  @Post('invitations')
  @RequirePermission('person:administer')
  @ApiOperation({ summary: 'Invites a person by email to a body and role; they set their password from a one-time link (INVITATION_TTL_HOURS, 72 by default)' })
  @ApiBody(bodySchema(inviteBody))
  invite(@CurrentPrincipal() principal: Principal, @Body({ schema: inviteBody }) body: InviteBody) {
    return this.invitations.invite(principal, body);
  }

  @Get('import/template')
  @RequirePermission('person:administer')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="people.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The header line of a people import file: email, displayName, bodyId, role, mobile, head' })
  template() {
    return this.imports.template();
  }

  @Post('import')
  @RequirePermission('person:administer')
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ description: 'The CSV file (text/csv, up to 2 MB and 5,000 rows), or JSON {"csv": "..."}', ...bodySchema(importJsonBody) })
  @ApiOperation({
    summary:
      'Invites people in bulk, each by the invitation service (a link by email): all rows or none; 422 names every bad row; ?dryRun=true only checks; ' +
      'an email already in the same body and role is left as it is; over 50 new people, 202 with a job to follow at GET /imports/:id',
  })
  async import(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Query({ schema: importQuery }) query: ImportQuery, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.imports.import(principal, await importText(req), query.dryRun ?? false);
    answerImport(res, outcome);
    return outcome;
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('person:administer')
  @ApiOperation({ summary: "Deactivates a person and ends their sessions at once; 409 if it would leave a body without an active administrator" })
  deactivate(@CurrentPrincipal() principal: Principal, @Param('id', { schema: personIdParam }) id: string) {
    return this.people.deactivate(principal, id);
  }

  @Post(':id/mfa/reset')
  @HttpCode(200)
  @RequirePermission('person:administer')
  @ApiOperation({ summary: "Resets a person's second sign-in step (a lost phone): secret and recovery codes removed, sessions ended, audited; they set it up again at their next sign-in" })
  resetSecondStep(@CurrentPrincipal() principal: Principal, @Param('id', { schema: personIdParam }) id: string) {
    return this.people.resetSecondStep(principal, id);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequirePermission('person:administer')
  @ApiOperation({ summary: 'Moves a person to another body and role (their past acts stay attributed to the old ones); 409 as for deactivation' })
  @ApiBody(bodySchema(movePersonBody))
  move(@CurrentPrincipal() principal: Principal, @Param('id', { schema: personIdParam }) id: string, @Body({ schema: movePersonBody }) body: MovePersonBody) {
    return this.people.move(principal, id, body);
  }
}

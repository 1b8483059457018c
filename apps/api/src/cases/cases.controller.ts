import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { caseEventBody, caseIdParam, registerCaseBody, type CaseEventBody, type RegisterCaseBody } from '@raksha/contracts';
import { UNAUTHENTICATED } from './unauthenticated.js';
import { CasesService } from './cases.service.js';


@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'Register a case (CNCP: found or rescued child; CICL: apprehension) and start its workflow' })
  @ApiBody({ schema: z.toJSONSchema(registerCaseBody, { io: 'input' }) as object })
  async register(@Body({ schema: registerCaseBody }) body: RegisterCaseBody, @Res({ passthrough: true }) res: Response) {
    const status = await this.cases.register(body, UNAUTHENTICATED);
    res.location(`/cases/${status.caseId}`);
    return status;
  }

  @Get(':id')
  @ApiOperation({ summary: 'The case as the read model holds it' })
  get(@Param('id', { schema: caseIdParam }) id: string) {
    return this.cases.get(id);
  }

  @Get(':id/escalations')
  @ApiOperation({ summary: 'Every deadline the case missed, each rung it reached, and what was done about it' })
  escalations(@Param('id', { schema: caseIdParam }) id: string) {
    return this.cases.escalations(id);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event of the case in order: what, who, when' })
  timeline(@Param('id', { schema: caseIdParam }) id: string) {
    return this.cases.timeline(id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the case an event; answers the new state, the events allowed next and open deadlines' })
  @ApiBody({ schema: z.toJSONSchema(caseEventBody, { io: 'input' }) as object })
  applyEvent(@Param('id', { schema: caseIdParam }) id: string, @Body({ schema: caseEventBody }) body: CaseEventBody) {
    return this.cases.applyEvent(id, body, UNAUTHENTICATED);
  }
}

import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { codecPayloads, type CodecPayloads } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { CodecService } from './codec.service.js';

/** Temporal's codec-server protocol: the Web UI or the CLI (`--codec-endpoint <api>/codec`) posts here. */
@ApiTags('codec')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('decode')
  @HttpCode(200)
  @RequirePermission('workflow:decode')
  @ApiOperation({ summary: "Decrypt Temporal payloads of a workflow's history, for an engineer reading it (audited)" })
  @ApiBody({ ...bodySchema(codecPayloads) })
  decode(@CurrentPrincipal() principal: Principal, @Body({ schema: codecPayloads }) body: CodecPayloads, @Headers('x-namespace') namespace?: string) {
    return this.codec.decode(principal, body, namespace);
  }

  @Post('encode')
  @HttpCode(200)
  @RequirePermission('workflow:decode')
  @ApiOperation({ summary: 'Encrypt Temporal payloads as the API and the worker do (a signal or query input typed in the Web UI)' })
  @ApiBody({ ...bodySchema(codecPayloads) })
  encode(@CurrentPrincipal() principal: Principal, @Body({ schema: codecPayloads }) body: CodecPayloads, @Headers('x-namespace') namespace?: string) {
    return this.codec.encode(principal, body, namespace);
  }
}

import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { partnerTokenRequest } from '@raksha/contracts';
import { Public } from '../auth/decorators.js';
import { bodySchema } from '../problem/openapi.js';
import { PartnerTokensService } from './partner-tokens.service.js';

/** The token endpoint of partner systems (RFC 6749 s.3.2): client credentials in, a short-lived bearer token out. */
@ApiTags('partner API')
@Controller('oauth')
export class OAuthController {
  constructor(private readonly tokens: PartnerTokensService) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A partner system’s access token (OAuth 2.0 client credentials, RFC 6749 s.4.4): form-encoded grant_type=client_credentials, the client authenticated by HTTP Basic (client_secret_basic) or client_id and client_secret in the form (client_secret_post); optional scope. 401 invalid_client for an unknown or revoked client or a wrong secret',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ required: true, ...bodySchema(partnerTokenRequest) })
  async token(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const issued = await this.tokens.issue({ headers: req.headers, method: req.method, query: {}, body: req.body ?? {} });
    for (const [name, value] of Object.entries(issued.headers)) res.setHeader(name, value);
    return issued.body;
  }
}

import { Body, Controller, Get, Header, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type LoginBody, loginBody, type MeView, type LogoutBody, logoutBody, type RefreshBody, refreshBody, type SecondStepBody, secondStepBody } from '@raksha/contracts';
import { AuthService } from './auth.service.js';
import { CurrentPrincipal, DuringEnrolment, Public } from './decorators.js';
import type { Principal } from './principal.js';
import { bodySchema } from '../problem/openapi.js';

function bearerToken(authorization: string | undefined): string | undefined {
  const [scheme, token] = (authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Sign in: an access token (Bearer, short-lived) and a refresh token; for a person with the second step (TOTP) set up, a challenge instead, for POST /auth/mfa. ' +
      '401 alike for an unknown username, a wrong password or a disabled account; 429 with Retry-After after 5 failures for one username from one address. ' +
      'A session with enrolmentOnly may only set up the second step (POST /me/mfa/totp) until it is done',
  })
  @ApiBody({ ...bodySchema(loginBody) })
  login(@Body({ schema: loginBody }) body: LoginBody, @Ip() ip: string, @Headers('user-agent') userAgent?: string) {
    return this.auth.login(body.username, body.password, { ip, userAgent });
  }

  @Public()
  @Post('mfa')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "The second sign-in step: the login's challenge with the authenticator app's code (each code works once) or one recovery code. " +
      '401 naming the field for a wrong or used code, counted with wrong passwords (429 after 5 from one address)',
  })
  @ApiBody({ ...bodySchema(secondStepBody) })
  secondStep(@Body({ schema: secondStepBody }) body: SecondStepBody, @Ip() ip: string, @Headers('user-agent') userAgent?: string) {
    return this.auth.completeSecondStep(body, { ip, userAgent });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A new token pair for a refresh token, which stops working; replaying an old one ends the session' })
  @ApiBody({ ...bodySchema(refreshBody) })
  refresh(@Body({ schema: refreshBody }) body: RefreshBody, @Ip() ip: string, @Headers('user-agent') userAgent?: string) {
    return this.auth.refresh(body.refreshToken, { ip, userAgent });
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out: ends the session of the refresh token (or of the bearer access token), and every access token issued under it" })
  @ApiBody({ ...bodySchema(logoutBody), required: false })
  async logout(
    @Body({ schema: logoutBody }) body: LogoutBody,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<void> {
    await this.auth.logout(body.refreshToken, bearerToken(authorization), { ip, userAgent });
  }

  @Get('me')
  @DuringEnrolment()
  @ApiOperation({ summary: 'The signed-in principal: user, roles, body and its jurisdiction, session' })
  me(@CurrentPrincipal() p: Principal): MeView {
    // What the contract names, and no more (the request's own address stays out).
    const lapsedTerm = p.lapsed && { roles: p.lapsed.roles, ...p.lapsed.term };
    return { userId: p.userId, username: p.username, displayName: p.displayName, roles: p.roles, body: p.body, secondStep: p.secondStep, sessionId: p.sessionId, enrolmentOnly: p.enrolmentOnly, ...(lapsedTerm && { lapsedTerm }) };
  }
}

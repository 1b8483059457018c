import { Body, Controller, Header, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { passwordResetRequestBody, type PasswordResetRequestBody, setPasswordBody, type SetPasswordBody } from '@raksha/contracts';
import { Public } from '../auth/decorators.js';
import { bodySchema } from '../problem/openapi.js';
import { AccountLinksService } from './account-links.service.js';

/** The public half of onboarding: setting a password from a one-time link, and asking for a reset link. */
@ApiTags('auth')
@Controller('auth')
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Public()
  @Post('invitations/accept')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Sets your password from your invitation link (once, before it expires: else 410); then sign in with your email' })
  @ApiBody(bodySchema(setPasswordBody))
  async accept(@Body({ schema: setPasswordBody }) body: SetPasswordBody, @Ip() ip: string): Promise<void> {
    await this.links.setPassword('INVITATION', body.token, body.password, { ip });
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Sends a one-time reset link to the email if an active account has it; the same answer whether or not one does' })
  @ApiBody(bodySchema(passwordResetRequestBody))
  async requestReset(@Body({ schema: passwordResetRequestBody }) body: PasswordResetRequestBody, @Ip() ip: string): Promise<void> {
    await this.links.requestReset(body.email, { ip });
  }

  @Public()
  @Post('password-reset/complete')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Sets a new password from a reset link (once, before it expires: else 410); every session of the account ends' })
  @ApiBody(bodySchema(setPasswordBody))
  async completeReset(@Body({ schema: setPasswordBody }) body: SetPasswordBody, @Ip() ip: string): Promise<void> {
    await this.links.setPassword('PASSWORD_RESET', body.token, body.password, { ip });
  }
}

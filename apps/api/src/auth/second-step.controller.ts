import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type TotpConfirmBody, totpConfirmBody } from '@raksha/contracts';
import { CurrentPrincipal, DuringEnrolment } from './decorators.js';
import type { Principal } from './principal.js';
import { SecondStepService } from './second-step.service.js';
import { bodySchema } from '../problem/openapi.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me/mfa')
export class SecondStepController {
  constructor(private readonly secondStep: SecondStepService) {}

  @Post('totp')
  @HttpCode(200)
  @DuringEnrolment()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Starts setting up the second sign-in step: a new TOTP secret as a QR code, an otpauth URI and text to type (the same until confirmed); 409 once set up' })
  start(@CurrentPrincipal() principal: Principal) {
    return this.secondStep.startEnrolment(principal);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @DuringEnrolment()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Confirms the second step with the app's first code; answers 10 one-time recovery codes, shown this once. From then on sign-in asks for a code" })
  @ApiBody(bodySchema(totpConfirmBody))
  confirm(@CurrentPrincipal() principal: Principal, @Body({ schema: totpConfirmBody }) body: TotpConfirmBody) {
    return this.secondStep.confirmEnrolment(principal, body.code);
  }
}

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RakshaConfig } from '@raksha/config';
import type { PrivacyNoticeView } from '@raksha/contracts';
import { PRIVACY_NOTICE_VERSION, retentionRule } from '@raksha/domain';
import { Public } from '../auth/decorators.js';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';

/** DPDP Rules 2025 r.14(3): a grievance is answered within ninety days. */
const GRIEVANCE_ANSWER_DAYS = 90;

/**
 * The privacy notice's facts (DPDP Act s.5, DPDP Rules 2025 r.3): its version, how long a closed report is kept, whom
 * to write to. Its words, in each language, are the web app's (docs/privacy.md); anyone may read it, signed in or not.
 */
@ApiTags('privacy')
@Controller('privacy')
export class PrivacyController {
  constructor(@Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig) {}

  @Get('notice')
  @Public()
  @ApiOperation({ summary: 'The privacy notice shown to citizens before they file a report: its version, how long reports are kept, the grievance contact' })
  notice(): PrivacyNoticeView {
    return { version: PRIVACY_NOTICE_VERSION, reportRetentionDays: retentionRule('CHILD_REPORT').days, grievanceContact: this.config.grievanceContact, grievanceAnswerDays: GRIEVANCE_ANSWER_DAYS };
  }
}

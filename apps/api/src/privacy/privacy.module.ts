import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller.js';

/**
 * The Digital Personal Data Protection Act 2023 next to the JJ Act (docs/privacy.md). The notice lives here; a
 * citizen's own reports are the reports module's (/me/reports), retention the records-destruction module's, the
 * record of disclosures the partners module's: each next to the records it governs.
 */
@Module({ controllers: [PrivacyController] })
export class PrivacyModule {}

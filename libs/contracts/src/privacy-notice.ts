// The acknowledgement of the privacy notice a citizen's report carries (own file: reports.ts and privacy.ts both need it).
import { z } from 'zod';

export const NOTICE_LANGUAGES = ['en', 'hi', 'mr', 'bn'] as const;

/** Sent with a citizen's report: the version of the privacy notice they saw and acknowledged, and its language. */
export const privacyNoticeAcknowledgement = z.strictObject({
  version: z.string().trim().min(1).max(40),
  language: z.enum(NOTICE_LANGUAGES),
});
export type PrivacyNoticeAcknowledgement = z.infer<typeof privacyNoticeAcknowledgement>;


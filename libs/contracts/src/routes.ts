// What each route of the API answers (its 2xx JSON body), by `METHOD /path` as the API declares it. The API's tests
// parse every response with its route's schema; null marks a route that answers no JSON (a file, CSV, 204).
import { z } from 'zod';
import { accessLogPage } from './access-log.js';
import { importJobView } from './imports.js';
import { administeredBodyView, invitationView, personView, seatTermView } from './administration.js';
import { loginResponse, meView, recoveryCodesView, tokenResponse, totpEnrolmentView } from './auth.js';
import { admissionView, carePlanAnswer, eFileEntryView, occupancyView, residentView } from './care.js';
import { caseDetailView, casePage, caseStatus, registeredCase, timelineEntryView } from './cases.js';
import { childProfileVersionView, childProfileView } from './child-profile.js';
import { recordsDestructionView } from './records-destruction.js';
import { codecPayloads } from './codec.js';
import { dashboardCases, dashboardOverview, dashboardTrends } from './dashboards.js';
import { deliveryView, notificationSettingsView, webhookSecretView, webhookSubscriptionView } from './deliveries.js';
import { escalationView } from './escalations.js';
import { healthReport, liveness } from './health.js';
import { helplineCallStatus, interventionDetailView, interventionView } from './helpline.js';
import { notificationView } from './notifications.js';
import { districtPlace, localPlace, statePlace } from './places.js';
import { deadlinePolicyEntry } from './policy.js';
import { bodyPage, bodyView, importOutcome, institutionPage, institutionView, registryHistoryEntry } from './registries.js';
import { candidateDecision, candidatePage, contactVerificationRequested, contactVerified, matchCandidateView, reportPage, reportView } from './reports.js';
import { functioningView, inspectionMonthView, inspectionView, returnView, sittingMonthView, sittingView } from './sittings.js';
import { caseSummaryPage, caseSummaryView, eventFeedPage, partnerClientSecretView, partnerClientView, partnerTokenResponse } from './partners.js';
import { caseDocumentView, documentVerification } from './documents.js';
import { duplicateSuspectPage, duplicateSuspectView, likelyDuplicates } from './duplicates.js';
import { legacyDryRun, legacyImportStatus, legacyRejection } from './porting.js';
import { disclosurePage, ownReportPage, ownReportView, privacyNoticeView, retentionView } from './privacy.js';

export const API_RESPONSES = {
  'POST /auth/login': loginResponse,
  'POST /auth/mfa': tokenResponse,
  'POST /auth/refresh': tokenResponse,
  'POST /me/mfa/totp': totpEnrolmentView,
  'POST /me/mfa/totp/confirm': recoveryCodesView,
  'POST /auth/logout': null,
  'GET /auth/me': meView,
  'GET /health': healthReport,
  'GET /privacy/notice': privacyNoticeView,
  'GET /me/reports': ownReportPage,
  'GET /me/reports/:id': ownReportView,
  'PATCH /me/reports/:id': ownReportView,
  'POST /me/reports/:id/erasure': ownReportView,
  'GET /administration/retention': retentionView,
  'GET /partner-disclosures': disclosurePage,
  'GET /health/live': liveness,
  'GET /health/ready': healthReport,

  'POST /cases': registeredCase,
  'GET /cases': casePage,
  'GET /cases/queue': casePage,
  'GET /cases/mine': casePage,
  'POST /cases/:id/assignment': caseDetailView,
  'GET /cases/:id': caseDetailView,
  'GET /cases/:id/child': childProfileView,
  'PUT /cases/:id/child': childProfileView,
  'GET /cases/:id/child/versions': z.array(childProfileVersionView),
  'GET /cases/:id/escalations': z.array(escalationView),
  'GET /cases/:id/timeline': z.array(timelineEntryView),
  'GET /cases/:id/records-destruction': recordsDestructionView,
  'POST /cases/:id/records-destruction/hold': recordsDestructionView,
  'POST /cases/:id/records-destruction/lift': recordsDestructionView,
  'GET /cases/:id/access-log': accessLogPage,
  'GET /reports/:id/access-log': accessLogPage,
  'GET /people/:id/access-log': accessLogPage,
  'POST /cases/:id/events': caseStatus,

  'POST /cases/:id/admissions': admissionView,
  'GET /cases/:id/admissions': z.array(admissionView),
  'POST /admissions/:id/transfer': admissionView,
  'POST /admissions/:id/discharge': admissionView,
  'GET /institutions/:id/occupancy': occupancyView,
  'GET /institutions/:id/children': z.array(residentView),
  'POST /cases/:id/efile': eFileEntryView,
  'GET /cases/:id/efile': z.array(eFileEntryView),
  'GET /cases/:id/care-plan': carePlanAnswer,
  'GET /cases/:id/documents': z.array(caseDocumentView),
  'POST /cases/:id/documents': caseDocumentView,
  'GET /cases/:id/documents/:docId': null,
  'GET /cases/:id/documents/:docId/verify': documentVerification,

  'POST /helpline/v1/calls': helplineCallStatus,
  'GET /helpline/v1/calls/:callId': helplineCallStatus,
  'GET /interventions': z.array(interventionView),
  'GET /interventions/:id': interventionDetailView,
  'POST /interventions/:id/reached': interventionDetailView,
  'POST /interventions/:id/rescued': interventionDetailView,
  'POST /interventions/:id/closed': interventionDetailView,

  'GET /escalations': z.array(escalationView),
  'GET /escalations/:id': escalationView,
  'POST /escalations/:id/acknowledge': escalationView,
  'POST /escalations/:id/resolve': escalationView,

  'GET /states/:stateCode/deadline-policy': z.array(deadlinePolicyEntry),
  'PUT /states/:stateCode/deadline-policy/:deadlineId': deadlinePolicyEntry,

  'GET /notifications': z.array(notificationView),
  'POST /notifications/:id/read': notificationView,
  'GET /cases/:id/deliveries': z.array(deliveryView),
  'GET /deliveries': z.array(deliveryView),
  'POST /deliveries/:id/retry': deliveryView,
  'POST /sms/receipts': null,
  'GET /me/notification-settings': notificationSettingsView,
  'PUT /me/notification-settings': notificationSettingsView,
  'GET /webhook-subscriptions': z.array(webhookSubscriptionView),
  'POST /webhook-subscriptions': webhookSecretView,
  'POST /webhook-subscriptions/:id/rotate-secret': webhookSecretView,
  'DELETE /webhook-subscriptions/:id': null,

  'POST /reports/missing': reportView,
  'POST /reports/found': reportView,
  'GET /reports': reportPage,
  'GET /reports/:id': reportView,
  'GET /reports/:id/photo': null,
  'POST /reports/:id/accept': reportView,
  'POST /reports/:id/close': reportView,
  'POST /reports/:id/case': reportView,
  'GET /reports/:id/candidates': candidatePage,
  'POST /reports/duplicates': likelyDuplicates,
  'POST /cases/duplicates': likelyDuplicates,
  'GET /duplicates': duplicateSuspectPage,
  'POST /duplicates/:id/merge': duplicateSuspectView,
  'POST /duplicates/:id/dismiss': duplicateSuspectView,
  // 200 with the dry run's outcome (dryRun=true: nothing stored), else 202 with the staged import to follow
  'POST /imports/legacy': z.union([legacyDryRun, legacyImportStatus]),
  'GET /imports/legacy/:id': legacyImportStatus,
  'GET /imports/legacy/:id/rejections': z.object({ items: z.array(legacyRejection), offset: z.number().int(), limit: z.number().int() }),
  'GET /match-candidates/:id': matchCandidateView,
  'POST /match-candidates/:id/decision': candidateDecision,
  'POST /me/contact-verifications': contactVerificationRequested,
  'POST /me/contact-verifications/confirm': contactVerified,

  'GET /institutions': institutionPage,
  'POST /institutions': institutionView,
  'GET /institutions/import/template': null,
  'POST /institutions/import': importOutcome,
  'GET /institutions/:id': institutionView,
  'PATCH /institutions/:id': institutionView,
  'GET /institutions/:id/history': z.array(registryHistoryEntry),
  'GET /bodies': bodyPage,
  'GET /bodies/:id': bodyView,
  'GET /bodies/:id/history': z.array(registryHistoryEntry),
  'PUT /bodies/:id/members': bodyView,
  'PUT /bodies/:id/sitting-days': bodyView,
  'PUT /bodies/:id/sittings/:day': sittingView,
  'GET /bodies/:id/sittings': sittingMonthView,
  'POST /institutions/:id/inspections': inspectionView,
  'GET /institutions/:id/inspections': inspectionMonthView,
  'PUT /bodies/:id/returns/:dutyId/:quarter': returnView,
  'GET /bodies/:id/returns': z.array(returnView),
  'GET /dashboards/functioning': functioningView,
  'POST /bodies': administeredBodyView,
  'PATCH /bodies/:id': administeredBodyView,
  'POST /bodies/:id/deactivate': administeredBodyView,
  'GET /people': z.array(personView),
  'GET /people/terms-ending': z.array(seatTermView),
  'POST /people/invitations': invitationView,
  'POST /people/:id/deactivate': personView,
  'POST /people/:id/move': personView,
  'PUT /people/:id/term': personView,
  'POST /people/:id/mfa/reset': personView,
  'POST /auth/invitations/accept': null,
  'POST /auth/password-reset': null,
  'POST /auth/password-reset/complete': null,

  /** format=csv answers text/csv, which is not checked */
  'GET /dashboards/overview': dashboardOverview,
  'GET /dashboards/trends': dashboardTrends,
  'GET /dashboards/cases': dashboardCases,
  'GET /places/states': z.array(statePlace),
  'GET /places/states/:stateCode/districts': z.array(districtPlace),
  'GET /places/districts/:districtCode/local': z.array(localPlace),
  'GET /places/import/template': null,
  'POST /places/import': z.union([importOutcome, importJobView]),
  'GET /people/import/template': null,
  'POST /people/import': z.union([importOutcome, importJobView]),
  'GET /imports/:id': importJobView,

  'POST /codec/encode': codecPayloads,
  'POST /codec/decode': codecPayloads,

  'POST /oauth/token': partnerTokenResponse,
  'POST /partner-clients': partnerClientSecretView,
  'GET /partner-clients': z.array(partnerClientView),
  'GET /partner-clients/:id': partnerClientView,
  'POST /partner-clients/:id/rotate-secret': partnerClientSecretView,
  'POST /partner-clients/:id/revoke': partnerClientView,
  'GET /partner/v1/reports': reportPage,
  'GET /partner/v1/reports/:id': reportView,
  'POST /partner/v1/reports': reportView,
  'GET /partner/v1/cases': caseSummaryPage,
  'GET /partner/v1/cases/:caseNumber': caseSummaryView,
  'GET /partner/v1/events': eventFeedPage,
} as const satisfies Record<string, z.ZodType | null>;

export type ApiRoute = keyof typeof API_RESPONSES;
/** What a route answers, e.g. `ApiResponse<'GET /cases/:id'>`. */
export type ApiResponse<R extends ApiRoute> = (typeof API_RESPONSES)[R] extends z.ZodType ? z.infer<(typeof API_RESPONSES)[R]> : never;

export { createDb, type Db, type DbTransaction } from './client.js';
export { attestationOf, auditHash, DESTROYED_MARK, detailDigest, GENESIS_HASH, isDestroyedDetail, RECORDS_DESTROYED_ACTION, REPORT_ERASED_ACTION } from './audit-chain.js';
export { pingDatabase } from './health.js';
export { AccessLogRepository, type AccessedRecord, type AccessLogRow, type AccessLogWindow } from './repositories/access-log.repository.js';
export { ImportJobRepository, type ImportJobRecord } from './repositories/import-job.repository.js';
export { AuditRepository, type AuditRecord, type ChainBreak } from './repositories/audit.repository.js';
export { BodyRepository, type BodyRecord } from './repositories/body.repository.js';
export {
  CaseRepository,
  type AssignmentRecord,
  type CaseListFilter,
  type CaseRegistrationRecord,
  type EscalationActionRecord,
  type EscalationRecord,
  type OpenDeadlineRecord,
  type TransitionRecord,
} from './repositories/case.repository.js';
export { EscalationRepository, type BodyEscalationActionRecord, type BodyEscalationRecord, type EscalationFilter } from './repositories/escalation.repository.js';
export { GeographyRepository } from './repositories/geography.repository.js';
export { NotificationRepository, type InboxMessage } from './repositories/notification.repository.js';
export { SessionRepository, type NewSessionRecord } from './repositories/session.repository.js';
export { SecondStepRepository, type TotpRecord } from './repositories/second-step.repository.js';
export { UserRepository, type NewUserRecord } from './repositories/user.repository.js';
export { DeadlinePolicyRepository, type DeadlinePolicyChange } from './repositories/deadline-policy.repository.js';
export { Sealer, SealError } from './sealing.js';
export { isSealedBytes, openedBytes, openedJson, openedStepPayload, openedText, SEALED_STEP_FIELDS, sealedBytes, sealedFieldBinding, sealedJson, sealedStepPayload, sealedText } from './sealed-fields.js';
export { SEALED_COLUMNS, SealedFieldsRepository, type KeyCensus, type ResealOutcome } from './repositories/sealed-fields.repository.js';
export { AdmissionRepository, type AdmissionRecord, type AdmitOutcome, type NewAdmission, type OccupancyRow, type StayChangeRecord } from './repositories/admission.repository.js';
export { EFileRepository, SEALED_SECTIONS, type EFileEntryRecord, type NewEFileEntry } from './repositories/efile.repository.js';
export { COMMON_KEY_REPORTS, ReportRepository, type CandidateRow, type CandidateScore, type CandidateSearch, type ChildReportRow, type NewChildReport, type ReportFilter, type ReportKeys, type StaleKeyedReport } from './repositories/report.repository.js';
export { FaceRepository, descriptorBytes, descriptorOf, type FaceDescriptorRecord, type FaceStatus, type PhotoSearch } from './repositories/face.repository.js';
export { ContactVerificationRepository } from './repositories/contact-verification.repository.js';
export { BodyRosterRepository, InstitutionRepository, registryChain, type BodyChanges, type BodyRosterRecord, type ChangeOutcome, type NewBody, type InstitutionRecord, type InstitutionChanges, type MemberRecord, type NewInstitution, type RegistryAuditEntry } from './repositories/institution.repository.js';
export { CwcSittingRepository, type CwcSittingRecord } from './repositories/cwc-sitting.repository.js';
export { BodyDutyRepository, type BodyReturnRecord, type CciInspectionRecord, type DutyBody } from './repositories/body-duty.repository.js';
export { DeliveryRepository, type DeliveryStatus, type NewDelivery, type NoticeRecipient } from './repositories/delivery.repository.js';
export { OperationsRepository } from './repositories/operations.repository.js';
export { DigestRepository, type DigestCounts, type DigestPlace, type DigestReader } from './repositories/digest.repository.js';
export { DashboardRepository, type DashboardScope } from './repositories/dashboard.repository.js';
export { TrendsRepository, type MonthlyFlows, type TrendScope } from './repositories/trends.repository.js';
export { createMatchingPool, poolMatchingSql, prismaMatchingSql, type MatchingSql } from './matching-sql.js';
export { PeopleRepository, NO_PASSWORD_YET, seatOf, seatOutOfTerm, SeatsFilled, type AccountLinkPurpose, type AdministratorGuard, type NewAccountLink, type NewPerson, type PersonChangeOutcome, type PersonRecord, type PersonSeat, type RosterSeatRecord, type SeatCheck, type SeatPlacement, type SeatTermRecord } from './repositories/people.repository.js';
export { InterventionRepository, interventionChain, type HelplineCallRecord, type InterventionFilter, type InterventionStepRecord, type NewIntervention } from './repositories/intervention.repository.js';
export { PartnerRepository, type CaseSummaryRow, type NewPartnerClient, type PartnerClientRecord, type PartnerEventRow, type PartnerScopeFilter } from './repositories/partner.repository.js';
export { LegacyImportRepository, type LegacyImportRecord, type NewLegacyImport, type PortedReport, type RowOutcome, type StagedRow } from './repositories/legacy-import.repository.js';
export { caseKeyTerms, duplicateTerms, DuplicateRepository, type CaseDuplicateSearch, type DuplicateFilter, type NewDuplicateSuspect, type ReportDuplicateCandidate, type ReportDuplicateSearch } from './repositories/duplicate.repository.js';
export { DocumentRepository, documentChain, type CaseDocumentRecord, type NewCaseDocument, type OrderStep, type RecordedDocumentHash } from './repositories/document.repository.js';
export { DESTROYED_NOTICE, emptyReports, RecordsDestructionRepository, recordsDestructionChain, type DestroyOutcome, type ReportErasureRecord, type RetentionCutoffs, type DestructionSchedule, type HoldChange, type RecordsDestructionRow } from './repositories/records-destruction.repository.js';
export { ChildProfileRepository, type ChildProfileVersionRecord, type NewChildProfileVersion } from './repositories/child-profile.repository.js';
export { PrivacyRepository, type NewDisclosure, type NoticeAcknowledgement, type DisclosureFilter } from './repositories/privacy.repository.js';

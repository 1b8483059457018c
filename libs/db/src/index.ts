export { createDb, type Db, type DbTransaction } from './client.js';
export { auditHash, GENESIS_HASH } from './audit-chain.js';
export { pingDatabase } from './health.js';
export { AuditRepository, type AuditRecord, type ChainBreak } from './repositories/audit.repository.js';
export { CaseRepository, type TransitionRecord, type CaseRegistrationRecord } from './repositories/case.repository.js';
export { GeographyRepository } from './repositories/geography.repository.js';
export { NotificationRepository, type InboxMessage } from './repositories/notification.repository.js';

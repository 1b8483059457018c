// The HTTP half of the contracts: what each endpoint takes and answers, one file per feature, zod only, so the web
// app imports it as the API does. Temporal's handles live in '@raksha/contracts/temporal', which may import this.
export { cursorPage, type Page, startsLikeFormula } from './shared.js';
export { auditCursorParam, type AuditCursor, decodeAuditCursor, encodeAuditCursor, decodeIdCursor, decodeTimeCursor, encodeIdCursor, encodeTimeCursor, idCursorParam, timeCursorParam, type TimeCursor } from './cursor.js';
export * from './access-log.js';
export * from './administration.js';
export * from './auth.js';
export * from './cases.js';
export * from './care.js';
export * from './dashboards.js';
export * from './deliveries.js';
export * from './escalations.js';
export * from './health.js';
export * from './codec.js';
export * from './imports.js';
export * from './notifications.js';
export * from './places.js';
export * from './policy.js';
export * from './registries.js';
export * from './reports.js';
export * from './sittings.js';
export * from './problem.js';
export * from './field-issues.js';
export * from './routes.js';
export * from './web-links.js';

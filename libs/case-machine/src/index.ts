export * from './time.js';
export * from './policy.js';
export * from './events.js';
export * from './authority.js';
export { caseInputSchema, type CaseInput, type CaseContext, type DeadlineClock } from './context.js';
export { caseMachine, CASE_PHASES, NOTICE_TARGETS, type CaseMachine, type CasePhase, type CaseStateMeta, type NotifyParams, type NoticeTarget } from './machine.js';
export { guards, type GuardName } from './guards.js';
export { sampleEvents } from './samples.js';
export * from './runtime.js';

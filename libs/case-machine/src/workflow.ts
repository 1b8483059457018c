// What a case workflow imports (`@raksha/case-machine/workflow`): the machine and its pure
// runtime, without the exported Zod schemas, so a worker can preload it once per thread and share
// it, deep-frozen, across every workflow (apps/worker/src/workflow-bundle.ts).
export * from './time.js';
export * from './policy.js';
export * from './events.js';
export * from './authority.js';
export type { CaseInput, CaseContext, DeadlineClock } from './context.js';
export {
  caseMachine,
  CASE_PHASES,
  NOTICE_TARGETS,
  type CaseMachine,
  type CasePhase,
  type CaseStateMeta,
  type CaseTransitionMeta,
  type MilestoneMark,
  type NotifyParams,
  type NoticeTarget,
} from './machine.js';
export { guards, type GuardName } from './guards.js';
export { sampleEvents, SAMPLE_ICP_GOALS } from './samples.js';
export * from './runtime.js';
export * from './step.js';
export * from './history.js';
export type { CaseMilestones, DeadlineChanges } from '@raksha/domain';
export * from './body-duties.js';
export * from './placements.js';
export * from './interventions.js';

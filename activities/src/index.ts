// Activities: the only place a case workflow's decisions touch PostgreSQL and Redis.
// Dates cross the workflow boundary as ISO strings; these turn them back into Dates.
import { ApplicationFailure } from '@temporalio/common';
import type { Queue } from 'bullmq';
import { enqueueNotifications, enqueueOrderDocument, isOrderEvent, type NotificationJob, type OrderDocumentQueue } from '@raksha/contracts';
import type { AssignmentRecord, CaseRepository, EscalationActionRecord, EscalationRecord, RecordsDestructionRepository, TransitionRecord } from '@raksha/db';
import { destructionDecision, type CaseMilestones } from '@raksha/domain';
import { nameSearchKeys } from '@raksha/matching';
import type { Serialised } from './serialised.js';
import { caseKeys } from './duplicates.js';

export interface ActivityDeps {
  cases: CaseRepository;
  notifications: Pick<Queue<NotificationJob>, 'add'>;
  /** an order's step queues the making of its documents (docs/documents.md) */
  orderDocuments: OrderDocumentQueue;
  /** s.24(2): a CICL case's records scheduled for destruction when it closes */
  destructions: Pick<RecordsDestructionRepository, 'schedule'>;
}

/**
 * A closed case that s.24 covers gets its destruction's due time (libs/domain records-destruction.ts), from its steps as
 * recorded. Run for the closing step whether or not this attempt wrote it, so a retry after a crash still schedules.
 */
async function scheduleDestruction(deps: ActivityDeps, caseId: string, closedAt: Date): Promise<void> {
  const row = await deps.cases.findById(caseId);
  if (!row) return;
  const decision = destructionDecision(row.track, await deps.cases.timeline(caseId), closedAt);
  if (decision.scheduled) await deps.destructions.schedule({ caseId, ground: decision.ground, orderAt: decision.orderAt, closedAt, dueAt: decision.dueAt });
}

/**
 * `notices` are enqueued once the step is on record: one local activity per step, no separate `notify`.
 * `milestones` are what the case machine marks the step as reaching (production, SIR, restoration, closure).
 */
export type TransitionInput = Serialised<TransitionRecord> & { notices?: NotificationJob[] };
export type EscalationInput = Serialised<EscalationRecord> & { notices?: NotificationJob[] };
export type EscalationActionInput = Serialised<EscalationActionRecord>;
export type AssignmentInput = Serialised<AssignmentRecord>;

function date(iso: string, field: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    throw ApplicationFailure.create({ nonRetryable: true, type: 'InvalidActivityInput', message: `${field} is not a time: ${iso}` });
  }
  return d;
}

/** The milestones' times back into Dates; the flags as they came. */
function milestoneDates(m: CaseMilestones): CaseMilestones<Date> {
  const { producedAt, sirSubmittedAt, restoredAt, closedAt, ...flags } = m;
  return {
    ...flags,
    ...(producedAt !== undefined && { producedAt: date(producedAt, 'milestones.producedAt') }),
    ...(sirSubmittedAt !== undefined && { sirSubmittedAt: date(sirSubmittedAt, 'milestones.sirSubmittedAt') }),
    ...(restoredAt !== undefined && { restoredAt: date(restoredAt, 'milestones.restoredAt') }),
    ...(closedAt !== undefined && { closedAt: date(closedAt, 'milestones.closedAt') }),
  };
}

/**
 * The registration as the case row keeps it, with the child's name keys for the duplicate search (from the name the
 * row keeps: a case begun by a helpline call registers on the call's step, whose payload is the call's).
 */
function registrationRecord(r: NonNullable<TransitionInput['registration']>) {
  const registeredAt = date(r.registeredAt, 'registeredAt');
  // nameKeys: every case is found by its child's name in any script, however it began (a registration, a call, an import)
  return { ...r, registeredAt, nameKeys: nameSearchKeys(r.childName ? [r.childName] : []), childKeys: caseKeys({ ...(r.childName && { child: { name: r.childName } }), stateCode: r.stateCode, districtCode: r.districtCode, registeredAt }) };
}

export function createActivities(deps: ActivityDeps) {
  return {
    /**
     * Case row + timeline entry + audit entry in one transaction, then its notices; a retry writes
     * nothing twice (the transaction is keyed by (caseId, sequence), each job by its dedupe key).
     */
    async recordTransition({ notices, ...input }: TransitionInput): Promise<{ written: boolean }> {
      const written = await deps.cases.recordTransition({
        ...input,
        occurredAt: date(input.occurredAt, 'occurredAt'),
        registration: input.registration && registrationRecord(input.registration),
        milestones: input.milestones && milestoneDates(input.milestones),
      });
      if (input.phase === 'CLOSED') await scheduleDestruction(deps, input.caseId, date(input.occurredAt, 'occurredAt'));
      if (notices?.length) await enqueueNotifications(deps.notifications, notices);
      // Queued after the step is on record, on every attempt (the job id is the step); an order imported from a
      // paper register has its paper and gets no document.
      if (isOrderEvent(input.eventType) && input.importedFrom === undefined) await enqueueOrderDocument(deps.orderDocuments, { caseId: input.caseId, sequence: input.sequence });
      return { written };
    },

    /** Escalation row + timeline entry + audit entry in one transaction, then its notices; a retry writes nothing twice. */
    async raiseEscalation({ notices, ...input }: EscalationInput): Promise<{ written: boolean }> {
      const written = await deps.cases.recordEscalation({
        ...input,
        occurredAt: date(input.occurredAt, 'occurredAt'),
        escalation: { ...input.escalation, dueAt: date(input.escalation.dueAt, 'dueAt') },
      });
      if (notices?.length) await enqueueNotifications(deps.notifications, notices);
      return { written };
    },

    async recordEscalationAction(input: EscalationActionInput): Promise<{ written: boolean }> {
      const written = await deps.cases.recordEscalationAction({ ...input, occurredAt: date(input.occurredAt, 'occurredAt') });
      return { written };
    },

    /** The case's assignee and its CASE_ASSIGNED timeline entry; a retry writes nothing twice. */
    async recordAssignment(input: AssignmentInput): Promise<{ written: boolean }> {
      const written = await deps.cases.recordAssignment({ ...input, occurredAt: date(input.occurredAt, 'occurredAt') });
      return { written };
    },

    /** One BullMQ job per recipient; the job id is the dedupe key, so a retried activity enqueues once. */
    async notify(jobs: NotificationJob[]): Promise<void> {
      await enqueueNotifications(deps.notifications, jobs);
    },
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
export { createInstitutionActivities, type BodyEscalationInput, type InstitutionActivities, type InstitutionActivityDeps } from './institution.activities.js';
export { createMatcher, type Matcher, type MatchOutcome } from './matching.js';
export { createRekeyer, type RekeyDeps, type RekeyOutcome, type Rekeyer } from './rekey.js';
export { createInterventionActivities, type InterventionActivities, type InterventionActivityDeps, type InterventionStepInput } from './intervention.activities.js';
export { caseDuplicates, duplicateRecords, keyStoredCases, reportDuplicates, reportDuplicatesOfEach, type CaseSubject, type DuplicateRecords, type ReportSubject } from './duplicates.js';
export { createLegacyImporter, dryRunLegacyImport, enqueueLegacyImport, IMPORT_BATCH, importPermissions, importsCases, legacyCaseId, legacyReportId, type CaseStarter, LegacySourceError, loadLegacySource, readExport, stageLegacyImport, type Importer, type ImportRunOptions, type ImportScope, type LegacyImportDeps, type LegacyImporter } from './legacy-import.js';
export { assessDuty, dutyDoneLate, dutyLadderOf, watchMissedDuties, type DutyAssessment, type DutyWatchDeps } from './body-duties.js';

// One workflow per child's case. It hosts the case's state (case-state.ts): answers its Updates and
// Queries one step at a time, arms the statutory deadlines of the state it is in, runs each step's
// record as a local activity, and continues as new before its history grows large.
import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, currentUpdateInfo, patched, proxyLocalActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { CaseActivities } from '@raksha/activities';
import type { CaseStatus } from '@raksha/contracts';
import { applyEventUpdate, assignCaseUpdate, CASE_EVENT_REJECTED, caseEventFingerprint, type CaseActor, caseContextQuery, type CaseEventRejection, type CaseRegistration, caseRegistrationQuery, caseStatusQuery, DEFAULT_STEPS_PER_RUN, registrationUpdate, SYSTEM_CASE_ACTOR } from '@raksha/contracts/temporal';
import { DeadlineAlarm } from './alarm.js';
import { CaseState, type CaseCarryOver } from './case-state.js';
import { handleEscalationActions } from './escalation-actions.js';
import { WorkflowLock } from './lock.js';
import { searchPositionPublisher } from './search-position.js';

export type { CaseCarryOver } from './case-state.js';

// Local activities: a step is one server round trip (no activity task, no second workflow task). Each is
// idempotent by (caseId, sequence) and its notices by dedupe key, so a step replayed after a worker died writes once.
const { recordTransition, raiseEscalation, recordEscalationAction, recordAssignment } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '15 seconds', // one DB transaction and its enqueues
  // Infrastructure errors retry until the database or Redis is back; business failures are non-retryable.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds', // longer backoffs wait on a workflow timer, not an open workflow task
});

/**
 * Runs that began after this patch keep their deadline timer across events that leave the next wake-up time
 * unchanged, and upsert only the search attributes that changed. Runs recorded before it replay the old commands.
 */
export const FEWER_STEP_COMMANDS_PATCH = 'case-step-fewer-commands';

const now = () => new Date().toISOString();
const rejectEvent = (r: CaseEventRejection) => ApplicationFailure.create({ type: CASE_EVENT_REJECTED, message: r.message, details: [r], nonRetryable: true });
/** An earlier answer under the same Idempotency-Key: the answer for the same request, a rejection for another. */
const answerOf = (earlier: { status: CaseStatus } | { rejection: CaseEventRejection }): CaseStatus => {
  if ('rejection' in earlier) throw rejectEvent(earlier.rejection);
  return earlier.status;
};

export async function caseWorkflow(registration: CaseRegistration, carried?: CaseCarryOver): Promise<void> {
  // Decided once, in the run's first workflow task, so a run never mixes the two command sequences.
  const fewerCommands = patched(FEWER_STEP_COMMANDS_PATCH);
  const state = new CaseState(registration, carried);
  let registered = state.carried;
  // One step at a time: events, escalations and system events never interleave.
  const lock = new WorkflowLock(() => registered);
  const stepsPerRun = registration.stepsPerRun ?? DEFAULT_STEPS_PER_RUN;
  const runFull = () => state.stepsThisRun >= stepsPerRun;
  const publishPosition = searchPositionPublisher(state.caseId, fewerCommands);

  /** Steps the machine by one event and records it; the caller holds the lock. */
  async function applyEvent(type: string, payload: Record<string, unknown>, actor: CaseActor, expectedSequence?: number, updateId?: string, past?: { at: string; importedFrom: string }): Promise<void> {
    const at = past?.at ?? now();
    const prepared = state.prepareValidated(updateId, type, payload, at, expectedSequence);
    if (prepared.rejection) throw rejectEvent(prepared.rejection);
    await recordTransition(state.transitionRecord(prepared.next, type, payload, actor, at, past?.importedFrom));
    state.stepped(prepared.next);
    publishPosition(state.snapshot);
  }

  setHandler(caseStatusQuery, () => state.status(now()));
  setHandler(caseRegistrationQuery, () => registration);
  setHandler(caseContextQuery, () => ({ ...state.snapshot.context }) as unknown as Record<string, unknown>);
  setHandler(registrationUpdate, async () => {
    await condition(() => registered);
    return state.status(now());
  });

  setHandler(
    applyEventUpdate,
    async (req) => {
      const updateId = currentUpdateInfo()?.id;
      const fingerprint = caseEventFingerprint(req);
      const earlier = state.answerTo(req.idempotencyKey, fingerprint, updateId);
      if (earlier) return answerOf(earlier);
      return lock.runExclusive(async () => {
        // Checked again under the lock: another event may have moved the case while this one waited.
        const again = state.answerTo(req.idempotencyKey, fingerprint, updateId);
        if (again) return answerOf(again);
        await applyEvent(req.type, req.payload, req.actor, req.expectedSequence, updateId);
        const result = state.status(now());
        state.answered(req.idempotencyKey, fingerprint, result);
        return result;
      });
    },
    {
      validator: (req) => {
        const earlier = state.answerTo(req.idempotencyKey, caseEventFingerprint(req));
        if (earlier) return void answerOf(earlier);
        const at = now();
        const prepared = state.prepare(req.type, req.payload, at, req.expectedSequence);
        if (prepared.rejection) throw rejectEvent(prepared.rejection);
        const updateId = currentUpdateInfo()?.id;
        if (updateId !== undefined) state.validated(updateId, at, prepared);
      },
    },
  );

  handleEscalationActions({
    ledger: state.escalations,
    lock,
    owner: () => `case ${state.caseId}`,
    record: (entry, req) => recordEscalationAction(state.escalationActionRecord(entry, req, now())),
    recorded: () => state.escalationActed(),
  });

  // Assignment is not an event of the machine: it takes a timeline step under the lock like one. The same
  // assignee again (a retried request) answers the assignment on record and writes nothing; so does a hand-over
  // from someone who no longer works the case.
  setHandler(assignCaseUpdate, (req) =>
    lock.runExclusive(async () => {
      const current = state.assignment;
      if ((current?.assigneeId ?? null) === req.assigneeId) return current ?? null;
      if (req.fromAssigneeId !== undefined && current?.assigneeId !== req.fromAssigneeId) return current ?? null;
      const record = state.assignmentRecord(req, now());
      await recordAssignment(record);
      return state.assigned(record);
    }),
  );

  /** A deadline rung fell due with the obligation unmet: record the escalation and tell the body. */
  async function escalate(key: string): Promise<void> {
    const at = now();
    const due = state.rungDue(key, at);
    if (!due) return;
    const record = state.escalationRecord(due, uuid4(), at);
    await raiseEscalation(record);
    state.escalated(due, record);
  }

  publishPosition(state.snapshot);
  if (!state.carried) {
    for (const step of state.registrationRecords()) await recordTransition(step);
    // An imported case's history, at its own times, as the importer replayed it (checked whole before the start).
    const imported = registration.imported;
    for (const e of imported?.history ?? []) await applyEvent(e.type, e.payload, registration.registeredBy, undefined, undefined, { at: e.at, importedFrom: imported!.register });
    registered = true;
  }

  // The deadline loop: sleep until the next rung or statutory consequence falls due, or until
  // an event changes the case (which re-arms everything from the machine's policy).
  // A closed case stays open to its officers until every escalation on it is resolved.
  const alarm = new DeadlineAlarm();
  while (!state.finished && !runFull()) {
    const { rung, consequence } = state.nextDue();
    const rungAt = rung ? Date.parse(rung.fireAt) : Infinity;
    const consequenceAt = consequence ? Date.parse(consequence.at) : Infinity;
    const wakeAt = Math.min(rungAt, consequenceAt);
    const seen = lock.released;
    const changed = () => lock.released !== seen || runFull();
    const woken = fewerCommands
      ? await alarm.sleepUntilDueOrChanged(wakeAt, changed)
      : wakeAt === Infinity
        ? await condition(changed)
        : wakeAt <= Date.now()
          ? false
          : await condition(changed, wakeAt - Date.now());
    if (woken) continue;
    if (consequenceAt <= rungAt && consequence) {
      // A statutory consequence (s.14(4)) is an event of the machine, sent by the system.
      await lock.runExclusive(async () => {
        if (state.consequenceDue(consequence.type)) await applyEvent(consequence.type, {}, SYSTEM_CASE_ACTOR);
      });
    } else if (rung) {
      await lock.runExclusive(() => escalate(rung.key));
    }
  }

  if (!state.finished) {
    // Keep history small for cases that stay in care for years: carry everything into a new run.
    await condition(() => !lock.held && allHandlersFinished());
    await continueAsNew<typeof caseWorkflow>(registration, state.carryOver());
  }
  await condition(() => !lock.held && allHandlersFinished());
}

// One workflow per child's case. It hosts the JJ-Act machine: validates each event against it,
// steps it with the pure transition, arms the statutory deadlines of the state it is in, and
// leaves every side effect (projection, audit, escalation, notification) to local activities.
import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import type { CaseActivities } from '@raksha/activities';
import {
  allowedEvents,
  describeState,
  initialCaseSnapshot,
  openDeadlines,
  parseCaseEvent,
  persistCaseSnapshot,
  restoreCaseSnapshot,
  scheduledSystemEvents,
  stepCaseEvent,
  type CaseEvent,
  type CaseSnapshot,
  type CaseStep,
  type PersistedCaseSnapshot,
} from '@raksha/case-machine/workflow';
import type { CaseEscalation, CaseStatus } from '@raksha/contracts';
import {
  applyEventUpdate,
  CaseIdAttribute,
  CasePhaseAttribute,
  CaseStateAttribute,
  DistrictCodeAttribute,
  StateCodeAttribute,
  TrackAttribute,
  CASE_EVENT_REJECTED,
  caseContextQuery,
  caseRegistrationQuery,
  caseStatusQuery,
  DEFAULT_STEPS_PER_RUN,
  ESCALATION_ACTION_REJECTED,
  escalationActionUpdate,
  registrationUpdate,
  SYSTEM_CASE_ACTOR,
  type CaseActor,
  type CaseEventRejection,
  type CaseRegistration,
  type EscalationActionRejection,
  type EscalationActionRequest,
} from '@raksha/contracts/temporal';
import { TRACK_BODY } from '@raksha/domain';
import { escalationActionRejection, nextDueRung } from './escalation-ladder.js';
import { noticeJobs } from './notices.js';

// Local activities: the projection runs inside the workflow task that decided it, so a step is one
// server round trip (no activity task, no second workflow task). Each is idempotent by
// (caseId, sequence) and its notices by dedupe key: a worker that dies mid-step leaves the
// workflow task to time out, and the next worker replays and runs the step again, writing once.
const { recordTransition, raiseEscalation, recordEscalationAction } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '15 seconds', // one DB transaction and its enqueues
  // Infrastructure errors retry with backoff until the database or Redis is back; business
  // failures are non-retryable ApplicationFailures.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  // Longer backoffs wait on a workflow timer rather than keep the workflow task open.
  localRetryThreshold: '10 seconds',
});

/** What a case carries into its next run when it continues as new. */
export interface CaseCarryOver {
  snapshot: PersistedCaseSnapshot;
  sequence: number;
  escalations: (CaseEscalation & { key: string })[];
  /** Recent idempotency keys and their answers, so a retried request still gets the first answer. */
  answered: [string, CaseStatus][];
}

const ANSWERS_KEPT = 1000;

/**
 * Runs that began after this patch keep their deadline timer across events that leave the next
 * wake-up time unchanged, and upsert only the search attributes that changed: fewer commands per
 * step. Runs recorded before it replay the old commands (a timer cancelled and restarted, and every
 * attribute upserted, after each step).
 */
export const FEWER_STEP_COMMANDS_PATCH = 'case-step-fewer-commands';

/** Where the case is now: after a hand-off or an escorted transfer, no longer where it was registered. */
const jurisdictionOf = (s: CaseSnapshot) => ({ track: s.context.track, districtCode: s.context.districtCode, stateCode: s.context.stateCode });

export async function caseWorkflow(registration: CaseRegistration, carried?: CaseCarryOver): Promise<void> {
  // Decided once, in the run's first workflow task, so a run never mixes the two command sequences.
  const fewerCommands = patched(FEWER_STEP_COMMANDS_PATCH);
  const caseId = registration.caseId;
  let snapshot: CaseSnapshot = carried
    ? restoreCaseSnapshot(carried.snapshot)
    : initialCaseSnapshot({
        caseId,
        track: registration.track,
        registeredAt: registration.registeredAt,
        child: { ageYears: registration.child.ageYears, gender: registration.child.gender },
        districtCode: registration.districtCode,
        stateCode: registration.stateCode,
        ...(registration.deadlinePolicy ? { deadlinePolicy: registration.deadlinePolicy } : {}),
      });
  let sequence = carried?.sequence ?? 0;
  const escalations = new Map((carried?.escalations ?? []).map((e) => [e.key, e]));
  const answered = new Map(carried?.answered ?? []);
  const escalationAnswers = new Map<string, CaseEscalation>();
  let registered = carried !== undefined;
  let busy = false; // one step at a time: events, escalations and system events never interleave
  let changes = 0;
  let stepsThisRun = 0;
  const stepsPerRun = registration.stepsPerRun ?? DEFAULT_STEPS_PER_RUN;

  const escalationList = (): CaseEscalation[] => [...escalations.values()].map(({ key: _key, ...e }) => e);
  // allowedEvents tries sample events of every type against the machine: once per snapshot and time.
  let allowedMemo: { snapshot: CaseSnapshot; at: string; events: ReturnType<typeof allowedEvents> } | undefined;
  const allowedNow = (at: string) => {
    if (allowedMemo?.snapshot !== snapshot || allowedMemo.at !== at) allowedMemo = { snapshot, at, events: allowedEvents(snapshot, { at }) };
    return allowedMemo.events;
  };
  const status = (): CaseStatus => {
    const described = describeState(snapshot);
    return {
      caseId,
      sequence,
      state: described.state,
      phase: described.phase,
      label: described.label,
      allowedEvents: allowedNow(new Date().toISOString()),
      openDeadlines: openDeadlines(snapshot).map((d) => ({ id: d.id, obligation: d.obligation, dueAt: d.dueAt, citation: d.citation })),
      escalations: escalationList(),
    };
  };

  /** Runs one step under the lock; the main loop re-arms timers after each. */
  async function step<T>(body: () => Promise<T>): Promise<T> {
    // Check and take the lock in one synchronous turn: two handlers woken together must not both pass.
    while (!(registered && !busy)) await condition(() => registered && !busy);
    busy = true;
    try {
      return await body();
    } finally {
      busy = false;
      changes += 1;
    }
  }

  type Prepared = { rejection: CaseEventRejection } | { rejection?: undefined; event: CaseEvent; next: CaseStep };
  /** The step this event would make now, or why the case cannot take it (parses and steps the machine once). */
  function prepareEvent(type: string, payload: Record<string, unknown>, at: string, expectedSequence?: number): Prepared {
    if (expectedSequence !== undefined && expectedSequence !== sequence) {
      return {
        rejection: {
          reason: 'STALE_VERSION',
          state: describeState(snapshot).state,
          message: `the case changed since version ${expectedSequence}; it is now at version ${sequence}`,
          allowedEvents: allowedNow(at),
        },
      };
    }
    const parsed = parseCaseEvent({ ...payload, type, at });
    if (!parsed.ok) {
      return { rejection: { reason: 'INVALID_PAYLOAD', state: describeState(snapshot).state, message: `invalid ${type} event`, allowedEvents: allowedNow(at), issues: parsed.issues } };
    }
    const next = stepCaseEvent(snapshot, parsed.event);
    if (!next.changed) {
      const described = describeState(snapshot);
      return {
        rejection: { reason: 'EVENT_NOT_ALLOWED', state: described.state, message: `a case in "${described.label}" cannot take ${type}`, allowedEvents: allowedNow(at) },
      };
    }
    return { event: parsed.event, next };
  }
  const rejectEvent = (r: CaseEventRejection) =>
    ApplicationFailure.create({ type: CASE_EVENT_REJECTED, message: r.message, details: [r], nonRetryable: true });

  // The validator's step, by Update id, for its handler to reuse when the case has not moved since
  // (same sequence, same workflow time). Validators do not run on replay: the handler steps afresh,
  // to the same result, since the step is pure.
  const validated = new Map<string, { sequence: number; at: string; prepared: Prepared }>();

  /** Steps the machine by one event and projects it; the caller holds the lock. */
  async function applyEvent(type: string, payload: Record<string, unknown>, actor: CaseActor, expectedSequence?: number, updateId?: string): Promise<void> {
    const at = new Date().toISOString();
    const early = updateId === undefined ? undefined : validated.get(updateId);
    if (updateId !== undefined) validated.delete(updateId);
    const prepared =
      early && early.sequence === sequence && early.at === at ? early.prepared : prepareEvent(type, payload, at, expectedSequence);
    if (prepared.rejection) throw rejectEvent(prepared.rejection);
    const from = describeState(snapshot);
    const next = prepared.next;
    const to = describeState(next.snapshot);
    const stepSequence = sequence + 1;
    // Which deadlines this event met (and whether late) and which it started, for the timeline.
    const key = (d: { id: string; dueAt: string }) => `${d.id}@${d.dueAt}`;
    const before = openDeadlines(snapshot);
    const after = openDeadlines(next.snapshot);
    const afterKeys = new Set(after.map(key));
    const beforeKeys = new Set(before.map(key));
    const deadlines = {
      met: before.filter((d) => !afterKeys.has(key(d))).map((d) => ({ id: d.id, dueAt: d.dueAt, late: Date.parse(at) > Date.parse(d.dueAt) })),
      opened: after.filter((d) => !beforeKeys.has(key(d))).map((d) => ({ id: d.id, dueAt: d.dueAt })),
    };
    const transfer = next.snapshot.context.transfer;
    const notices = noticeJobs(
      next.actions,
      caseId,
      jurisdictionOf(next.snapshot),
      stepSequence,
      `Case ${caseId}`,
      `${type.replaceAll('_', ' ').toLowerCase()}: now ${to.label}`,
      transfer && { districtCode: transfer.toDistrictCode, stateCode: transfer.toStateCode },
    );
    await recordTransition({
      caseId,
      sequence: stepSequence,
      eventType: type,
      fromState: from.state,
      toState: to.state,
      phase: to.phase,
      actorId: actor.id,
      actorRole: actor.role,
      payload,
      occurredAt: at,
      deadlines,
      openDeadlines: after.map((d) => ({ id: d.id, obligation: d.obligation, dueAt: d.dueAt, citation: d.citation })),
      jurisdiction: jurisdictionOf(next.snapshot),
      ...(notices.length ? { notices } : {}),
    });
    snapshot = next.snapshot;
    sequence = stepSequence;
    stepsThisRun += 1;
    publishPosition();
  }

  /** What this run last upserted, by attribute name, so an unchanged position costs no command. */
  const published = new Map<string, string>();
  /** Keeps the workflow findable in Temporal's UI by where the case stands now. */
  const publishPosition = () => {
    const { state, phase } = describeState(snapshot);
    const position = [
      { key: CaseIdAttribute, value: caseId },
      { key: TrackAttribute, value: snapshot.context.track },
      { key: DistrictCodeAttribute, value: snapshot.context.districtCode },
      { key: StateCodeAttribute, value: snapshot.context.stateCode },
      { key: CaseStateAttribute, value: state },
      { key: CasePhaseAttribute, value: phase },
    ];
    if (!fewerCommands) return upsertSearchAttributes(position);
    const changed = position.filter(({ key, value }) => published.get(key.name) !== value);
    if (!changed.length) return;
    for (const { key, value } of changed) published.set(key.name, value);
    upsertSearchAttributes(changed);
  };

  setHandler(caseStatusQuery, status);
  setHandler(caseRegistrationQuery, () => registration);
  setHandler(caseContextQuery, () => ({ ...snapshot.context }) as unknown as Record<string, unknown>);

  setHandler(registrationUpdate, async () => {
    await condition(() => registered);
    return status();
  });

  setHandler(
    applyEventUpdate,
    async (req) => {
      const updateId = currentUpdateInfo()?.id;
      const earlier = answered.get(req.idempotencyKey);
      if (earlier) {
        if (updateId !== undefined) validated.delete(updateId);
        return earlier;
      }
      return step(async () => {
        // Checked again under the lock: another event may have moved the case while this one waited.
        const again = answered.get(req.idempotencyKey);
        if (again) {
          if (updateId !== undefined) validated.delete(updateId);
          return again;
        }
        await applyEvent(req.type, req.payload, req.actor, req.expectedSequence, updateId);
        const result = status();
        answered.set(req.idempotencyKey, result);
        return result;
      });
    },
    {
      validator: (req) => {
        if (answered.has(req.idempotencyKey)) return;
        const at = new Date().toISOString();
        const prepared = prepareEvent(req.type, req.payload, at, req.expectedSequence);
        if (prepared.rejection) throw rejectEvent(prepared.rejection);
        const updateId = currentUpdateInfo()?.id;
        if (updateId !== undefined) validated.set(updateId, { sequence, at, prepared });
      },
    },
  );

  const escalationRejection = (req: EscalationActionRequest) =>
    escalationActionRejection([...escalations.values()].find((x) => x.id === req.escalationId), req, `case ${caseId}`);
  const rejectAction = (r: EscalationActionRejection) =>
    ApplicationFailure.create({ type: ESCALATION_ACTION_REJECTED, message: r.message, details: [r], nonRetryable: true });

  setHandler(
    escalationActionUpdate,
    async (req) => {
      const earlier = escalationAnswers.get(req.idempotencyKey);
      if (earlier) return earlier;
      return step(async () => {
        const problem = escalationRejection(req);
        if (problem) throw rejectAction(problem);
        const entry = [...escalations.values()].find((x) => x.id === req.escalationId)!;
        const state = describeState(snapshot).state;
        const stepSequence = sequence + 1;
        await recordEscalationAction({
          caseId,
          sequence: stepSequence,
          eventType: req.action === 'ACKNOWLEDGE' ? 'ESCALATION_ACKNOWLEDGED' : 'ESCALATION_RESOLVED',
          fromState: state,
          toState: state,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          payload: { escalationId: entry.id, deadlineId: entry.deadlineId, rung: entry.rung, toBody: entry.toBody, ...(req.note ? { note: req.note } : {}) },
          occurredAt: new Date().toISOString(),
          escalationId: entry.id,
          action: req.action,
          note: req.note ?? null,
        });
        sequence = stepSequence;
        stepsThisRun += 1;
        entry.status = req.action === 'ACKNOWLEDGE' ? 'ACKNOWLEDGED' : 'RESOLVED';
        const { key: _key, ...answer } = entry;
        escalationAnswers.set(req.idempotencyKey, answer);
        return answer;
      });
    },
    {
      validator: (req) => {
        if (escalationAnswers.has(req.idempotencyKey)) return;
        const problem = escalationRejection(req);
        // An escalation being raised right now is on record before it is in memory: the handler
        // waits for that step and checks again.
        if (problem && !(problem.reason === 'UNKNOWN_ESCALATION' && busy)) throw rejectAction(problem);
      },
    },
  );

  /** A deadline rung fell due with the obligation unmet: record the escalation and tell the body. */
  async function escalate(key: string): Promise<void> {
    const due = nextDueRung(openDeadlines(snapshot), new Set(escalations.keys()));
    // The obligation may have been met while this step waited for the lock.
    if (!due || due.key !== key || Date.parse(due.fireAt) > Date.now()) return;
    const { deadline, rung } = due;
    const toBody = deadline.ladder[rung]!.to;
    const id = uuid4();
    const state = describeState(snapshot);
    const now = new Date().toISOString();
    const overdueHours = Math.round((Date.now() - Date.parse(deadline.dueAt)) / 3_600_000);
    const stepSequence = sequence + 1;
    const notice = {
      dedupeKey: `escalation-${id}`,
      recipientBody: toBody,
      districtCode: snapshot.context.districtCode,
      stateCode: snapshot.context.stateCode,
      caseId,
      kind: 'DEADLINE_ESCALATED',
      subject: `Overdue by ${overdueHours} h: ${deadline.obligation}`,
      body: `Case ${caseId} (${state.label}): "${deadline.obligation}" was due ${deadline.dueAt} (${deadline.citation}) and is not met.`,
    };
    await raiseEscalation({
      caseId,
      sequence: stepSequence,
      eventType: 'DEADLINE_ESCALATED',
      fromState: state.state,
      toState: state.state,
      actorId: SYSTEM_CASE_ACTOR.id,
      actorRole: SYSTEM_CASE_ACTOR.role,
      payload: { escalationId: id, deadlineId: deadline.id, obligation: deadline.obligation, citation: deadline.citation, dueAt: deadline.dueAt, rung, toBody, overdueHours },
      occurredAt: now,
      escalation: {
        id,
        deadlineId: deadline.id,
        obligation: deadline.obligation,
        citation: deadline.citation,
        rung,
        toBody,
        districtCode: snapshot.context.districtCode,
        stateCode: snapshot.context.stateCode,
        dueAt: deadline.dueAt,
      },
      notices: [notice],
    });
    sequence = stepSequence;
    stepsThisRun += 1;
    escalations.set(key, { key, id, deadlineId: deadline.id, dueAt: deadline.dueAt, rung, toBody, status: 'OPEN' });
  }

  publishPosition();
  // Registration: the first timeline step, and the body that must act is told.
  if (!carried) {
    const described = describeState(snapshot);
    const body = TRACK_BODY[registration.track];
    await recordTransition({
      caseId,
      sequence: 0,
      eventType: 'REGISTERED',
      fromState: null,
      toState: described.state,
      phase: described.phase,
      actorId: registration.registeredBy.id,
      actorRole: registration.registeredBy.role,
      payload: { track: registration.track, child: registration.child },
      occurredAt: registration.registeredAt,
      deadlines: { met: [], opened: openDeadlines(snapshot).map((d) => ({ id: d.id, dueAt: d.dueAt })) },
      openDeadlines: openDeadlines(snapshot).map((d) => ({ id: d.id, obligation: d.obligation, dueAt: d.dueAt, citation: d.citation })),
      registration: {
        track: registration.track,
        districtCode: registration.districtCode,
        stateCode: registration.stateCode,
        childName: registration.child.name ?? null,
        registeredAt: registration.registeredAt,
        registeredBy: registration.registeredBy.id,
      },
      notices: [
        {
          dedupeKey: `case-${caseId}-registered-${body}`,
          recipientBody: body,
          districtCode: registration.districtCode,
          stateCode: registration.stateCode,
          caseId,
          kind: 'CASE_REGISTERED',
          subject: `New ${registration.track} case awaiting production before the ${body}`,
          body: [described.label, ...openDeadlines(snapshot).map((d) => `${d.obligation} by ${d.dueAt} (${d.citation})`)].join('. '),
        },
      ],
    });
    registered = true;
  }

  // The deadline loop: sleep until the next rung or statutory consequence falls due, or until
  // an event changes the case (which re-arms everything from the machine's policy).
  // A closed case stays open to its officers until every escalation on it is resolved.
  const allResolved = () => [...escalations.values()].every((e) => e.status === 'RESOLVED');
  /** The timer armed for the next wake-up; it stays armed across steps that leave that time unchanged. */
  let alarm: { at: number; scope: CancellationScope; rang: boolean } | undefined;
  /** True if `changed` came true first (re-plan), false once `wakeAt` is reached (act). */
  async function sleepUntilDueOrChanged(wakeAt: number, changed: () => boolean): Promise<boolean> {
    if (alarm && alarm.at !== wakeAt) {
      alarm.scope.cancel();
      alarm = undefined;
    }
    if (wakeAt <= Date.now()) return false;
    if (wakeAt !== Infinity && !alarm) {
      const armed = { at: wakeAt, scope: new CancellationScope(), rang: false };
      armed.scope.run(() => sleep(wakeAt - Date.now())).then(
        () => {
          armed.rang = true;
        },
        () => undefined, // cancelled: the wake-up time moved
      );
      alarm = armed;
    }
    const armed = alarm;
    await condition(() => changed() || armed?.rang === true);
    if (armed?.rang) alarm = undefined;
    return changed();
  }
  for (;;) {
    const closed = snapshot.status !== 'active';
    if (closed && allResolved()) break;
    if (stepsThisRun >= stepsPerRun) break;
    const rung = closed ? undefined : nextDueRung(openDeadlines(snapshot), new Set(escalations.keys()));
    const consequence = closed ? undefined : scheduledSystemEvents(snapshot)[0];
    const rungAt = rung ? Date.parse(rung.fireAt) : Infinity;
    const consequenceAt = consequence ? Date.parse(consequence.at) : Infinity;
    const wakeAt = Math.min(rungAt, consequenceAt);
    const seen = changes;
    const woken = fewerCommands
      ? await sleepUntilDueOrChanged(wakeAt, () => changes !== seen || stepsThisRun >= stepsPerRun)
      : wakeAt === Infinity
        ? await condition(() => changes !== seen || stepsThisRun >= stepsPerRun)
        : wakeAt <= Date.now()
          ? false
          : await condition(() => changes !== seen || stepsThisRun >= stepsPerRun, wakeAt - Date.now());
    if (woken) continue;
    if (consequenceAt <= rungAt && consequence) {
      // A statutory consequence (s.14(4)) is an event of the machine, sent by the system.
      await step(async () => {
        if (scheduledSystemEvents(snapshot)[0]?.type === consequence.type) await applyEvent(consequence.type, {}, SYSTEM_CASE_ACTOR);
      });
    } else if (rung) {
      await step(() => escalate(rung.key));
    }
  }

  if (snapshot.status === 'active' || !allResolved()) {
    // Keep history small for cases that stay in care for years: carry everything into a new run.
    await condition(() => !busy && allHandlersFinished());
    const carry: CaseCarryOver = {
      snapshot: persistCaseSnapshot(snapshot),
      sequence,
      escalations: [...escalations.values()],
      answered: [...answered.entries()].slice(-ANSWERS_KEPT),
    };
    await continueAsNew<typeof caseWorkflow>(registration, carry);
  }
  await condition(() => !busy && allHandlersFinished());
}

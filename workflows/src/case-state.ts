// A child's case as its workflow holds it: the machine's snapshot, the timeline sequence, the escalations
// raised, the answers already given, and the rules that turn an event or a missed rung into the record
// to write. Plain state and pure rules, no Temporal calls: the workflow hosts it, unit tests construct it.
import type { AssignmentInput, EscalationActionInput, EscalationInput, TransitionInput } from '@raksha/activities';
import {
  addIsoDuration,
  ageInYearsAt,
  allowedEvents,
  IMPORTED_ESCALATION_GRACE,
  describeState,
  initialCaseSnapshot,
  openDeadlines,
  persistCaseSnapshot,
  prepareCaseEvent,
  projectStep,
  restoreCaseSnapshot,
  scheduledSystemEvents,
  type CaseEventRejection,
  type CaseEventType,
  type CaseSnapshot,
  type CaseStep,
  shownDeadline,
  stayChangeOf,
  type PersistedCaseSnapshot,
  type PreparedCaseEvent,
} from '@raksha/case-machine/workflow';
import type { CaseEscalation, CaseStatus, NotificationJob } from '@raksha/contracts';
import { type CaseActor, type CaseAssignment, type CaseAssignmentRequest, type CaseRegistration, type EscalationActionRequest, SYSTEM_CASE_ACTOR } from '@raksha/contracts/temporal';
import { ageBandOf, IDEMPOTENCY_KEY_REUSED_MESSAGE, isSameRequest, TRACK_BODY } from '@raksha/domain';
import { escalationOf, nextDueRung, type DueRung } from './escalation-ladder.js';
import { ANSWERS_KEPT, EscalationLedger, type EscalationCarryOver } from './escalation-ledger.js';
import { noticeJobs, overdueNotice } from './notices.js';

/** What a case carries into its next run when it continues as new. */
export interface CaseCarryOver extends EscalationCarryOver {
  snapshot: PersistedCaseSnapshot;
  sequence: number;
  /** Recent idempotency keys and their answers (with the request's fingerprint, absent in older runs), so a retried request still gets the first answer. */
  answered: [string, CaseStatus, string?][];
  /** Who works the case now (absent in runs before assignment, and for a case never assigned). */
  assignment?: CaseAssignment;
}

export class CaseState {
  readonly caseId: string;
  readonly escalations: EscalationLedger;
  /** Whether this run began from a carried-over case (its registration step is already on record). */
  readonly carried: boolean;
  #snapshot: CaseSnapshot;
  #sequence: number;
  #stepsThisRun = 0;
  #assignment: CaseAssignment | undefined;
  readonly #answered: Map<string, { status: CaseStatus; fingerprint?: string }>;
  // allowedEvents tries sample events of every type against the machine: once per snapshot and time.
  #allowedMemo: { snapshot: CaseSnapshot; at: string; events: CaseEventType[] } | undefined;
  // The validator's step, by Update id, for its handler to reuse when the case has not moved since
  // (same sequence, same workflow time). Validators do not run on replay: the handler steps afresh,
  // to the same result, since the step is pure.
  readonly #validated = new Map<string, { sequence: number; at: string; prepared: PreparedCaseEvent }>();
  /** An imported case: no rung of a deadline already past at its import fires before this (IMPORTED_ESCALATION_GRACE). */
  readonly #escalationFloor: string | undefined;

  constructor(
    readonly registration: CaseRegistration,
    carried?: CaseCarryOver,
  ) {
    this.caseId = registration.caseId;
    this.carried = carried !== undefined;
    this.#snapshot = carried
      ? restoreCaseSnapshot(carried.snapshot)
      : initialCaseSnapshot({
          caseId: registration.caseId,
          track: registration.track,
          registeredAt: registration.registeredAt,
          // the date of birth, where registration knew one (or estimated one with its basis), is what age counts from
          child: { ageYears: registration.child.ageYears, gender: registration.child.gender, ...(registration.child.dateOfBirth && { dateOfBirth: registration.child.dateOfBirth }) },
          districtCode: registration.districtCode,
          stateCode: registration.stateCode,
          ...(registration.deadlinePolicy ? { deadlinePolicy: registration.deadlinePolicy } : {}),
        });
    // A case begun by a helpline call has the call as its step 0 and its registration as step 1.
    this.#sequence = carried?.sequence ?? (registration.origin ? 1 : 0);
    this.escalations = new EscalationLedger(carried);
    this.#assignment = carried?.assignment;
    this.#escalationFloor = registration.imported && addIsoDuration(registration.imported.importedAt, IMPORTED_ESCALATION_GRACE);
    this.#answered = new Map((carried?.answered ?? []).map(([key, status, fingerprint]) => [key, { status, ...(fingerprint !== undefined && { fingerprint }) }]));
  }

  get snapshot(): CaseSnapshot {
    return this.#snapshot;
  }

  get sequence(): number {
    return this.#sequence;
  }

  /** Timeline steps taken in this run (continue-as-new after `stepsPerRun`). */
  get stepsThisRun(): number {
    return this.#stepsThisRun;
  }

  /** Closed, and no escalation left for an officer to resolve: the workflow may end. */
  get finished(): boolean {
    return this.#snapshot.status !== 'active' && this.escalations.allResolved();
  }

  allowedAt(at: string): CaseEventType[] {
    const memo = this.#allowedMemo;
    if (memo?.snapshot === this.#snapshot && memo.at === at) return memo.events;
    const events = allowedEvents(this.#snapshot, { at });
    this.#allowedMemo = { snapshot: this.#snapshot, at, events };
    return events;
  }

  status(at: string): CaseStatus {
    const described = describeState(this.#snapshot);
    return {
      caseId: this.caseId,
      sequence: this.#sequence,
      state: described.state,
      phase: described.phase,
      label: described.label,
      allowedEvents: this.allowedAt(at),
      openDeadlines: openDeadlines(this.#snapshot).map(shownDeadline),
      escalations: this.escalations.list(),
    };
  }

  /**
   * The first answer to an event with this idempotency key, if it was answered (the step its Update's validator
   * kept is dropped): the answer itself for the same request, a rejection for a different one under the same key.
   */
  answerTo(idempotencyKey: string, fingerprint: string, updateId?: string): { status: CaseStatus } | { rejection: CaseEventRejection } | undefined {
    const answer = this.#answered.get(idempotencyKey);
    if (!answer) return undefined;
    this.forgetValidated(updateId);
    if (isSameRequest(answer.fingerprint, fingerprint)) return { status: answer.status };
    return { rejection: { reason: 'IDEMPOTENCY_KEY_REUSED', state: describeState(this.#snapshot).state, message: IDEMPOTENCY_KEY_REUSED_MESSAGE, allowedEvents: [] } };
  }

  answered(idempotencyKey: string, fingerprint: string, status: CaseStatus): void {
    this.#answered.set(idempotencyKey, { status, fingerprint });
  }

  /** The step this event would make now, or why the case cannot take it (parses and steps the machine once). */
  prepare(type: string, payload: Record<string, unknown>, at: string, expectedSequence?: number): PreparedCaseEvent {
    const attempt = { type, payload, at, sequence: this.#sequence, ...(expectedSequence !== undefined ? { expectedSequence } : {}) };
    return prepareCaseEvent(this.#snapshot, attempt, (when) => this.allowedAt(when));
  }

  /** Keeps a validator's step for the handler of the same Update. */
  validated(updateId: string, at: string, prepared: PreparedCaseEvent): void {
    this.#validated.set(updateId, { sequence: this.#sequence, at, prepared });
  }

  /** The validator's step if the case has not moved since, else a fresh one; forgets the validator's either way. */
  prepareValidated(updateId: string | undefined, type: string, payload: Record<string, unknown>, at: string, expectedSequence?: number): PreparedCaseEvent {
    const early = updateId === undefined ? undefined : this.#validated.get(updateId);
    this.forgetValidated(updateId);
    return early && early.sequence === this.#sequence && early.at === at ? early.prepared : this.prepare(type, payload, at, expectedSequence);
  }

  forgetValidated(updateId: string | undefined): void {
    if (updateId !== undefined) this.#validated.delete(updateId);
  }

  /** The timeline step of an event: which deadlines it met (and whether late) and started, its milestone, and whom it tells. */
  transitionRecord(next: CaseStep, type: string, payload: Record<string, unknown>, actor: CaseActor, at: string, importedFrom?: string): TransitionInput {
    const projection = projectStep(this.#snapshot, next, type, at);
    const stepSequence = this.#sequence + 1;
    const transfer = next.snapshot.context.transfer;
    const notices = noticeJobs(
      next.actions,
      this.caseId,
      // the thana recorded at registration is the case's station while the case stays in that district
      { ...projection.jurisdiction, ...(this.registration.thanaCode && projection.jurisdiction.districtCode === this.registration.districtCode && { thanaCode: this.registration.thanaCode }) },
      stepSequence,
      // the case itself is the notice's link (caseId): its text carries no id
      'Case update',
      `${type.replaceAll('_', ' ').toLowerCase()}: now ${describeState(next.snapshot).label}`,
      transfer && { districtCode: transfer.toDistrictCode, stateCode: transfer.toStateCode },
    );
    // The person who works the case hears of it first whenever its body (the CWC or JJB) is told.
    const toCaseBody = notices.find((n) => n.recipientBody === TRACK_BODY[projection.jurisdiction.track]);
    const toAssignee = toCaseBody ? this.assigneeNotices(`case-${this.caseId}-${stepSequence}`, toCaseBody.kind, { subject: toCaseBody.subject, body: toCaseBody.body }) : [];
    // ... and the body's copy skips them: one notice reaches a person once
    const addressed = toAssignee.length ? notices.map((n) => (n === toCaseBody ? { ...n, exceptUserId: toAssignee[0]!.recipientUserId } : n)) : notices;
    const stay = stayOf(next, type, payload, at);
    return {
      caseId: this.caseId,
      sequence: stepSequence,
      eventType: type,
      ...stepActor(actor),
      payload,
      occurredAt: at,
      ...projection,
      ...(stay && { stay }),
      // A step replayed from a register is history: it is marked imported and tells no one.
      ...(importedFrom !== undefined ? { importedFrom } : notices.length ? { notices: [...toAssignee, ...addressed] } : {}),
    };
  }

  /** The event's step is on record: the case is in its next state. */
  stepped(next: CaseStep): void {
    this.#snapshot = next.snapshot;
    this.#tookStep();
  }

  /**
   * The first timeline steps: the helpline call the case began from, if any (it creates the case row), then the
   * case as registered, its deadlines, and the body that must act told.
   */
  registrationRecords(): TransitionInput[] {
    const origin = this.registration.origin;
    const imported = this.registration.imported;
    if (imported) {
      // A case ported from a register begins as the register says, and tells no one of a past registration.
      const { notices: _told, ...record } = this.registrationRecord(0);
      return [{ ...record, payload: { ...record.payload, importedFrom: { source: imported.source, recordId: imported.recordId, importId: imported.importId } }, importedFrom: imported.register }];
    }
    if (!origin) return [this.registrationRecord(0)];
    const registered = this.registrationRecord(1);
    const { registration: _created, notices: _told, ...asCallStep } = registered;
    const call: TransitionInput = {
      ...asCallStep,
      sequence: 0,
      eventType: 'HELPLINE_CALL',
      actorId: null,
      actorRole: `HELPLINE_${origin.helpline}`,
      payload: { ...origin },
      occurredAt: origin.calledAt,
      deadlines: { met: [], ended: [], opened: [] },
      registration: registered.registration,
    };
    const { registration: _moved, ...registeredStep } = registered;
    return [call, { ...registeredStep, payload: { ...registered.payload, interventionId: origin.interventionId } }];
  }

  private registrationRecord(sequence: number): TransitionInput {
    const { caseId, registration } = this;
    const described = describeState(this.#snapshot);
    const open = openDeadlines(this.#snapshot);
    const body = TRACK_BODY[registration.track];
    return {
      caseId,
      sequence,
      eventType: 'REGISTERED',
      fromState: null,
      toState: described.state,
      phase: described.phase,
      ...stepActor(registration.registeredBy),
      payload: { track: registration.track, child: registration.child },
      occurredAt: registration.registeredAt,
      deadlines: { met: [], ended: [], opened: open.map((d) => ({ id: d.id, dueAt: d.dueAt })) },
      openDeadlines: open.map(shownDeadline),
      registration: {
        track: registration.track,
        districtCode: registration.districtCode,
        stateCode: registration.stateCode,
        ...(registration.thanaCode && { thanaCode: registration.thanaCode }),
        ...(registration.blockCode && { blockCode: registration.blockCode }),
        ...(registration.villageCode && { villageCode: registration.villageCode }),
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
          body: [described.label, ...open.map((d) => `${d.obligation} by ${d.dueAt} (${d.citation})`)].join('. '),
        },
      ],
    };
  }

  /** What the case waits for next while active: the soonest unraised rung and the next statutory consequence. */
  nextDue(): { rung?: DueRung; consequence?: ReturnType<typeof scheduledSystemEvents>[number] } {
    if (this.#snapshot.status !== 'active') return {};
    return { rung: nextDueRung(openDeadlines(this.#snapshot), this.escalations.raisedKeys(), this.#escalationFloor), consequence: scheduledSystemEvents(this.#snapshot)[0] };
  }

  /** Whether the system still owes this consequence (another step may have made it moot while it waited). */
  consequenceDue(type: string): boolean {
    return scheduledSystemEvents(this.#snapshot)[0]?.type === type;
  }

  /** The rung with this key if it is still the one due by `at`: the obligation may have been met while the step waited. */
  rungDue(key: string, at: string): DueRung | undefined {
    const due = nextDueRung(openDeadlines(this.#snapshot), this.escalations.raisedKeys(), this.#escalationFloor);
    return due && due.key === key && Date.parse(due.fireAt) <= Date.parse(at) ? due : undefined;
  }

  /** The escalation of a missed rung, as recorded and told to the rung's body. */
  escalationRecord(due: DueRung, id: string, at: string): EscalationInput {
    const { deadline, rung } = due;
    const escalation = escalationOf(due, id, this.#snapshot.context);
    const { toBody, districtCode, stateCode } = escalation;
    const state = describeState(this.#snapshot);
    const overdueHours = Math.round((Date.parse(at) - Date.parse(deadline.dueAt)) / 3_600_000);
    const toAssignee = this.assigneeNotices(`escalation-${id}`, 'DEADLINE_ESCALATED', overdueNotice(`A case at "${state.label}"`, deadline, `${overdueHours} h`));
    return {
      caseId: this.caseId,
      sequence: this.#sequence + 1,
      eventType: 'DEADLINE_ESCALATED',
      fromState: state.state,
      toState: state.state,
      actorId: SYSTEM_CASE_ACTOR.id,
      actorRole: SYSTEM_CASE_ACTOR.role,
      payload: { escalationId: id, deadlineId: deadline.id, obligation: deadline.obligation, citation: deadline.citation, dueAt: deadline.dueAt, rung, toBody, overdueHours },
      occurredAt: at,
      escalation,
      notices: [
        // The person working the case first, the rung's body always (for everyone else of it).
        ...toAssignee,
        {
          dedupeKey: `escalation-${id}`,
          recipientBody: toBody,
          ...(toAssignee.length && { exceptUserId: toAssignee[0]!.recipientUserId }),
          districtCode,
          stateCode,
          caseId: this.caseId,
          kind: 'DEADLINE_ESCALATED',
          ...overdueNotice(`A case at "${state.label}"`, deadline, `${overdueHours} h`),
        },
      ],
    };
  }

  /** The escalation is on record (`record`, from escalationRecord): the ladder moves past its rung. */
  escalated(due: DueRung, record: EscalationInput): void {
    this.#tookStep();
    this.escalations.raised(due.key, record.escalation);
  }

  /** The timeline step of acknowledging or resolving an escalation of this case. */
  escalationActionRecord(entry: CaseEscalation, req: EscalationActionRequest, at: string): EscalationActionInput {
    const state = describeState(this.#snapshot).state;
    return {
      caseId: this.caseId,
      sequence: this.#sequence + 1,
      eventType: req.action === 'ACKNOWLEDGE' ? 'ESCALATION_ACKNOWLEDGED' : 'ESCALATION_RESOLVED',
      fromState: state,
      toState: state,
      ...stepActor(req.actor),
      payload: { escalationId: entry.id, deadlineId: entry.deadlineId, rung: entry.rung, toBody: entry.toBody, ...(req.note ? { note: req.note } : {}) },
      occurredAt: at,
      escalationId: entry.id,
      action: req.action,
      note: req.note ?? null,
    };
  }

  /** A notice to the person who works the case, if anyone does: sent with (before) the one to their body. */
  assigneeNotices(dedupeKey: string, kind: string, text: { subject: string; body: string }): NotificationJob[] {
    const assigneeId = this.#assignment?.assigneeId;
    if (!assigneeId) return [];
    const { districtCode, stateCode } = this.#snapshot.context;
    return [{ dedupeKey: `${dedupeKey}-assignee`, recipientBody: 'PERSON', recipientUserId: assigneeId, districtCode, stateCode, caseId: this.caseId, kind, ...text }];
  }

  get assignment(): CaseAssignment | undefined {
    return this.#assignment;
  }

  /** The CASE_ASSIGNED step, or CASE_RELEASED back to the body's queue: the machine's state stays where it is. */
  assignmentRecord(req: CaseAssignmentRequest, at: string): AssignmentInput {
    const state = describeState(this.#snapshot).state;
    const previous = this.#assignment?.assigneeId;
    return {
      caseId: this.caseId,
      sequence: this.#sequence + 1,
      eventType: req.assigneeId ? 'CASE_ASSIGNED' : 'CASE_RELEASED',
      fromState: state,
      toState: state,
      ...stepActor(req.actor),
      payload: {
        ...(req.assigneeId && { assigneeId: req.assigneeId, assigneeName: req.assigneeName }),
        ...(previous && { previousAssigneeId: previous }),
        ...(req.reason && { reason: req.reason }),
      },
      occurredAt: at,
      assigneeId: req.assigneeId,
    };
  }

  /** An assignment is on record: it takes a timeline step. */
  assigned(record: AssignmentInput): CaseAssignment {
    this.#tookStep();
    this.#assignment = { assigneeId: record.assigneeId, sequence: record.sequence, assignedAt: record.occurredAt };
    return this.#assignment;
  }

  /** An escalation action is on record: it takes a timeline step. */
  escalationActed(): void {
    this.#tookStep();
  }

  /** Every step on record moves the timeline on by one and counts toward this run's steps. */
  #tookStep(): void {
    this.#sequence += 1;
    this.#stepsThisRun += 1;
  }

  carryOver(): CaseCarryOver {
    return {
      snapshot: persistCaseSnapshot(this.#snapshot),
      sequence: this.#sequence,
      ...this.escalations.carryOver(),
      answered: [...this.#answered.entries()].slice(-ANSWERS_KEPT).map(([key, a]) => (a.fingerprint === undefined ? [key, a.status] : [key, a.status, a.fingerprint])),
      ...(this.#assignment && { assignment: this.#assignment }),
    };
  }
}

/** Who took a step, as its timeline and audit entry record them: with the body they acted for and their address. */
function stepActor(actor: CaseActor): { actorId: string; actorRole: string; actorBodyId?: string; actorFrom?: string } {
  return { actorId: actor.id, actorRole: actor.role, ...(actor.bodyId && { actorBodyId: actor.bodyId }), ...(actor.from && { actorFrom: actor.from }) };
}

/**
 * The admission or discharge the step's order brings (placements.ts), with the child's gender and age band at the
 * time of the order, as capacity is sanctioned by them; UNKNOWN where the case does not record them (an imported
 * register may not), which the API refuses for a new order.
 */
function stayOf(next: CaseStep, type: string, payload: Record<string, unknown>, at: string): TransitionInput['stay'] {
  const change = stayChangeOf(type, payload);
  if (!change || 'end' in change) return change;
  const { child, registeredAt } = next.snapshot.context;
  const age = ageInYearsAt(child, registeredAt, at);
  return {
    place: {
      ...change.place,
      overCapacityReason: change.place.overCapacityReason ?? null,
      gender: child.gender && child.gender !== 'UNKNOWN' ? child.gender : 'UNKNOWN',
      ageBand: age === undefined ? 'UNKNOWN' : ageBandOf(age),
    },
  };
}

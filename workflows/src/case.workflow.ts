// One workflow per child's case. It hosts the JJ-Act machine: validates each event against it,
// steps it with the pure transition, and leaves every side effect to activities.
import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseActivities } from '@raksha/activities';
import {
  allowedEvents,
  applyCaseEvent,
  describeState,
  initialCaseSnapshot,
  openDeadlines,
  parseCaseEvent,
  type CaseSnapshot,
} from '@raksha/case-machine';
import {
  applyEventUpdate,
  CASE_EVENT_REJECTED,
  caseStatusQuery,
  registrationUpdate,
  type CaseEventRejection,
  type CaseEventRequest,
  type CaseRegistration,
  type CaseStatus,
} from '@raksha/contracts';
import { TRACK_BODY } from '@raksha/domain';

const { recordTransition, notify } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // Infrastructure errors retry with backoff until the database or Redis is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function caseWorkflow(registration: CaseRegistration): Promise<void> {
  let snapshot: CaseSnapshot = initialCaseSnapshot({
    caseId: registration.caseId,
    track: registration.track,
    registeredAt: registration.registeredAt,
    child: { ageYears: registration.child.ageYears, gender: registration.child.gender },
    districtCode: registration.districtCode,
    stateCode: registration.stateCode,
  });
  let sequence = 0;
  let registered = false;
  let applying = false;
  const answered = new Map<string, CaseStatus>();

  const status = (): CaseStatus => {
    const described = describeState(snapshot);
    return {
      caseId: registration.caseId,
      sequence,
      state: described.state,
      phase: described.phase,
      label: described.label,
      allowedEvents: allowedEvents(snapshot),
      openDeadlines: openDeadlines(snapshot).map((d) => ({ id: d.id, obligation: d.obligation, dueAt: d.dueAt, citation: d.citation })),
    };
  };

  /** Why the case cannot take this request now, or undefined if it can. */
  const rejection = (req: CaseEventRequest): CaseEventRejection | undefined => {
    const state = describeState(snapshot).state;
    const parsed = parseCaseEvent({ ...req.payload, type: req.type, at: new Date().toISOString() });
    if (!parsed.ok) {
      return { reason: 'INVALID_PAYLOAD', state, message: `invalid ${req.type} event`, allowedEvents: allowedEvents(snapshot), issues: parsed.issues };
    }
    if (!applyCaseEvent(snapshot, parsed.event).changed) {
      return {
        reason: 'EVENT_NOT_ALLOWED',
        state,
        message: `a case in "${describeState(snapshot).label}" cannot take ${req.type}`,
        allowedEvents: allowedEvents(snapshot),
      };
    }
    return undefined;
  };
  const reject = (r: CaseEventRejection) =>
    ApplicationFailure.create({ type: CASE_EVENT_REJECTED, message: r.message, details: [r], nonRetryable: true });

  setHandler(caseStatusQuery, status);

  setHandler(registrationUpdate, async () => {
    await condition(() => registered);
    return status();
  });

  setHandler(
    applyEventUpdate,
    async (req) => {
      const earlier = answered.get(req.idempotencyKey);
      if (earlier) return earlier;
      await condition(() => registered && !applying);
      applying = true;
      try {
        // Checked again here: another event may have moved the case while this one waited.
        const again = answered.get(req.idempotencyKey);
        if (again) return again;
        const problem = rejection(req);
        if (problem) throw reject(problem);
        const at = new Date().toISOString();
        const parsed = parseCaseEvent({ ...req.payload, type: req.type, at });
        if (!parsed.ok) throw reject(rejection(req)!);
        const from = describeState(snapshot).state;
        const next = applyCaseEvent(snapshot, parsed.event);
        await recordTransition({
          caseId: registration.caseId,
          sequence: sequence + 1,
          eventType: req.type,
          fromState: from,
          toState: describeState(next.snapshot).state,
          phase: describeState(next.snapshot).phase,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          payload: req.payload,
          occurredAt: at,
        });
        snapshot = next.snapshot;
        sequence += 1;
        const result = status();
        answered.set(req.idempotencyKey, result);
        return result;
      } finally {
        applying = false;
      }
    },
    {
      validator: (req) => {
        if (answered.has(req.idempotencyKey)) return;
        const problem = rejection(req);
        if (problem) throw reject(problem);
      },
    },
  );

  const described = describeState(snapshot);
  await recordTransition({
    caseId: registration.caseId,
    sequence: 0,
    eventType: 'REGISTERED',
    fromState: null,
    toState: described.state,
    phase: described.phase,
    actorId: registration.registeredBy.id,
    actorRole: registration.registeredBy.role,
    payload: { child: registration.child },
    occurredAt: registration.registeredAt,
    registration: {
      track: registration.track,
      districtCode: registration.districtCode,
      stateCode: registration.stateCode,
      childName: registration.child.name ?? null,
      registeredAt: registration.registeredAt,
    },
  });
  registered = true;
  const body = TRACK_BODY[registration.track];
  await notify([
    {
      dedupeKey: `case-${registration.caseId}-registered-${body}`,
      recipientBody: body,
      districtCode: registration.districtCode,
      stateCode: registration.stateCode,
      caseId: registration.caseId,
      kind: 'CASE_REGISTERED',
      subject: `New ${registration.track} case awaiting production before the ${body}`,
      body: [described.label, ...openDeadlines(snapshot).map((d) => `${d.obligation} by ${d.dueAt} (${d.citation})`)].join('. '),
    },
  ]);

  await condition(() => describeState(snapshot).phase === 'CLOSED' && !applying);
}

import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { addIsoDuration, HELPLINE_RESPONSE_TIME, type Helpline, type InterventionAction, interventionActionRejection, type InterventionCloseReason, type InterventionStatus, REPEAT_CALL_WINDOW } from '@raksha/case-machine';
import type { RakshaConfig } from '@raksha/config';
import type { HelplineCallBody, HelplineCallStatus, InterventionClosedBody, InterventionDetailView, InterventionListQuery, InterventionReachedBody, InterventionRescuedBody, InterventionView } from '@raksha/contracts';
import { caseWorkflowId, INTERVENTION_ACTION_REJECTED, type InterventionActionRejection, type InterventionActionRequest, interventionActionUpdate, type InterventionStart, interventionWorkflowId, registrationUpdate } from '@raksha/contracts/temporal';
import { BodyRepository, GeographyRepository, InterventionRepository } from '@raksha/db';
import { covers, isSameRequest, type Jurisdiction, type PartnerKind, requestFingerprint, type Role } from '@raksha/domain';
import { sameChildCalledAbout } from '@raksha/matching';
import type { interventionWorkflow } from '@raksha/workflows';
import { AccessPolicy } from '../auth/access.policy.js';
import { can, caseActor, type Principal } from '../auth/principal.js';
import { EscalationsService } from '../escalations/escalations.service.js';
import { callTemporal, executeUpdate, type UpdateRejections } from '../infrastructure/temporal-call.js';
import { RAKSHA_CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens.js';
import { checkLocalPlaces } from '../places/local-place-check.js';
import { DeadlinePolicyService } from '../policy/deadline-policy.service.js';
import { forbidden, helplineCallIdReused, invalidField, notFound, problem } from '../problem/domain-errors.js';

/** Who passes a call on: a helpline system and the places it may report (its client's jurisdiction). */
export interface HelplineCaller {
  helpline: Helpline;
  jurisdiction: Jurisdiction;
}

/** Which helpline a partner client is: only a helpline system passes calls on (403 for any other kind of partner). */
const HELPLINE_OF_KIND: Partial<Record<PartnerKind, Helpline>> = { HELPLINE_1098: '1098', HELPLINE_112: '112', HELPLINE_181: '181' };
export function helplineCallerOf(partner: { kind: PartnerKind; jurisdiction: Jurisdiction }): HelplineCaller {
  const helpline = HELPLINE_OF_KIND[partner.kind];
  if (!helpline) throw forbidden('only a helpline system (1098, 112, 181) passes calls on');
  return { helpline, jurisdiction: partner.jurisdiction };
}

/** Rescued or closed for good: its workflow may have ended, and the row says so (409). */
function refuseSettled(i: { status: string }, action: InterventionAction): void {
  const settled = (i.status === 'RESCUED' || i.status === 'CLOSED') && interventionActionRejection(i.status, action);
  if (settled) throw problem('intervention-action-not-allowed', settled);
}

/** A call's identity under its call id: its canonical body (keys sorted), hashed (the IETF Idempotency-Key draft's rule). */
const callBodyHash = (body: HelplineCallBody) => createHash('sha256').update(requestFingerprint(body)).digest('hex');

type InterventionRow = NonNullable<Awaited<ReturnType<InterventionRepository['findById']>>>;

/** A helpline's clock may run a little ahead of ours; a call further in the future is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The intervention workflow's refusal of an action. */
const interventionActionRejections: UpdateRejections<InterventionActionRejection> = {
  failureType: INTERVENTION_ACTION_REJECTED,
  toError(r) {
    if (r.reason === 'REASON_REQUIRED') return invalidField('reason', r.message);
    if (r.reason === 'IDEMPOTENCY_KEY_REUSED') return problem('idempotency-key-reused', r.message);
    return problem('intervention-action-not-allowed', r.message);
  },
};

function view(i: InterventionRow & { _count?: { calls: number } }, caseNumbers: ReadonlyMap<string, string>, now = new Date()): InterventionView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: i.id,
    helpline: i.helpline as Helpline,
    stateCode: i.stateCode,
    districtCode: i.districtCode,
    thanaCode: i.thanaCode,
    lat: i.lat,
    lon: i.lon,
    placeText: i.placeText,
    ownerBodyId: i.ownerBodyId,
    childDescription: i.childDescription,
    distress: i.distress as InterventionView['distress'],
    status: i.status as InterventionStatus,
    firstCalledAt: i.firstCalledAt.toISOString(),
    respondBy: i.respondBy.toISOString(),
    overdue: i.status === 'OPEN' && i.respondBy < now,
    reachedAt: iso(i.reachedAt),
    rescuedAt: iso(i.rescuedAt),
    caseId: i.caseId,
    caseNumber: (i.caseId && caseNumbers.get(i.caseId)) ?? null,
    closedAt: iso(i.closedAt),
    closeReason: i.closeReason as InterventionCloseReason | null,
    closeNote: i.closeNote,
    calls: i._count?.calls ?? 1,
  };
}

@Injectable()
export class InterventionsService {
  constructor(
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly interventions: InterventionRepository,
    private readonly geography: GeographyRepository,
    private readonly bodies: BodyRepository,
    private readonly escalations: EscalationsService,
    private readonly access: AccessPolicy,
    private readonly deadlinePolicy: DeadlinePolicyService,
  ) {}

  /**
   * A helpline's call: a new intervention for the district's CHILDLINE unit (else its DCPU), or, when an
   * intervention under way is about the same child at the same place (within REPEAT_CALL_WINDOW), joined to it.
   * The same call id again answers the first answer and writes nothing; with a different body it is refused (422).
   */
  async receiveCall(caller: HelplineCaller, body: HelplineCallBody): Promise<HelplineCallStatus> {
    const bodyHash = callBodyHash(body);
    const earlier = await this.interventions.findCall(caller.helpline, body.callId);
    if (earlier) {
      // Another jurisdiction's call under the same id (two states' 112): as if it did not exist, never a 422 that tells it does.
      if (!covers(caller.jurisdiction, earlier.intervention)) throw notFound('helpline-call', body.callId);
      if (!isSameRequest(earlier.bodyHash ?? undefined, bodyHash)) throw helplineCallIdReused(body.callId);
      // Opened, but its workflow perhaps not started (Temporal was down): the helpline's retry starts it.
      if (earlier.intervention.status === 'OPEN') await this.startWorkflow(earlier.intervention);
      return this.callStatus(caller, body.callId);
    }
    const { place } = body;
    const district = await this.geography.findDistrict(place.districtCode);
    if (!district) throw invalidField('place.districtCode', `no district with code ${place.districtCode}`);
    if (district.stateCode !== place.stateCode) throw invalidField('place.stateCode', `${district.name} is not in state ${place.stateCode}`);
    // A helpline bound to a state or district reports only there: elsewhere is as if the district did not exist.
    if (!covers(caller.jurisdiction, { stateCode: district.stateCode, districtCode: district.code })) throw notFound('district', district.code);
    await checkLocalPlaces(this.geography, district, place, 'place.');
    const calledAt = new Date(body.calledAt);
    if (calledAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw invalidField('calledAt', 'the call cannot be in the future');
    const call = {
      helpline: caller.helpline,
      callId: body.callId,
      calledAt,
      callerRelation: body.callerRelation,
      childDescription: body.child.description,
      distress: body.distress,
      thanaCode: place.thanaCode ?? null,
      lat: place.lat ?? null,
      lon: place.lon ?? null,
      bodyHash,
    };

    const since = new Date(Date.parse(addIsoDuration(calledAt.toISOString(), `-${REPEAT_CALL_WINDOW}`)));
    const about = { districtCode: district.code, thanaCode: call.thanaCode, lat: call.lat, lon: call.lon, gender: body.child.gender ?? null, description: call.childDescription };
    const same = (await this.interventions.underWay(district.code, since)).find((i) => sameChildCalledAbout(about, { ...i, gender: i.childGender, description: i.childDescription }));
    if (same) {
      if (!(await this.interventions.join(same.id, call))) await this.refuseOtherBody(caller, body.callId, bodyHash);
      return this.callStatus(caller, body.callId);
    }

    const owner = await this.bodies.firstInDistrict(['CHILDLINE', 'DCPU'], district.code);
    if (!owner) throw invalidField('place.districtCode', `${district.name} has no CHILDLINE unit or DCPU on record to send`);
    const id = randomUUID();
    const respondBy = new Date(Date.parse(addIsoDuration(body.calledAt, HELPLINE_RESPONSE_TIME[caller.helpline])));
    const opened = await this.interventions.open(
      {
        id,
        helpline: caller.helpline,
        stateCode: district.stateCode,
        districtCode: district.code,
        thanaCode: call.thanaCode,
        lat: call.lat,
        lon: call.lon,
        placeText: place.text ?? null,
        ownerBodyId: owner.id,
        childDescription: call.childDescription,
        childGender: body.child.gender ?? null,
        distress: body.distress,
        firstCalledAt: calledAt,
        respondBy,
      },
      call,
    );
    // Sent twice at once: the other request opened it; both answer its status.
    if (opened) await this.startWorkflow((await this.interventions.findById(id))!);
    else await this.refuseOtherBody(caller, body.callId, bodyHash);
    return this.callStatus(caller, body.callId);
  }

  /** Sent twice at once and the other request won: it must have been the same call. */
  private async refuseOtherBody(caller: HelplineCaller, callId: string, bodyHash: string): Promise<void> {
    const winner = await this.interventions.findCall(caller.helpline, callId);
    if (winner && covers(caller.jurisdiction, winner.intervention) && !isSameRequest(winner.bodyHash ?? undefined, bodyHash)) throw helplineCallIdReused(callId);
  }

  /** What the helpline learns of its call: how the intervention stands, and the child's case once rescued. */
  async callStatus(caller: HelplineCaller, callId: string): Promise<HelplineCallStatus> {
    const found = await this.interventions.findCall(caller.helpline, callId);
    if (!found || !covers(caller.jurisdiction, found.intervention)) throw notFound('helpline-call', callId);
    const i = found.intervention;
    const first = (await this.interventions.calls(i.id))[0];
    return {
      callId,
      interventionId: i.id,
      joined: first !== undefined && !(first.helpline === caller.helpline && first.callId === callId),
      status: i.status as InterventionStatus,
      respondBy: i.respondBy.toISOString(),
      reachedAt: i.reachedAt?.toISOString() ?? null,
      rescuedAt: i.rescuedAt?.toISOString() ?? null,
      closedAt: i.closedAt?.toISOString() ?? null,
      closeReason: i.closeReason as InterventionCloseReason | null,
      caseId: i.caseId,
      caseNumber: (i.caseId && (await this.interventions.caseNumbers([i.caseId])).get(i.caseId)) ?? null,
    };
  }

  /** Interventions of the principal's jurisdiction, latest call first. */
  async list(principal: Principal, q: InterventionListQuery): Promise<InterventionView[]> {
    const scope = this.access.scope(principal);
    if (scope === 'nothing') return [];
    const rows = await this.interventions.list({ ...scope, ...(q.status && { statuses: [q.status] }), limit: q.limit });
    const caseNumbers = await this.interventions.caseNumbers(rows.map((r) => r.caseId));
    return rows.map((r) => view(r, caseNumbers));
  }

  async get(principal: Principal, id: string): Promise<InterventionDetailView> {
    const i = await this.visible(principal, id);
    return this.detail(i);
  }

  reached(principal: Principal, id: string, body: InterventionReachedBody, idempotencyKey?: string) {
    return this.act(principal, id, 'REACHED', { ...(body.at && { at: body.at }), ...(body.note && { note: body.note }) }, idempotencyKey);
  }

  /** The child is rescued: the intervention's workflow starts the CNCP case, answered once the case is on record. */
  async rescued(principal: Principal, id: string, body: InterventionRescuedBody, idempotencyKey?: string) {
    const i = await this.visible(principal, id);
    refuseSettled(i, 'RESCUED');
    const deadlinePolicy = await this.deadlinePolicy.overridesFor(i.stateCode);
    return this.act(principal, id, 'RESCUED', { child: body.child, deadlinePolicy, ...(body.at && { at: body.at }), ...(body.note && { note: body.note }) }, idempotencyKey);
  }

  closed(principal: Principal, id: string, body: InterventionClosedBody, idempotencyKey?: string) {
    return this.act(principal, id, 'CLOSED', { reason: body.reason, ...(body.at && { at: body.at }), ...(body.note && { note: body.note }) }, idempotencyKey);
  }

  private async act(
    principal: Principal,
    id: string,
    action: InterventionAction,
    details: Pick<InterventionActionRequest, 'at' | 'note' | 'reason' | 'child' | 'deadlinePolicy'>,
    idempotencyKey?: string,
  ): Promise<InterventionDetailView> {
    const i = await this.visible(principal, id);
    refuseSettled(i, action);
    if (details.at) {
      const at = Date.parse(details.at);
      if (at > Date.now() + CLOCK_SKEW_MS) throw invalidField('at', 'it cannot have happened in the future');
      if (at < i.firstCalledAt.getTime()) throw invalidField('at', 'it cannot have happened before the call');
    }
    const role = principal.roles.find((r): r is Role => can({ ...principal, roles: [r] }, 'intervention:act'));
    const request: InterventionActionRequest = { action, actor: caseActor(principal, role), idempotencyKey: idempotencyKey ?? randomUUID(), ...details };
    const answer = await executeUpdate(this.temporal.workflow.getHandle(interventionWorkflowId(id)), interventionActionUpdate, request, interventionActionRejections);
    // The case's workflow answers once its registration is on record, so the case reads back at once.
    if (answer.caseId) await callTemporal(() => this.temporal.workflow.getHandle(caseWorkflowId(answer.caseId!)).executeUpdate(registrationUpdate));
    return this.detail((await this.interventions.findById(id))!);
  }

  private async detail(i: InterventionRow): Promise<InterventionDetailView> {
    const calls = await this.interventions.calls(i.id);
    return {
      ...view(i, await this.interventions.caseNumbers([i.caseId])),
      calls: calls.length,
      callsReceived: calls.map((c) => ({
        helpline: c.helpline as Helpline,
        callId: c.callId,
        calledAt: c.calledAt.toISOString(),
        callerRelation: c.callerRelation as InterventionDetailView['callsReceived'][number]['callerRelation'],
        childDescription: c.childDescription,
        distress: c.distress as InterventionView['distress'],
      })),
      escalations: await this.escalations.raisedBy(interventionWorkflowId(i.id)),
    };
  }

  /** 404 for an intervention that does not exist or lies outside the principal's jurisdiction. */
  private async visible(principal: Principal, id: string): Promise<InterventionRow> {
    const i = await this.interventions.findById(id);
    if (!i || !this.access.mayKnow(principal, i)) throw notFound('intervention', id);
    return i;
  }

  /** Starts the intervention's workflow from its row; one already running is left as it is. */
  private async startWorkflow(i: InterventionRow): Promise<void> {
    const first = (await this.interventions.calls(i.id))[0]!;
    const district = await this.geography.findDistrict(i.districtCode);
    const owner = await this.bodies.findById(i.ownerBodyId);
    const start: InterventionStart = {
      interventionId: i.id,
      label: `Helpline ${first.helpline} call ${first.callId} (${district?.name ?? i.districtCode})`,
      ownerBodyId: i.ownerBodyId,
      ownerBodyType: owner?.type === 'CHILDLINE' ? 'CHILDLINE' : 'DCPU',
      districtCode: i.districtCode,
      stateCode: i.stateCode,
      firstCall: { interventionId: i.id, helpline: first.helpline as Helpline, callId: first.callId, calledAt: first.calledAt.toISOString(), callerRelation: first.callerRelation, distress: first.distress },
      respondBy: i.respondBy.toISOString(),
    };
    await callTemporal(async () => {
      try {
        await this.temporal.workflow.start<typeof interventionWorkflow>('interventionWorkflow', { taskQueue: this.config.temporal.taskQueue, workflowId: interventionWorkflowId(i.id), args: [start] });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { RakshaConfig } from '@raksha/config';
import {
  applyEventUpdate,
  CASE_EVENT_REJECTED,
  caseWorkflowId,
  registrationUpdate,
  type CaseActor,
  type CaseEventBody,
  type CaseEventRejection,
  type CaseRegistration,
  type CaseStatus,
  type RegisterCaseBody,
} from '@raksha/contracts';
import { CaseRepository, GeographyRepository } from '@raksha/db';
import type { caseWorkflow } from '@raksha/workflows';
import { CaseEventNotAllowed, CaseNotFound, InvalidInput } from '../problem/domain-errors.js';
import { RAKSHA_CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens.js';
import { callTemporal } from '../infrastructure/temporal-call.js';
import { EscalationsService, type EscalationView } from '../escalations/escalations.service.js';

export interface TimelineEntryView {
  sequence: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  actor: { id: string | null; role: string | null };
  payload: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
}

@Injectable()
export class CasesService {
  constructor(
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly cases: CaseRepository,
    private readonly geography: GeographyRepository,
    private readonly escalationInbox: EscalationsService,
  ) {}

  /** Starts the case's workflow and answers once its registration is on record. */
  async register(body: RegisterCaseBody, actor: CaseActor): Promise<CaseStatus> {
    const district = await this.geography.findDistrict(body.districtCode);
    if (!district) throw new InvalidInput([{ field: 'districtCode', message: `no district with code ${body.districtCode}` }]);
    const registration: CaseRegistration = {
      caseId: randomUUID(),
      track: body.track,
      districtCode: district.code,
      stateCode: district.stateCode,
      child: body.child,
      registeredAt: new Date().toISOString(),
      registeredBy: actor,
    };
    return callTemporal(async () => {
      const handle = await this.temporal.workflow.start<typeof caseWorkflow>('caseWorkflow', {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: caseWorkflowId(registration.caseId),
        args: [registration],
      });
      return handle.executeUpdate(registrationUpdate);
    });
  }

  async applyEvent(caseId: string, body: CaseEventBody, actor: CaseActor): Promise<CaseStatus> {
    await this.get(caseId);
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(caseId));
    return callTemporal(async () => {
      try {
        return await handle.executeUpdate(applyEventUpdate, {
          args: [{ type: body.type, payload: body.payload, idempotencyKey: body.idempotencyKey ?? randomUUID(), actor }],
        });
      } catch (err) {
        throw rejectionOf(err) ?? err;
      }
    });
  }

  async get(caseId: string) {
    const found = await this.cases.findById(caseId);
    if (!found) throw new CaseNotFound(caseId);
    return found;
  }

  async escalations(caseId: string): Promise<EscalationView[]> {
    await this.get(caseId);
    return this.escalationInbox.list({ caseId, limit: 500 });
  }

  async timeline(caseId: string): Promise<TimelineEntryView[]> {
    await this.get(caseId);
    const entries = await this.cases.timeline(caseId);
    return entries.map((e) => ({
      sequence: e.sequence,
      eventType: e.eventType,
      fromState: e.fromState,
      toState: e.toState,
      actor: { id: e.actorId, role: e.actorRole },
      payload: e.payload as Record<string, unknown>,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
    }));
  }
}

/** The workflow's rejection of an event (validator or handler), as a domain error. */
function rejectionOf(err: unknown): Error | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== CASE_EVENT_REJECTED) return undefined;
  const rejection = cause.details?.[0] as CaseEventRejection | undefined;
  if (!rejection) return undefined;
  if (rejection.reason === 'INVALID_PAYLOAD') {
    return new InvalidInput((rejection.issues ?? []).map((i) => ({ field: i.path ? `payload.${i.path}` : 'payload', message: i.message })));
  }
  return new CaseEventNotAllowed(rejection.message, rejection.state, rejection.allowedEvents);
}

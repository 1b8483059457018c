import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  caseWorkflowId,
  ESCALATION_ACTION_REJECTED,
  escalationActionUpdate,
  type CaseActor,
  type CaseEscalation,
  type EscalationActionRejection,
  type EscalationListQuery,
} from '@raksha/contracts';
import { EscalationRepository } from '@raksha/db';
import { EscalationActionNotAllowed, EscalationNotFound, InvalidInput, ServiceUnavailable } from '../problem/domain-errors.js';
import { TEMPORAL_CLIENT } from '../infrastructure/tokens.js';
import { callTemporal } from '../infrastructure/temporal-call.js';

export interface EscalationView {
  id: string;
  caseId: string;
  deadlineId: string;
  obligation: string;
  citation: string;
  rung: number;
  toBody: string;
  districtCode: string;
  stateCode: string;
  dueAt: string;
  raisedAt: string;
  /** how late the obligation is now, or was when it was met */
  overdueHours: number;
  status: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  metAt: string | null;
}

type EscalationRow = NonNullable<Awaited<ReturnType<EscalationRepository['findById']>>>;

function view(e: EscalationRow, now = new Date()): EscalationView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const until = e.metAt ?? now;
  return {
    id: e.id,
    caseId: e.caseId,
    deadlineId: e.deadlineId,
    obligation: e.obligation,
    citation: e.citation,
    rung: e.rung,
    toBody: e.toBody,
    districtCode: e.districtCode,
    stateCode: e.stateCode,
    dueAt: e.dueAt.toISOString(),
    raisedAt: e.raisedAt.toISOString(),
    overdueHours: Math.max(0, Math.floor((until.getTime() - e.dueAt.getTime()) / 3_600_000)),
    status: e.status,
    acknowledgedAt: iso(e.acknowledgedAt),
    acknowledgedBy: e.acknowledgedBy,
    resolvedAt: iso(e.resolvedAt),
    resolvedBy: e.resolvedBy,
    resolutionNote: e.resolutionNote,
    metAt: iso(e.metAt),
  };
}

@Injectable()
export class EscalationsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly escalations: EscalationRepository,
  ) {}

  async list(q: EscalationListQuery): Promise<EscalationView[]> {
    const rows = await this.escalations.list(q);
    return rows.map((r) => view(r));
  }

  async get(id: string): Promise<EscalationView> {
    const row = await this.escalations.findById(id);
    if (!row) throw new EscalationNotFound(id);
    return view(row);
  }

  /** Acknowledging or resolving goes through the case workflow, so it is ordered on the case's timeline. */
  async act(id: string, action: 'ACKNOWLEDGE' | 'RESOLVE', actor: CaseActor, note?: string, idempotencyKey?: string): Promise<EscalationView> {
    const row = await this.escalations.findById(id);
    if (!row) throw new EscalationNotFound(id);
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(row.caseId));
    await callTemporal(async () => {
      try {
        const answer: CaseEscalation = await handle.executeUpdate(escalationActionUpdate, {
          args: [{ escalationId: id, action, actor, idempotencyKey: idempotencyKey ?? randomUUID(), ...(note ? { note } : {}) }],
        });
        return answer;
      } catch (err) {
        throw rejectionOf(err) ?? err;
      }
    });
    return this.get(id);
  }
}

function rejectionOf(err: unknown): Error | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== ESCALATION_ACTION_REJECTED) return undefined;
  const r = cause.details?.[0] as EscalationActionRejection | undefined;
  if (!r) return undefined;
  if (r.reason === 'NOTE_REQUIRED') return new InvalidInput([{ field: 'note', message: r.message }]);
  if (r.reason === 'UNKNOWN_ESCALATION') return new ServiceUnavailable(r.message);
  return new EscalationActionNotAllowed(r.message);
}

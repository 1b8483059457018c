import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { EscalationListQuery, EscalationStatus, EscalationView } from '@raksha/contracts';
import { caseWorkflowId, escalationActionUpdate } from '@raksha/contracts/temporal';
import { EscalationRepository } from '@raksha/db';
import { escalationActorsOf } from '@raksha/domain';
import { AccessPolicy } from '../auth/access.policy.js';
import { caseActor, type Principal } from '../auth/principal.js';
import { forbidden, notFound } from '../problem/domain-errors.js';
import { TEMPORAL_CLIENT } from '../infrastructure/tokens.js';
import { escalationActionRejections, executeUpdate } from '../infrastructure/temporal-call.js';


type EscalationRow = NonNullable<Awaited<ReturnType<EscalationRepository['findById']>>>;

function view(e: EscalationRow, now = new Date()): EscalationView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const until = e.metAt ?? now;
  return {
    id: e.id,
    caseId: e.caseId,
    caseNumber: e.case?.caseNumber ?? null,
    bodyId: e.bodyId,
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
    status: e.status as EscalationStatus, // the repository writes only these three
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
    private readonly access: AccessPolicy,
  ) {}

  /** Escalations at places in the principal's jurisdiction, soonest due first. */
  async list(principal: Principal, q: Partial<EscalationListQuery> & { limit: number }): Promise<EscalationView[]> {
    const scope = this.access.scope(principal);
    if (scope === 'nothing') return [];
    if (scope.stateCode !== undefined && q.stateCode !== undefined && q.stateCode !== scope.stateCode) return [];
    if (scope.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== scope.districtCode) return [];
    const rows = await this.escalations.list({ ...q, ...scope });
    return rows.map((r) => view(r));
  }

  /** The escalations one workflow raised (an intervention's response), for a record the principal may already see. */
  async raisedBy(watchId: string): Promise<EscalationView[]> {
    return (await this.escalations.list({ watchId })).map((r) => view(r));
  }

  async get(principal: Principal, id: string): Promise<EscalationView> {
    return view(await this.visible(principal, id));
  }

  /**
   * Acknowledging or resolving goes through the workflow that raised it (the case's or the institution's).
   * Only the body the escalation was raised to acts on it (the monitoring cell through its monitors).
   */
  async act(principal: Principal, id: string, action: 'ACKNOWLEDGE' | 'RESOLVE', note?: string, idempotencyKey?: string): Promise<EscalationView> {
    const row = await this.visible(principal, id);
    const role = principal.roles.find((r) => escalationActorsOf(row.toBody).includes(r) && principal.body?.type === row.toBody);
    if (!role) throw forbidden(`only the ${row.toBody} acts on an escalation raised to it`);
    const actor = caseActor(principal, role);
    // A case's escalation is ordered on the case's timeline; a body's, in its institution workflow.
    const handle = this.temporal.workflow.getHandle(row.caseId ? caseWorkflowId(row.caseId) : row.watchId!);
    const request = { escalationId: id, action, actor, idempotencyKey: idempotencyKey ?? randomUUID(), ...(note ? { note } : {}) };
    await executeUpdate(handle, escalationActionUpdate, request, escalationActionRejections);
    return this.get(principal, id);
  }

  /** 404 for an escalation that does not exist or lies outside the principal's jurisdiction. */
  private async visible(principal: Principal, id: string): Promise<EscalationRow> {
    const row = await this.escalations.findById(id);
    if (!row || !this.access.mayKnow(principal, row)) throw notFound('escalation', id);
    return row;
  }
}


// JJ Act s.24(2): a case's destruction status, and the legal hold a member of its Board places or lifts on an order.
import { Injectable } from '@nestjs/common';
import type { RecordsDestructionView, RecordsHoldBody, RetentionView } from '@raksha/contracts';
import { CaseRepository, RecordsDestructionRepository, type RecordsDestructionRow } from '@raksha/db';
import { APPEAL_PERIOD_DAYS, DESTRUCTION_GROUND_WORDS, destructionDecision, RECORDS_DESTRUCTION_CITATION, RETENTION_SCHEDULE, RETENTION_WORDS, type DestructionGround } from '@raksha/domain';
import { can, type Principal } from '../auth/principal.js';
import { CasesService } from '../cases/cases.service.js';
import { forbidden, problem, recordsDestroyed } from '../problem/domain-errors.js';

type CaseRow = Awaited<ReturnType<CasesService['visible']>>;

const DESTROYED_WORDS = 'The records were destroyed under s.24(2) of the Juvenile Justice Act 2015 once the appeal period had run. The case is still counted in the statistics, without anything that identifies the child; the audit trail keeps the proof that they were destroyed.';

/** How many of the retention job's runs the administrators' page shows: two weeks of daily runs. */
const RETENTION_RUNS_SHOWN = 14;

@Injectable()
export class RecordsDestructionService {
  constructor(
    private readonly cases: CasesService,
    private readonly caseRows: CaseRepository,
    private readonly destructions: RecordsDestructionRepository,
  ) {}

  /** The retention schedule (libs/domain) and the daily job's latest runs, for administrators and monitors. */
  async retention(): Promise<RetentionView> {
    const runs = await this.destructions.lastRetentionRuns(RETENTION_RUNS_SHOWN);
    return { rules: RETENTION_SCHEDULE.map((r) => ({ ...r })), runs: runs.map((r) => ({ ranAt: r.ranAt.toISOString(), outcome: r.outcome as Record<string, number> })) };
  }

  /** Where the case stands under s.24: open, scheduled (when), held (on which order), destroyed, or kept and why. */
  async status(principal: Principal, caseId: string): Promise<RecordsDestructionView> {
    const c = await this.cases.visibleEvenDestroyed(principal, caseId);
    return this.view(principal, c, await this.destructions.find(c.id));
  }

  async placeHold(principal: Principal, caseId: string, body: RecordsHoldBody): Promise<RecordsDestructionView> {
    const c = await this.holdable(principal, caseId);
    const saved = await this.destructions.placeHold({ caseId: c.id, orderRef: body.orderRef, reason: body.reason, at: new Date(), audit: this.actor(principal) });
    if (!saved) throw recordsDestroyed(c.caseNumber, (await this.caseRows.findById(c.id))?.destroyedAt ?? new Date());
    return this.view(principal, c, saved);
  }

  async liftHold(principal: Principal, caseId: string, body: RecordsHoldBody): Promise<RecordsDestructionView> {
    const c = await this.holdable(principal, caseId);
    const saved = await this.destructions.liftHold({ caseId: c.id, orderRef: body.orderRef, reason: body.reason, at: new Date(), audit: this.actor(principal) });
    if (!saved) throw problem('records-hold-not-allowed', 'No legal hold stands on this case, so there is none to lift.');
    return this.view(principal, c, saved);
  }

  private actor(principal: Principal) {
    return { actorId: principal.userId, actorRole: principal.roles.join(',') };
  }

  /** A member of the case's own Board (it orders under s.24(2), or records a court's order), on a CICL case not destroyed. */
  private async holdable(principal: Principal, caseId: string): Promise<CaseRow> {
    const c = await this.cases.visible(principal, caseId);
    if (!this.mayHold(principal, c)) throw forbidden('only a member of the case’s Juvenile Justice Board places or lifts a legal hold on its records');
    if (c.track !== 'CICL') throw problem('records-hold-not-allowed', 'Section 24 is about children in conflict with law; this case is of a child in need of care and protection, whose records are not destroyed under it.');
    return c;
  }

  private mayHold(principal: Principal, c: CaseRow): boolean {
    const b = principal.body;
    return can(principal, 'records:hold') && b !== null && b.type === 'JJB' && b.districtCode === c.districtCode && c.track === 'CICL' && !c.destroyedAt;
  }

  private async view(principal: Principal, c: CaseRow, row: RecordsDestructionRow | null): Promise<RecordsDestructionView> {
    const base = {
      caseId: c.id,
      caseNumber: c.caseNumber ?? '',
      ground: row?.ground ?? null,
      orderAt: row?.orderAt?.toISOString() ?? null,
      dueAt: row?.dueAt?.toISOString() ?? null,
      hold: row?.holdOrderRef && row.heldAt ? { orderRef: row.holdOrderRef, reason: row.holdReason ?? '', placedAt: row.heldAt.toISOString(), placedBy: row.heldBy } : null,
      destroyedAt: c.destroyedAt?.toISOString() ?? null,
      mayHold: this.mayHold(principal, c),
      citation: RECORDS_DESTRUCTION_CITATION,
    };
    if (c.destroyedAt) return { ...base, status: 'DESTROYED', explanation: DESTROYED_WORDS };
    if (row?.holdOrderRef) {
      return { ...base, status: 'HELD', explanation: `A legal hold stands on order ${row.holdOrderRef}: the records are not destroyed while it stands. When it is lifted, destruction falls due again.` };
    }
    if (row?.dueAt && row.ground) return { ...base, status: 'SCHEDULED', explanation: `The records are destroyed when the appeal period has run: ${DESTRUCTION_GROUND_WORDS[row.ground as DestructionGround]}.` };
    if (c.phase !== 'CLOSED') {
      return c.track === 'CICL'
        ? { ...base, status: 'OPEN', explanation: `The case is open. If it ends with an order of the Board that s.24 covers, its records are destroyed once the appeal period of ${APPEAL_PERIOD_DAYS} days (s.101(1)) has run, unless a legal hold stands.` }
        : { ...base, status: 'NOT_SCHEDULED', ground: 'NOT_A_CHILD_IN_CONFLICT_WITH_LAW', explanation: RETENTION_WORDS.NOT_A_CHILD_IN_CONFLICT_WITH_LAW, citation: 's.24' };
    }
    const decision = destructionDecision(c.track, await this.caseRows.timeline(c.id), c.closedAt ?? c.updatedAt);
    if (decision.scheduled) {
      // Closed before destruction was scheduled on closure: the schedule the closure would have set.
      return { ...base, status: 'NOT_SCHEDULED', ground: decision.ground, orderAt: decision.orderAt.toISOString(), explanation: 'The case was closed before Raksha scheduled destructions; run `npm run records:schedule` to schedule it.' };
    }
    return { ...base, status: 'NOT_SCHEDULED', ground: decision.reason, explanation: RETENTION_WORDS[decision.reason], citation: decision.citation };
  }
}

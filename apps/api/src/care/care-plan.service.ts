import { Injectable } from '@nestjs/common';
import type { CarePlanAnswer, CarePlanView, IcpGoal, IcpProgress } from '@raksha/contracts';
import type { Principal } from '../auth/principal.js';
import { CasesService } from '../cases/cases.service.js';

const ICP_DEADLINES = ['cncp.icpPreparation', 'cncp.icpReview', 'cicl.icpPreparation'];

/** The Individual Care Plan as the case's timeline records it (s.30(vi)): one source, the case events. */
@Injectable()
export class CarePlanService {
  constructor(private readonly cases: CasesService) {}

  async current(principal: Principal, caseId: string): Promise<CarePlanAnswer> {
    const row = await this.cases.readable(principal, caseId);
    const entries = await this.cases.entriesOf(principal, caseId, ['ICP_PREPARED', 'ICP_REVIEWED']);
    const plans: CarePlanView[] = [];
    for (const e of entries) {
      const p = e.payload as { icpRef: string; goals?: IcpGoal[]; progress?: IcpProgress[] };
      if (e.eventType === 'ICP_PREPARED') {
        plans.push({ icpRef: p.icpRef, preparedAt: e.occurredAt, preparedBy: e.actor, goals: p.goals ?? [], reviews: [], nextDue: null });
        continue;
      }
      const plan = plans[plans.length - 1];
      if (!plan) continue;
      plan.reviews.push({ at: e.occurredAt, by: e.actor, progress: p.progress ?? [], revisedGoals: p.goals !== undefined });
      if (p.goals) plan.goals = p.goals;
    }
    const open = (row.openDeadlines as { id: string; dueAt: string; citation: string }[] | null) ?? [];
    const due = open.find((d) => ICP_DEADLINES.includes(d.id));
    const nextDue = due ? { id: due.id, dueAt: due.dueAt, citation: due.citation } : null;
    const plan = plans.pop() ?? null;
    if (plan) plan.nextDue = nextDue;
    return { plan, nextDue, previous: plans.reverse() };
  }
}

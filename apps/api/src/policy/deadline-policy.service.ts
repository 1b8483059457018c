import { Injectable } from '@nestjs/common';
import { DEADLINE_IDS, DEFAULT_DEADLINE_POLICY, isIsoDuration, resolveDeadlinePolicy, type DeadlineId, type DeadlinePolicyOverrides } from '@raksha/case-machine';
import type { DeadlinePolicyEntry, SetDeadlinePeriodBody } from '@raksha/contracts';
import { DeadlinePolicyRepository, GeographyRepository } from '@raksha/db';
import type { Principal } from '../auth/principal.js';
import { invalidField, notFound } from '../problem/domain-errors.js';

/** A state's deadline periods: the statutory defaults, and where the state adopted its own. */
@Injectable()
export class DeadlinePolicyService {
  constructor(
    private readonly policies: DeadlinePolicyRepository,
    private readonly geography: GeographyRepository,
  ) {}

  /** The periods a new case in this state starts with (passed to its workflow at registration). */
  async overridesFor(stateCode: string): Promise<DeadlinePolicyOverrides> {
    const rows = await this.policies.forState(stateCode);
    return Object.fromEntries(rows.filter((r) => isDeadlineId(r.deadlineId)).map((r) => [r.deadlineId, { within: r.within }]));
  }

  async get(principal: Principal, stateCode: string): Promise<DeadlinePolicyEntry[]> {
    await this.visibleState(principal, stateCode);
    const rows = await this.policies.forState(stateCode);
    const resolved = resolveDeadlinePolicy(await this.overridesFor(stateCode));
    return DEADLINE_IDS.map((id) => {
      const row = rows.find((r) => r.deadlineId === id);
      const rule = resolved[id];
      return {
        id,
        obligation: rule.obligation,
        citation: rule.citation,
        basis: rule.basis,
        within: rule.within,
        defaultWithin: DEFAULT_DEADLINE_POLICY[id].within,
        override: row ? { reason: row.reason, setBy: row.setBy, setAt: row.setAt.toISOString() } : null,
      };
    });
  }

  /** Only the state's own SCPS sets its periods; another state's is a 404, as if unknown. */
  async set(principal: Principal, stateCode: string, deadlineId: string, body: SetDeadlinePeriodBody): Promise<DeadlinePolicyEntry> {
    await this.visibleState(principal, stateCode);
    if (principal.body?.level !== 'STATE' || principal.body.stateCode !== stateCode) throw notFound('state', stateCode);
    if (!isDeadlineId(deadlineId)) throw invalidField('deadlineId', `no deadline ${deadlineId}`);
    if (!isIsoDuration(body.within)) throw invalidField('within', 'not an ISO-8601 duration');
    await this.policies.set({ stateCode, deadlineId, within: body.within, reason: body.reason, setBy: principal.userId, setByRole: principal.roles.join(','), at: new Date() });
    return (await this.get(principal, stateCode)).find((e) => e.id === deadlineId)!;
  }

  private async visibleState(principal: Principal, stateCode: string): Promise<void> {
    const body = principal.body;
    const mayKnow = body !== null && (body.level === 'NATIONAL' || body.stateCode === stateCode);
    if (!mayKnow || !(await this.geography.findState(stateCode))) throw notFound('state', stateCode);
  }
}

const isDeadlineId = (id: string): id is DeadlineId => (DEADLINE_IDS as readonly string[]).includes(id);

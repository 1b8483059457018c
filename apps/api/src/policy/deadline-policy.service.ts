import { Injectable } from '@nestjs/common';
import { bodyDutyRule, DEADLINE_IDS, deadlineOverridesOf, WATCHED_BODY_DUTY_IDS, type EscalationRung, type WatchedBodyDutyId, DEFAULT_DEADLINE_POLICY, isIsoDuration, ladderProblem, resolveDeadlinePolicy, type DeadlineId, type DeadlinePolicyOverrides } from '@raksha/case-machine';
import type { DeadlinePolicyEntry, SetDeadlinePeriodBody } from '@raksha/contracts';
import { ESCALATION_REMINDER_POLICY, isReminderPolicyId, MAX_REMINDER_HOURS, REMINDER_POLICY_IDS, reminderHoursOf, type ReminderPolicyId } from '@raksha/domain';
import { DeadlinePolicyRepository, GeographyRepository } from '@raksha/db';
import type { Principal } from '../auth/principal.js';
import { invalidField, notFound } from '../problem/domain-errors.js';

/** A state's deadline periods and escalation ladders: the statutory defaults, and where the state adopted its own. */
@Injectable()
export class DeadlinePolicyService {
  constructor(
    private readonly policies: DeadlinePolicyRepository,
    private readonly geography: GeographyRepository,
  ) {}

  /** The periods and ladders a new case in this state starts with (passed to its workflow at registration). */
  async overridesFor(stateCode: string): Promise<DeadlinePolicyOverrides> {
    return deadlineOverridesOf(await this.policies.forState(stateCode));
  }

  async get(principal: Principal, stateCode: string): Promise<DeadlinePolicyEntry[]> {
    await this.visibleState(principal, stateCode);
    const rows = await this.policies.forState(stateCode);
    const resolved = resolveDeadlinePolicy(await this.overridesFor(stateCode));
    return DEADLINE_IDS.map((id): DeadlinePolicyEntry => {
      const row = rows.find((r) => r.deadlineId === id);
      const rule = resolved[id];
      return {
        id,
        obligation: rule.obligation,
        citation: rule.citation,
        basis: rule.basis,
        within: rule.within,
        defaultWithin: DEFAULT_DEADLINE_POLICY[id].within,
        opensAfter: rule.opensAfter ?? null,
        defaultOpensAfter: DEFAULT_DEADLINE_POLICY[id].opensAfter ?? null,
        ladder: [...rule.ladder],
        defaultLadder: [...DEFAULT_DEADLINE_POLICY[id].ladder],
        override: row ? { reason: row.reason, setBy: row.setBy, setAt: row.setAt.toISOString() } : null,
      };
    })
      .concat(REMINDER_POLICY_IDS.map((id) => reminderEntry(id, rows.find((r) => r.deadlineId === id))))
      .concat(WATCHED_BODY_DUTY_IDS.map((id) => dutyEntry(id, rows.find((r) => r.deadlineId === id))));
  }

  /** Only the state's own SCPS sets its periods and ladders; another state's is a 404, as if unknown. Fields left out stay as they are. */
  async set(principal: Principal, stateCode: string, deadlineId: string, body: SetDeadlinePeriodBody): Promise<DeadlinePolicyEntry> {
    await this.visibleState(principal, stateCode);
    if (principal.body?.level !== 'STATE' || principal.body.stateCode !== stateCode) throw notFound('state', stateCode);
    if (isReminderPolicyId(deadlineId)) {
      // an escalation reminder's interval: whole hours, nothing else to set
      if (body.opensAfter !== undefined || body.ladder !== undefined) throw invalidField(body.ladder !== undefined ? 'ladder' : 'opensAfter', `${deadlineId} is a reminder interval; set within only`);
      if (body.within === undefined || reminderHoursOf(body.within) === null) throw invalidField('within', `whole hours from PT1H to PT${MAX_REMINDER_HOURS}H`);
    } else if (isWatchedDutyId(deadlineId)) {
      // a body's recurring duty: its count and period are the Act's; a state sets only the ladder a miss climbs
      if (body.within !== undefined || body.opensAfter !== undefined) throw invalidField(body.within !== undefined ? 'within' : 'opensAfter', `${deadlineId} is a body's recurring duty; set its ladder only`);
      if (body.ladder === undefined) throw invalidField('ladder', 'the ladder a missed duty climbs');
    } else if (!isDeadlineId(deadlineId)) throw invalidField('deadlineId', `no deadline ${deadlineId}`);
    if (body.within !== undefined && !isIsoDuration(body.within)) throw invalidField('within', 'not an ISO-8601 duration');
    if (body.opensAfter !== undefined) {
      if (isDeadlineId(deadlineId) && DEFAULT_DEADLINE_POLICY[deadlineId].opensAfter === undefined) throw invalidField('opensAfter', `${deadlineId} has no waiting period before it; set within instead`);
      if (!isIsoDuration(body.opensAfter) || body.opensAfter.startsWith('-')) throw invalidField('opensAfter', 'not a non-negative ISO-8601 duration');
    }
    const badLadder = body.ladder && ladderProblem(body.ladder);
    if (badLadder) throw invalidField('ladder', badLadder);
    await this.policies.set({
      stateCode,
      deadlineId,
      ...(body.within !== undefined && { within: body.within }),
      ...(body.opensAfter !== undefined && { opensAfter: body.opensAfter }),
      ...(body.ladder !== undefined && { ladder: body.ladder }),
      reason: body.reason,
      setBy: principal.userId,
      setByRole: principal.roles.join(','),
      at: new Date(),
    });
    return (await this.get(principal, stateCode)).find((e) => e.id === deadlineId)!;
  }

  private async visibleState(principal: Principal, stateCode: string): Promise<void> {
    const body = principal.body;
    const mayKnow = body !== null && (body.level === 'NATIONAL' || body.stateCode === stateCode);
    if (!mayKnow || !(await this.geography.findState(stateCode))) throw notFound('state', stateCode);
  }
}

const isDeadlineId = (id: string): id is DeadlineId => (DEADLINE_IDS as readonly string[]).includes(id);

/** An escalation reminder's interval as a policy entry (libs/domain reminders.ts): Raksha's policy, no ladder of its own. */
const isWatchedDutyId = (id: string): id is WatchedBodyDutyId => (WATCHED_BODY_DUTY_IDS as readonly string[]).includes(id);

/** A body's recurring duty: `within` is its period (a month, a quarter); the state may set the ladder its misses climb. */
function dutyEntry(id: WatchedBodyDutyId, row: { ladder: unknown; reason: string; setBy: string; setAt: Date } | undefined): DeadlinePolicyEntry {
  const rule = bodyDutyRule(id);
  const period = rule.period === 'MONTH' ? 'P1M' : 'P3M';
  return {
    id,
    obligation: rule.obligation,
    citation: rule.citation,
    basis: rule.basis,
    within: period,
    defaultWithin: period,
    opensAfter: null,
    defaultOpensAfter: null,
    ladder: [...((row?.ladder as EscalationRung[] | null | undefined) ?? rule.ladder)], // stored from a validated ladder
    defaultLadder: [...rule.ladder],
    override: row ? { reason: row.reason, setBy: row.setBy, setAt: row.setAt.toISOString() } : null,
  };
}

function reminderEntry(id: ReminderPolicyId, row: { within: string | null; reason: string; setBy: string; setAt: Date } | undefined): DeadlinePolicyEntry {
  const { afterHours, basis, obligation } = ESCALATION_REMINDER_POLICY[id];
  const defaultWithin = `PT${afterHours}H`;
  return {
    id,
    obligation,
    citation: basis,
    basis: 'policy',
    within: row?.within ?? defaultWithin,
    defaultWithin,
    opensAfter: null,
    defaultOpensAfter: null,
    ladder: [],
    defaultLadder: [],
    override: row ? { reason: row.reason, setBy: row.setBy, setAt: row.setAt.toISOString() } : null,
  };
}

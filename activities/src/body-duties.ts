// What the CWCs and JJBs of a state did of their recurring duties in a period, and which they missed: one place
// for the state monitor's view (API), the daily missed-duty scan (worker) and a duty done late (API).
import { assessBodyDuty, bodyDutyDueAt, bodyDutyRule, dutyPeriodNamed, lastDuePeriod, ladderProblem, type EscalationRung, type WatchedBodyDutyId } from '@raksha/case-machine';
import { watchedDutyMiss, type DutyMiss, type WatchedObligation } from '@raksha/contracts/temporal';
import type { BodyDutyRepository, DutyBody } from '@raksha/db';
import { dayInIndia } from '@raksha/domain';

/** Calendar days (stored as dates) from the first of a period to the first of the next: the IST month or quarter. */
function daysOf(period: 'MONTH' | 'QUARTER', label: string): { from: Date; to: Date } {
  const p = dutyPeriodNamed(period, label);
  if (!p) throw new RangeError(`no ${period.toLowerCase()} ${label}`);
  const ist = (iso: string) => dayInIndia(new Date(iso));
  return { from: new Date(`${ist(p.start)}T00:00:00Z`), to: new Date(`${ist(p.end)}T00:00:00Z`) };
}

const noon = (d: Date) => `${d.toISOString().slice(0, 10)}T12:00:00+05:30`;
const times = (n: number) => (n === 0 ? 'not visited' : n === 1 ? 'visited once' : `visited ${n} times`);

export interface DutyAssessment {
  body: DutyBody;
  dutyId: WatchedBodyDutyId;
  period: string;
  dueAt: string;
  met: boolean;
  /** in plain words, for a notice: "sat on 12 of the 20 days" */
  shortfall: string;
  /** the counts behind it, for the monitor */
  performed: number;
  required: number;
  underVisited?: { cciId: string; name: string; visits: number }[];
}

/** The duty of each body of the kind in one period (the label of the rule's period: 2026-11, 2026-Q4). */
export async function assessDuty(repo: BodyDutyRepository, bodies: readonly DutyBody[], dutyId: WatchedBodyDutyId, label: string): Promise<DutyAssessment[]> {
  const rule = bodyDutyRule(dutyId);
  const owners = bodies.filter((b) => b.type === rule.body);
  if (!owners.length) return [];
  const bounds = dutyPeriodNamed(rule.period, label);
  if (!bounds) throw new RangeError(`no period ${label}`);
  const dueAt = bodyDutyDueAt(rule, bounds.end);
  const { from, to } = daysOf(rule.period, label);
  const ids = owners.map((b) => b.id);
  const of = (body: DutyBody, met: boolean, shortfall: string, performed: number, required: number, extra: Partial<DutyAssessment> = {}): DutyAssessment => ({
    body,
    dutyId,
    period: bounds.label,
    dueAt,
    met,
    shortfall,
    performed,
    required,
    ...extra,
  });

  if (dutyId === 'cwc.sittings') {
    const days = await repo.sittingDays(ids, from, to);
    return owners.map((body) => {
      const sat = days.get(body.id) ?? []; // one row per day
      const a = assessBodyDuty(rule, bounds.start, sat.map((d) => ({ at: noon(d) })));
      return of(body, a.met, `sat on ${sat.length} of the ${rule.atLeast} days`, sat.length, rule.atLeast);
    });
  }
  if (dutyId === 'cwc.cciVisits') {
    const ccis = await repo.ccisOf([...new Set(owners.map((b) => b.districtCode))]);
    const visits = await repo.inspections([...ccis.values()].flat().map((c) => c.id), from, to);
    return owners.map((body) => {
      const mine = ccis.get(body.districtCode) ?? [];
      const byCwc = visits.filter((v) => v.visitedAs === 'CWC' && v.byBodyId === body.id).map((v) => ({ at: noon(v.visitedOn), cciRef: v.cciId }));
      const a = assessBodyDuty(rule, bounds.start, byCwc, mine.map((c) => c.id));
      const underVisited = a.shortfalls.map((s) => ({ cciId: s.cciRef!, name: mine.find((c) => c.id === s.cciRef)?.name ?? s.cciRef!, visits: s.performed }));
      const shortfall = underVisited.map((u) => `${u.name} ${times(u.visits)}`).join('; ');
      return of(body, a.met, `${shortfall} (each is to be visited at least ${rule.atLeast} times a month)`, mine.length - underVisited.length, mine.length, { underVisited });
    });
  }
  // a return: filed for the period, whenever (a late one is late, but filed)
  const filed = new Set((await repo.returns(ids, dutyId)).filter((r) => r.period === bounds.label).map((r) => r.bodyId));
  const what = dutyId === 'cwc.quarterlyReturn' ? 'the quarterly return (Form 16) was not sent to the District Magistrate' : 'the pendency report was not sent to the Chief Judicial Magistrate and the District Magistrate';
  return owners.map((body) => of(body, filed.has(body.id), what, filed.has(body.id) ? 1 : 0, 1));
}

/** A state's own ladder for a duty, where its SCPS set one (PUT /states/:code/deadline-policy/:dutyId); otherwise the default. */
export function dutyLadderOf(rows: readonly { deadlineId: string; ladder: unknown }[], dutyId: string): readonly EscalationRung[] | undefined {
  const ladder = rows.find((r) => r.deadlineId === dutyId)?.ladder as EscalationRung[] | null | undefined;
  return ladder && !ladderProblem(ladder) ? ladder : undefined;
}

export interface DutyWatchDeps {
  duties: BodyDutyRepository;
  /** a state's policy rows (the ladder it set per duty) */
  policies: { forState(stateCode: string): Promise<{ deadlineId: string; ladder: unknown }[]> };
  /** tells the obligation watch (signal-with-start): false if it could not */
  tell(watched: WatchedObligation): Promise<unknown>;
}

const WATCHED: readonly WatchedBodyDutyId[] = ['cwc.sittings', 'cwc.cciVisits', 'cwc.quarterlyReturn', 'jjb.pendencyReport'];

/**
 * The daily scan: for each duty, the latest period whose due time has passed; each body that missed it has a watch
 * started, which escalates it up the state's ladder (DCPU at once, then SCPS, then the monitoring cell). A miss
 * already escalated is left to its watch, so running twice starts nothing twice. Returns the watches started.
 * `only` narrows the scan to a state or district (an operator's re-run, a test's own district).
 */
export async function watchMissedDuties(deps: DutyWatchDeps, now: Date, only?: { stateCode: string; districtCode?: string }): Promise<DutyMiss[]> {
  const started: DutyMiss[] = [];
  for (const stateCode of only ? [only.stateCode] : await deps.duties.dutyStates()) {
    const bodies = await deps.duties.dutyBodies(stateCode, only?.districtCode);
    const policy = await deps.policies.forState(stateCode);
    for (const dutyId of WATCHED) {
      const { label } = lastDuePeriod(bodyDutyRule(dutyId), now.toISOString());
      for (const a of await assessDuty(deps.duties, bodies, dutyId, label)) {
        if (a.met || (await deps.duties.escalated(a.body.id, dutyId, new Date(a.dueAt)))) continue;
        const ladder = dutyLadderOf(policy, dutyId);
        const miss: DutyMiss = { body: a.body, dutyId, period: a.period, dueAt: a.dueAt, shortfall: a.shortfall, ...(ladder && { ladder }) };
        await deps.tell(watchedDutyMiss(miss));
        started.push(miss);
      }
    }
  }
  return started;
}

/**
 * A duty done late (a sitting, visit or return recorded for a period already missed): once the period's duty is met,
 * its escalations are marked met and its watch stops climbing. Nothing happens for a period not yet due or not escalated.
 */
export async function dutyDoneLate(
  deps: Pick<DutyWatchDeps, 'duties' | 'tell'> & { markMet(bodyId: string, dutyId: string, dueAt: Date, metAt: Date): Promise<unknown> },
  body: DutyBody,
  dutyId: WatchedBodyDutyId,
  label: string,
  now: Date,
): Promise<boolean> {
  const [a] = await assessDuty(deps.duties, [body], dutyId, label);
  if (!a || !a.met || Date.parse(a.dueAt) > now.getTime() || !(await deps.duties.escalated(body.id, dutyId, new Date(a.dueAt)))) return false;
  await deps.markMet(body.id, dutyId, new Date(a.dueAt), now);
  await deps.tell(watchedDutyMiss({ body, dutyId, period: a.period, dueAt: a.dueAt, shortfall: 'done late', closed: true }));
  return true;
}

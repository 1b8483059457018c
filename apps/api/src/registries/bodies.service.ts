import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BodyRosterRepository, InstitutionRepository, type BodyRosterRecord, type ChangeOutcome } from '@raksha/db';
import { bodyDutyRule, leastSittingWeekdays } from '@raksha/case-machine';
import { covers, dayInIndia, MEMBER_TERM_MAX_YEARS, seatProblems, termProblem } from '@raksha/domain';
import type { Principal } from '../auth/principal.js';
import { invalidField, invalidInput, notFound, staleRecord, type FieldIssue } from '../problem/domain-errors.js';
import { encodeIdCursor, MEMBER_DESIGNATIONS, MEMBER_SEATS, WEEKDAYS, type BodyListQuery, type BodyView, type Page, type RegistryHistoryEntry, type ReplaceMembersBody, type ReplaceSittingDaysBody } from '@raksha/contracts';
import { registryChange, toHistory } from './registry-change.js';

const rank = (designation: string) => (MEMBER_DESIGNATIONS as readonly string[]).indexOf(designation);
/** Members in the order of their seats (the Chairperson first), then by term and name. */
const view = (b: BodyRosterRecord): BodyView => ({ ...b, members: [...b.members].sort((x, y) => rank(x.designation) - rank(y.designation)) });

/**
 * Whether the principal may know of a body: one serving a place in their jurisdiction, or one above
 * their own place (a district's people know their state's SCPS and the ministry).
 */
function mayKnowBody(principal: Principal, b: BodyRosterRecord): boolean {
  const mine = principal.body;
  if (!mine) return false;
  if (mine.level === 'NATIONAL' || b.level === 'NATIONAL') return true;
  if (b.districtCode === null) return b.stateCode === mine.stateCode;
  return covers(mine, { stateCode: b.stateCode ?? '', districtCode: b.districtCode });
}

/** The bodies of the system, and the CWC's and JJB's members and sitting days. */
@Injectable()
export class BodiesService {
  constructor(
    private readonly bodies: BodyRosterRepository,
    private readonly registry: InstitutionRepository,
  ) {}

  async list(principal: Principal, q: BodyListQuery): Promise<Page<BodyView>> {
    const mine = principal.body;
    const none = { items: [], nextCursor: null };
    if (!mine) return none;
    const filter = { ...(q.type && { type: q.type }), ...(q.cursor && { afterId: q.cursor }), limit: q.limit + 1 };
    let rows: BodyRosterRecord[];
    if (mine.level === 'NATIONAL') {
      rows = await this.bodies.list({ ...filter, stateCode: q.stateCode, districtCode: q.districtCode });
    } else if (mine.level === 'STATE') {
      if (q.stateCode !== undefined && q.stateCode !== mine.stateCode) return none;
      rows = await this.bodies.list({ ...filter, stateCode: mine.stateCode ?? '', districtCode: q.districtCode });
    } else {
      if (q.stateCode !== undefined && q.stateCode !== mine.stateCode) return none;
      if (q.districtCode !== undefined && q.districtCode !== mine.districtCode) return none;
      const serving = { stateCode: mine.stateCode ?? '', districtCode: mine.districtCode ?? '' };
      rows = await this.bodies.list({ ...filter, stateCode: q.stateCode, districtCode: q.districtCode, servingDistrict: serving });
    }
    const page = rows.slice(0, q.limit);
    return { items: page.map(view), nextCursor: rows.length > q.limit ? encodeIdCursor(page[page.length - 1]!.id) : null };
  }

  async get(principal: Principal, id: string): Promise<BodyView> {
    return view(await this.visible(principal, id));
  }

  async history(principal: Principal, id: string): Promise<RegistryHistoryEntry[]> {
    await this.visible(principal, id);
    return (await this.registry.history(id)).map(toHistory);
  }

  /**
   * The CWC's or JJB's roster now (replacing the list): at most the seats the Act gives each designation filled (a
   * seat whose term has ended is history and fills none). A seat may name the account of its holder, a member of
   * this body: their term of office is that seat's (outside it they cannot act as a member).
   */
  async replaceMembers(principal: Principal, id: string, expectedVersion: number | undefined, body: ReplaceMembersBody): Promise<BodyView> {
    const target = await this.sittingBody(principal, id);
    const type = target.type as 'CWC' | 'JJB';
    const seats = MEMBER_SEATS[type];
    const issues: FieldIssue[] = body.members.flatMap((m, i) =>
      seats[m.designation] === undefined ? [{ field: `members.${i}.designation`, message: `a ${target.type} has no ${m.designation}; it has ${Object.keys(seats).join(', ')}` }] : [],
    );
    const members = body.members.map((m) => ({ id: randomUUID(), name: m.name, designation: m.designation, termFrom: m.termFrom, termTo: m.termTo ?? null, userId: m.userId ?? null }));
    for (const { designation, most, filled } of seatProblems(type, members, dayInIndia())) {
      issues.push({ field: 'members', message: `a ${target.type} has ${most} ${designation} seat${most > 1 ? 's' : ''}, not ${filled}` });
    }
    const linked = members.flatMap((m) => (m.userId ? [m.userId] : []));
    const seatable = new Set(await this.bodies.seatableAccounts(id, type === 'CWC' ? 'CWC_MEMBER' : 'JJB_MEMBER', linked));
    members.forEach((m, i) => {
      if (!m.userId) return;
      if (!seatable.has(m.userId)) issues.push({ field: `members.${i}.userId`, message: `not an active ${type === 'CWC' ? 'CWC_MEMBER' : 'JJB_MEMBER'} of this body` });
      // The seat is the account holder's term of office: bounded as an invitation's (libs/domain termProblem).
      else if (!m.termTo) issues.push({ field: `members.${i}.termTo`, message: "the seat of someone who signs in needs its term's last day", key: 'error.termRequired' });
      else if (termProblem([type === 'CWC' ? 'CWC_MEMBER' : 'JJB_MEMBER'], { from: m.termFrom, until: m.termTo })) {
        const years = MEMBER_TERM_MAX_YEARS[type === 'CWC' ? 'CWC_MEMBER' : 'JJB_MEMBER'];
        issues.push({ field: `members.${i}.termTo`, message: `a term may be at most ${years} years`, key: 'error.termTooLong', params: { years } });
      }
      else if (linked.indexOf(m.userId) !== linked.lastIndexOf(m.userId) && members.findIndex((x) => x.userId === m.userId) !== i) {
        issues.push({ field: `members.${i}.userId`, message: 'one person holds one seat on a body' });
      }
    });
    if (issues.length) throw invalidInput(issues);
    return this.applied(id, expectedVersion, await this.bodies.replaceMembers(id, expectedVersion, members, registryChange(principal, 'body.members.replaced')));
  }

  async replaceSittingDays(principal: Principal, id: string, expectedVersion: number | undefined, body: ReplaceSittingDaysBody): Promise<BodyView> {
    const target = await this.sittingBody(principal, id);
    const days = WEEKDAYS.filter((d) => body.sittingDays.includes(d));
    const least = leastSittingWeekdays();
    if (target.type === 'CWC' && days.length < least) {
      throw invalidField('sittingDays', `a CWC sits at least ${bodyDutyRule('cwc.sittings').atLeast} days a month (s.28(1)): choose at least ${least} days of the week, so that every month, February too, has them`);
    }
    return this.applied(id, expectedVersion, await this.bodies.replaceSittingDays(id, expectedVersion, days, registryChange(principal, 'body.sittingDays.replaced')));
  }

  private applied(id: string, expectedVersion: number | undefined, outcome: ChangeOutcome<BodyRosterRecord>): BodyView {
    if (outcome.ok) return view(outcome.after);
    if (outcome.reason === 'NOT_FOUND') throw notFound('body', id);
    throw staleRecord(expectedVersion ?? 0, outcome.version);
  }

  /** A CWC or JJB the principal may manage: its district's (DCPU) or its state's (SCPS); others 404. */
  private async sittingBody(principal: Principal, id: string): Promise<BodyRosterRecord> {
    const found = await this.visible(principal, id);
    if (found.type !== 'CWC' && found.type !== 'JJB') throw invalidField('id', `${id} is a ${found.type}; only a CWC or JJB has members and sitting days`);
    if (!principal.body || !covers(principal.body, { stateCode: found.stateCode ?? '', districtCode: found.districtCode ?? '' })) throw notFound('body', id);
    return found;
  }

  private async visible(principal: Principal, id: string): Promise<BodyRosterRecord> {
    const found = await this.bodies.findById(id);
    if (!found || !mayKnowBody(principal, found)) throw notFound('body', id);
    return found;
  }
}

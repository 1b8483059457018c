import { Inject, Injectable } from '@nestjs/common';
import { assessDuty } from '@raksha/activities';
import { bodyDutyDueAt, bodyDutyRule, dutyPeriodNamed, dutyPeriodOf, lastDuePeriod, type ReturnDutyId } from '@raksha/case-machine';
import type { BodyFunctioning, FileReturnBody, FunctioningQuery, FunctioningView, InspectionMonthView, InspectionView, RecordInspectionBody, ReturnView } from '@raksha/contracts';
import { BodyDutyRepository, type BodyReturnRecord, type CciInspectionRecord, type DutyBody } from '@raksha/db';
import { AccessPolicy } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { DutyFulfilment } from '../obligations/duty-fulfilment.js';
import { forbidden, invalidField, notFound } from '../problem/domain-errors.js';
import { BodiesService } from '../registries/bodies.service.js';
import { InstitutionsService } from '../registries/institutions.service.js';
import { registryChange } from '../registries/registry-change.js';
import { dayInIndia } from '@raksha/domain';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const istDay = (iso: string | Date) => dayInIndia(new Date(iso));
/** When a body counts as not functioning whatever else it did: no sitting in this many days (policy). */
const NO_SITTING_DAYS = 30;
const RETURN_BODY: Record<ReturnDutyId, 'CWC' | 'JJB'> = { 'cwc.quarterlyReturn': 'CWC', 'jjb.pendencyReport': 'JJB' };

const inspectionView = (i: CciInspectionRecord): InspectionView => ({
  id: i.id,
  cciId: i.cciId,
  byBodyId: i.byBodyId,
  visitedAs: i.visitedAs as InspectionView['visitedAs'],
  visitedOn: dayOf(i.visitedOn),
  findings: i.findings,
  recordedBy: i.recordedBy,
  recordedAt: i.recordedAt.toISOString(),
});

function returnView(r: BodyReturnRecord): ReturnView {
  const rule = bodyDutyRule(r.dutyId as ReturnDutyId);
  const dueOn = istDay(new Date(Date.parse(bodyDutyDueAt(rule, dutyPeriodNamed('QUARTER', r.period)!.end)) - 1));
  return {
    bodyId: r.bodyId,
    dutyId: r.dutyId,
    period: r.period,
    filedOn: dayOf(r.filedOn),
    pending: r.pending,
    disposed: r.disposed,
    dueOn,
    onTime: dayOf(r.filedOn) <= dueOn,
    citation: rule.dueAfterPeriod ? `${rule.citation}; due ${rule.dueAfterPeriod.citation}` : rule.citation,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
  };
}

/** Visits to child care institutions, the returns CWCs and JJBs file, and which of them are functioning. */
@Injectable()
export class DutiesService {
  constructor(
    @Inject(BodyDutyRepository) private readonly duties: BodyDutyRepository,
    private readonly bodies: BodiesService,
    private readonly institutions: InstitutionsService,
    private readonly fulfilment: DutyFulfilment,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * A member of the district's CWC records its visit (s.30(viii): two a month to each institution), or a DCPU officer
   * the DCPU's or the inspection committee's (s.54); with what was found.
   */
  async recordInspection(principal: Principal, cciId: string, body: RecordInspectionBody, now = new Date()): Promise<InspectionView> {
    const cci = await this.institutions.get(principal, cciId);
    const by = principal.body;
    const visitedAs =
      by?.type === 'CWC' && principal.roles.includes('CWC_MEMBER') ? 'CWC' : by?.type === 'DCPU' && principal.roles.includes('DCPU_OFFICER') ? (body.asInspectionCommittee ? 'INSPECTION_COMMITTEE' : 'DCPU') : undefined;
    if (!visitedAs || by?.districtCode !== cci.districtCode) throw forbidden(`only a member of the district's CWC or an officer of its DCPU records a visit to ${cci.name}`);
    if (body.asInspectionCommittee && visitedAs !== 'INSPECTION_COMMITTEE') throw invalidField('asInspectionCommittee', 'the DCPU records the inspection committee’s visits; a CWC records its own');
    if (body.visitedOn > dayInIndia(now)) throw invalidField('visitedOn', 'a visit is recorded on or after the day it took place, not before');
    const recorded = await this.duties.recordInspection(
      { cciId, byBodyId: by.id, visitedAs, visitedOn: new Date(`${body.visitedOn}T00:00:00Z`), findings: body.findings },
      registryChange(principal, 'institution.inspection.recorded', now),
    );
    if (visitedAs === 'CWC' && by.stateCode && by.districtCode) {
      await this.fulfilment.recorded({ id: by.id, type: 'CWC', name: by.name, stateCode: by.stateCode, districtCode: by.districtCode }, 'cwc.cciVisits', { day: body.visitedOn }, now);
    }
    return inspectionView(recorded);
  }

  /** An institution's visits in a month, and whether its CWC visited it the twice s.30(viii) asks. */
  async inspections(principal: Principal, cciId: string, month: string): Promise<InspectionMonthView> {
    await this.institutions.get(principal, cciId);
    const [year, m] = month.split('-').map(Number) as [number, number];
    const rows = await this.duties.inspections([cciId], new Date(Date.UTC(year, m - 1, 1)), new Date(Date.UTC(year, m, 1)));
    const rule = bodyDutyRule('cwc.cciVisits');
    const cwcVisits = rows.filter((r) => r.visitedAs === 'CWC').length;
    return { cciId, month, inspections: rows.map(inspectionView), cwcVisits, required: rule.atLeast, met: cwcVisits >= rule.atLeast, citation: rule.citation };
  }

  /** A member of the CWC files its F.16 (R.17(v)), of the JJB its pendency report (s.16(3)), for a quarter ended; again replaces it. */
  async fileReturn(principal: Principal, bodyId: string, dutyId: ReturnDutyId, quarter: string, body: FileReturnBody, now = new Date()): Promise<ReturnView> {
    const owner = await this.bodies.get(principal, bodyId);
    const kind = RETURN_BODY[dutyId];
    if (owner.type !== kind) throw invalidField('dutyId', `${dutyId} is a ${kind}'s return; ${owner.name} is a ${owner.type}`);
    const member = kind === 'CWC' ? 'CWC_MEMBER' : 'JJB_MEMBER';
    if (principal.body?.id !== bodyId || !principal.roles.includes(member)) throw forbidden(`only a member of ${owner.name} files its return`);
    const period = dutyPeriodNamed('QUARTER', quarter)!;
    if (Date.parse(period.end) > now.getTime()) throw invalidField('quarter', 'a return covers a quarter that has ended');
    if (body.filedOn > dayInIndia(now)) throw invalidField('filedOn', 'a return is recorded on or after the day it was sent, not before');
    if (body.filedOn < istDay(period.end)) throw invalidField('filedOn', 'a return is sent after the quarter it covers has ended');
    const filed = await this.duties.fileReturn(
      { bodyId, dutyId, period: quarter, filedOn: new Date(`${body.filedOn}T00:00:00Z`), pending: body.pending, disposed: body.disposed },
      registryChange(principal, 'body.return.filed', now),
    );
    if (owner.stateCode && owner.districtCode) {
      await this.fulfilment.recorded({ id: bodyId, type: kind, name: owner.name, stateCode: owner.stateCode, districtCode: owner.districtCode }, dutyId, { period: quarter }, now);
    }
    return returnView(filed);
  }

  async returns(principal: Principal, bodyId: string): Promise<ReturnView[]> {
    await this.bodies.get(principal, bodyId);
    return (await this.duties.returns([bodyId])).map(returnView);
  }

  /** The CWCs and JJBs of a state (or of the monitor's district) this month: sittings, pending cases, visits, returns, missed duties. */
  async functioning(principal: Principal, q: FunctioningQuery, now = new Date()): Promise<FunctioningView> {
    const own = this.access.scope(principal);
    if (own === 'nothing') throw notFound('state', q.stateCode ?? '');
    const stateCode = own.stateCode ?? own.districtCode?.split('-')[0] ?? q.stateCode;
    if (!stateCode) throw invalidField('stateCode', 'name the state to look at');
    if (q.stateCode !== undefined && q.stateCode !== stateCode) throw notFound('state', q.stateCode);
    if (own.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== own.districtCode) throw notFound('state', q.districtCode);
    const districtCode = own.districtCode ?? q.districtCode;
    const thisMonth = dutyPeriodOf('MONTH', now.toISOString()).label;
    const month = q.month ?? thisMonth;
    if (month > thisMonth) throw invalidField('month', 'a month that has begun');
    const bodies = await this.duties.dutyBodies(stateCode, districtCode);
    const ids = bodies.map((b) => b.id);
    const [sittings, visits, pending, lastSat, returns, open, cwcReturnDue, jjbReturnDue] = await Promise.all([
      assessDuty(this.duties, bodies, 'cwc.sittings', month),
      assessDuty(this.duties, bodies, 'cwc.cciVisits', month),
      this.duties.pendingCases(stateCode),
      this.duties.lastSittings(ids),
      this.duties.returns(ids),
      this.duties.openDutyEscalations(ids, ['cwc.sittings', 'cwc.cciVisits', 'cwc.quarterlyReturn', 'jjb.pendencyReport']),
      Promise.resolve(lastDuePeriod(bodyDutyRule('cwc.quarterlyReturn'), now.toISOString())),
      Promise.resolve(lastDuePeriod(bodyDutyRule('jjb.pendencyReport'), now.toISOString())),
    ]);
    const lastVisits = await this.duties.lastInspections(visits.flatMap((v) => v.underVisited ?? []).map((u) => u.cciId));
    const [year, m] = month.split('-').map(Number) as [number, number];
    const sittingDays = await this.duties.sittingDays(ids, new Date(Date.UTC(year, m - 1, 1)), new Date(Date.UTC(year, m, 1)));
    const today = dayInIndia(now);
    const view = (b: DutyBody): BodyFunctioning => {
      const s = sittings.find((x) => x.body.id === b.id);
      const v = visits.find((x) => x.body.id === b.id);
      const mine = returns.filter((r) => r.bodyId === b.id);
      const due = b.type === 'CWC' ? cwcReturnDue : jjbReturnDue;
      const last = lastSat.get(b.id);
      const held = (sittingDays.get(b.id) ?? []).length;
      // On track: the days of the month still to come could bring the sittings to the minimum.
      const monthEnd = dutyPeriodNamed('MONTH', month)!.end;
      const daysLeft = month === thisMonth ? Math.max(0, Math.round((Date.parse(monthEnd) - Date.parse(`${today}T00:00:00+05:30`)) / DAY)) : 0;
      const onTrack = s ? held + daysLeft >= s.required : null;
      const openEscalations = open.get(b.id) ?? 0;
      const silent = !last || Date.parse(`${today}T00:00:00Z`) - last.getTime() > NO_SITTING_DAYS * DAY;
      const dueFiled = mine.some((r) => r.period === due.label);
      const status = openEscalations > 0 || silent ? 'NOT_FUNCTIONING' : (s && !s.met && !onTrack) || (v && !v.met && month !== thisMonth) || !dueFiled ? 'AT_RISK' : 'FUNCTIONING';
      return {
        bodyId: b.id,
        type: b.type as 'CWC' | 'JJB',
        name: b.name,
        districtCode: b.districtCode,
        sittings: held,
        required: s?.required ?? null,
        sittingsOnTrack: onTrack,
        lastSatOn: last ? dayOf(last) : null,
        pendingCases: pending.get(`${b.districtCode}|${b.type === 'CWC' ? 'CNCP' : 'CICL'}`) ?? 0,
        ccisUnderVisited: v ? (v.underVisited ?? []).map((u) => ({ ...u, lastVisitedOn: lastVisits.get(u.cciId) ? dayOf(lastVisits.get(u.cciId)!) : null })) : null,
        lastReturn: mine[0] ? { period: mine[0].period, filedOn: dayOf(mine[0].filedOn) } : null,
        lastReturnDue: { period: due.label, dueOn: istDay(new Date(Date.parse(due.dueAt) - 1)), filed: dueFiled },
        openEscalations,
        status,
      };
    };
    return {
      stateCode,
      month,
      bodies: bodies.map(view),
      citations: {
        cwcSittings: bodyDutyRule('cwc.sittings').citation,
        cciVisits: bodyDutyRule('cwc.cciVisits').citation,
        cwcReturn: bodyDutyRule('cwc.quarterlyReturn').citation,
        jjbReturn: bodyDutyRule('jjb.pendencyReport').citation,
      },
    };
  }
}

import { Injectable } from '@nestjs/common';
import { CwcSittingRepository, type CwcSittingRecord } from '@raksha/db';
import { assessBodyDuty, bodyDutyRule } from '@raksha/case-machine';
import type { RecordSittingBody, SittingMonthView, SittingView } from '@raksha/contracts';
import type { Principal } from '../auth/principal.js';
import { forbidden, invalidField, invalidInput } from '../problem/domain-errors.js';
import { BodiesService } from './bodies.service.js';

const IST_OFFSET_MS = 330 * 60_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const todayInIndia = (now: Date) => new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
const view = (s: CwcSittingRecord): SittingView => ({ sittingOn: dayOf(s.sittingOn), caseIds: s.caseIds, recordedBy: s.recordedBy, recordedAt: s.recordedAt.toISOString() });

/** A CWC's sittings and cause lists, and whether a month had the sittings s.28(1) asks. */
@Injectable()
export class SittingsService {
  constructor(
    private readonly sittings: CwcSittingRepository,
    private readonly bodies: BodiesService,
  ) {}

  /** A member of the CWC records the day it sat and the cases it heard (its own district's); the day again replaces its list. */
  async record(principal: Principal, bodyId: string, day: string, body: RecordSittingBody, now = new Date()): Promise<SittingView> {
    const cwc = await this.bodies.get(principal, bodyId);
    if (cwc.type !== 'CWC') throw invalidField('id', `${bodyId} is a ${cwc.type}; only a CWC records its sittings here`);
    if (principal.body?.id !== bodyId || !principal.roles.includes('CWC_MEMBER')) throw forbidden(`only a member of ${cwc.name} records its sittings`);
    if (day > todayInIndia(now)) throw invalidField('day', 'a sitting is recorded on or after the day it took place, not before');
    const caseIds = [...new Set(body.caseIds)];
    const ours = await this.sittings.casesOfDistrict(caseIds, cwc.districtCode ?? '');
    const issues = body.caseIds.flatMap((id, i) => (ours.has(id) ? [] : [{ field: `caseIds.${i}`, message: `no case ${id} in this Committee's district` }]));
    if (issues.length) throw invalidInput(issues);
    return view(await this.sittings.record(bodyId, new Date(`${day}T00:00:00Z`), caseIds, principal.userId, now));
  }

  /** The month's sittings (IST calendar month) and whether they reach s.28(1)'s twenty days. */
  async month(principal: Principal, bodyId: string, month: string): Promise<SittingMonthView> {
    const cwc = await this.bodies.get(principal, bodyId);
    if (cwc.type !== 'CWC') throw invalidField('id', `${bodyId} is a ${cwc.type}; only a CWC has sittings here`);
    const [year, m] = month.split('-').map(Number) as [number, number];
    const rows = await this.sittings.between(bodyId, new Date(Date.UTC(year, m - 1, 1)), new Date(Date.UTC(year, m, 1)));
    const rule = bodyDutyRule('cwc.sittings');
    // A sitting's day is an IST date: noon IST of it lies in the same IST month whatever the offset.
    const assessed = assessBodyDuty(rule, `${month}-15T12:00:00+05:30`, rows.map((r) => ({ at: `${dayOf(r.sittingOn)}T12:00:00+05:30` })));
    const held = rows.length;
    return { bodyId, month, sittings: rows.map(view), held, required: rule.atLeast, met: assessed.met, citation: rule.citation };
  }
}

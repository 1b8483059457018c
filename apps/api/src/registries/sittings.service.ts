import { Injectable } from '@nestjs/common';
import { CwcSittingRepository, type CwcSittingRecord } from '@raksha/db';
import { assessBodyDuty, bodyDutyRule } from '@raksha/case-machine';
import type { RecordSittingBody, SittingMonthView, SittingView } from '@raksha/contracts';
import { dayInIndia, trackBefore } from '@raksha/domain';
import type { Principal } from '../auth/principal.js';
import { DutyFulfilment } from '../obligations/duty-fulfilment.js';
import { forbidden, invalidField, invalidInput } from '../problem/domain-errors.js';
import { BodiesService } from './bodies.service.js';
import { registryChange } from './registry-change.js';

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const view = (s: CwcSittingRecord): SittingView => ({ sittingOn: dayOf(s.sittingOn), caseIds: s.caseIds, recordedBy: s.recordedBy, recordedAt: s.recordedAt.toISOString() });
/** Who sits: a CWC's members (s.28(1): at least 20 days a month), a JJB's (s.7(1): as the State's rules prescribe). */
const MEMBER_ROLE = { CWC: 'CWC_MEMBER', JJB: 'JJB_MEMBER' } as const;
const JJB_SITTINGS_CITATION = 's.7(1) (the JJB meets as the State’s rules prescribe; no minimum in the Act)';

/** A CWC's or JJB's sittings and cause lists, and whether a CWC's month had the sittings s.28(1) asks. */
@Injectable()
export class SittingsService {
  constructor(
    private readonly sittings: CwcSittingRepository,
    private readonly bodies: BodiesService,
    private readonly fulfilment: DutyFulfilment,
  ) {}

  /** A member records the day the body sat and the cases it heard (its own district's, on its track); the day again replaces its list. */
  async record(principal: Principal, bodyId: string, day: string, body: RecordSittingBody, now = new Date()): Promise<SittingView> {
    const sitting = await this.bodies.get(principal, bodyId);
    if (sitting.type !== 'CWC' && sitting.type !== 'JJB') throw invalidField('id', `${bodyId} is a ${sitting.type}; only a CWC or JJB records its sittings here`);
    if (principal.body?.id !== bodyId || !principal.roles.includes(MEMBER_ROLE[sitting.type])) throw forbidden(`only a member of ${sitting.name} records its sittings`);
    if (day > dayInIndia(now)) throw invalidField('day', 'a sitting is recorded on or after the day it took place, not before');
    const caseIds = [...new Set(body.caseIds)];
    const ours = await this.sittings.casesBefore(caseIds, sitting.districtCode ?? '', trackBefore(sitting.type) ?? '');
    const kind = sitting.type === 'CWC' ? 'Committee' : 'Board';
    const issues = body.caseIds.flatMap((id, i) => (ours.has(id) ? [] : [{ field: `caseIds.${i}`, message: `no case ${id} before this ${kind} in its district` }]));
    if (issues.length) throw invalidInput(issues);
    const recorded = view(await this.sittings.record(bodyId, new Date(`${day}T00:00:00Z`), caseIds, registryChange(principal, 'body.sitting.recorded', now)));
    if (sitting.type === 'CWC' && sitting.stateCode && sitting.districtCode) {
      await this.fulfilment.recorded({ id: bodyId, type: 'CWC', name: sitting.name, stateCode: sitting.stateCode, districtCode: sitting.districtCode }, 'cwc.sittings', { day }, now);
    }
    return recorded;
  }

  /** The month's sittings (IST calendar month); for a CWC, whether they reach s.28(1)'s twenty days. */
  async month(principal: Principal, bodyId: string, month: string): Promise<SittingMonthView> {
    const sitting = await this.bodies.get(principal, bodyId);
    if (sitting.type !== 'CWC' && sitting.type !== 'JJB') throw invalidField('id', `${bodyId} is a ${sitting.type}; only a CWC or JJB has sittings here`);
    const [year, m] = month.split('-').map(Number) as [number, number];
    const rows = await this.sittings.between(bodyId, new Date(Date.UTC(year, m - 1, 1)), new Date(Date.UTC(year, m, 1)));
    const base = { bodyId, month, sittings: rows.map(view), held: rows.length };
    if (sitting.type === 'JJB') return { ...base, required: null, met: null, citation: JJB_SITTINGS_CITATION };
    const rule = bodyDutyRule('cwc.sittings');
    // A sitting's day is an IST date: noon IST of it lies in the same IST month whatever the offset.
    const assessed = assessBodyDuty(rule, `${month}-15T12:00:00+05:30`, rows.map((r) => ({ at: `${dayOf(r.sittingOn)}T12:00:00+05:30` })));
    return { ...base, required: rule.atLeast, met: assessed.met, citation: rule.citation };
  }
}

import { Injectable } from '@nestjs/common';
import type { DashboardQuery } from '@raksha/contracts';
import { DashboardRepository, type DashboardScope } from '@raksha/db';
import { AccessPolicy } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { InvalidInput, StateNotFound } from '../problem/domain-errors.js';

const DAY = 86_400_000;
/** Follow-ups counted as due when they fall due within this many days. */
const FOLLOW_UP_HORIZON_DAYS = 30;

/** The calendar date in India Standard Time, which the period's days are. */
const istDate = (d: Date) => new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 10);

export type Overview = Awaited<ReturnType<DashboardsService['overview']>>;

/** The MIS dashboard of a state or district for a period: what the JJ Act's deadlines look like in aggregate. */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly dashboards: DashboardRepository,
    private readonly access: AccessPolicy,
  ) {}

  async overview(principal: Principal, q: DashboardQuery) {
    const scope = this.scopeOf(principal, q);
    const now = new Date();
    const [casesByTrackAndPhase, pendingBeyond4Months, onTime, escalations, missingReports, occupancy, restorations] = await Promise.all([
      this.dashboards.casesByTrackAndPhase(scope),
      this.dashboards.pendingBeyond4Months(scope, now),
      this.dashboards.onTime(scope),
      this.dashboards.escalations(scope, now),
      this.dashboards.missingReports(scope),
      this.dashboards.occupancy(scope),
      this.dashboards.restorations(scope, now, FOLLOW_UP_HORIZON_DAYS),
    ]);
    const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
    return {
      scope: { stateCode: scope.stateCode ?? null, districtCode: scope.districtCode ?? null, from: istDate(scope.from), to: istDate(new Date(scope.to.getTime() - 1)) },
      casesByTrackAndPhase,
      pendingBeyond4Months,
      production: { produced: onTime.produced, within24Hours: onTime.producedOnTime, sharePercent: share(onTime.producedOnTime, onTime.produced) },
      socialInvestigationReports: { submitted: onTime.sirs, onTime: onTime.sirsOnTime, sharePercent: share(onTime.sirsOnTime, onTime.sirs) },
      escalations,
      missingReports,
      occupancy: {
        institutions: occupancy,
        total: occupancy.reduce((t, i) => ({ sanctioned: t.sanctioned + i.sanctioned, occupied: t.occupied + i.occupied }), { sanctioned: 0, occupied: 0 }),
      },
      restorations: { ...restorations, followUpHorizonDays: FOLLOW_UP_HORIZON_DAYS },
    };
  }

  /** The overview as CSV: one row per figure, `section,key,value`, for a spreadsheet. */
  toCsv(o: Overview): string {
    const rows: [string, string, string | number | null][] = [
      ...Object.entries(o.scope).map(([k, v]) => ['scope', k, v] as [string, string, string | null]),
      ...o.casesByTrackAndPhase.map((r) => ['casesByTrackAndPhase', `${r.track}/${r.phase}`, r.cases] as [string, string, number]),
      ...o.pendingBeyond4Months.map((r) => ['pendingBeyond4Months', r.track, r.cases] as [string, string, number]),
      ...Object.entries(o.production).map(([k, v]) => ['production', k, v] as [string, string, number | null]),
      ...Object.entries(o.socialInvestigationReports).map(([k, v]) => ['socialInvestigationReports', k, v] as [string, string, number | null]),
      ...o.escalations.flatMap((r) => [
        ['escalations', `${r.toBody}/${r.status}/count`, r.escalations],
        ['escalations', `${r.toBody}/${r.status}/medianAgeHours`, r.medianAgeHours],
      ] as [string, string, number | null][]),
      ...o.missingReports.byStatus.map((r) => ['missingReports', r.status, r.reports] as [string, string, number]),
      ['missingReports', 'medianDaysToTrace', o.missingReports.medianDaysToTrace],
      ...o.occupancy.institutions.flatMap((i) => [
        ['occupancy', `${i.institutionId}/sanctioned`, i.sanctioned],
        ['occupancy', `${i.institutionId}/occupied`, i.occupied],
      ] as [string, string, number][]),
      ...Object.entries(o.restorations).map(([k, v]) => ['restorations', k, v] as [string, string, number]),
    ];
    const cell = (v: string | number | null) => {
      const text = v === null ? '' : String(v);
      return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
    return ['section,key,value', ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
  }

  /** The principal's own jurisdiction narrows (never widens) the place asked for. */
  private scopeOf(principal: Principal, q: DashboardQuery): DashboardScope {
    const own = this.access.scope(principal);
    if (own === 'nothing') throw new StateNotFound(q.stateCode ?? '');
    if (own.stateCode !== undefined && q.stateCode !== undefined && q.stateCode !== own.stateCode) throw new StateNotFound(q.stateCode);
    if (own.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== own.districtCode) throw new StateNotFound(q.districtCode);
    if (q.districtCode && q.stateCode && !q.districtCode.startsWith(`${q.stateCode}-`)) {
      throw new InvalidInput([{ field: 'districtCode', message: `${q.districtCode} is not in ${q.stateCode}` }]);
    }
    const to = q.to ? new Date(Date.parse(`${q.to}T00:00:00+05:30`) + DAY) : new Date();
    const from = q.from ? new Date(`${q.from}T00:00:00+05:30`) : new Date(to.getTime() - 365 * DAY);
    const districtCode = own.districtCode ?? q.districtCode;
    // A district code begins with its state's (RJ-JAIPUR is in RJ).
    const stateCode = own.stateCode ?? q.stateCode ?? districtCode?.slice(0, 2);
    return { ...(stateCode && { stateCode }), ...(districtCode && { districtCode }), from, to };
  }
}

import { Injectable } from '@nestjs/common';
import { csvLine, type DashboardArea, type DashboardOverview, type DashboardQuery, type DashboardSection } from '@raksha/contracts';
import { DashboardRepository, TrendsRepository, type DashboardScope } from '@raksha/db';
import { AccessPolicy } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { invalidField, notFound } from '../problem/domain-errors.js';
import { dayInIndia } from '@raksha/domain';

const DAY = 86_400_000;
/** Follow-ups counted as due when they fall due within this many days. */
const FOLLOW_UP_HORIZON_DAYS = 30;

/** The calendar date in India Standard Time, which the period's days are. */
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const sum = <T>(rows: readonly T[], of: (r: T) => number) => rows.reduce((t, r) => t + of(r), 0);

type Cell = string | number | null;
interface Table {
  columns: string[];
  rows: Cell[][];
}

/** Counts of each area summed over the areas: one row per value of the other fields, in the rows' (SQL's) order. */
function acrossAreas<R extends { area: string; cases: number }>(rows: readonly R[]): Omit<R, 'area'>[] {
  const byKey = new Map<string, Omit<R, 'area'>>();
  for (const { area: _area, ...row } of rows) {
    const key = JSON.stringify({ ...row, cases: 0 });
    const seen = byKey.get(key);
    if (seen) seen.cases += row.cases;
    else byKey.set(key, row);
  }
  return [...byKey.values()];
}

/** The MIS dashboard of a state or district for a period: what the JJ Act's deadlines look like in aggregate. */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly dashboards: DashboardRepository,
    private readonly trends: TrendsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async overview(principal: Principal, q: DashboardQuery): Promise<DashboardOverview> {
    const scope = this.scopeOf(principal, q);
    const now = new Date();
    const [placeName, areaNames, cases, pending, onTime, production, escalations, missing, institutions, restorations] = await Promise.all([
      this.dashboards.placeName(scope),
      this.dashboards.areas(scope),
      this.dashboards.casesByTrackAndPhase(scope),
      this.dashboards.pendingBeyond4Months(scope, now),
      this.dashboards.onTime(scope),
      this.trends.productionByArea(scope),
      this.dashboards.escalations(scope, now),
      this.dashboards.missingReports(scope),
      this.dashboards.occupancy(scope),
      this.dashboards.restorations(scope, now, FOLLOW_UP_HORIZON_DAYS),
    ]);
    if (placeName === null) throw notFound('state', scope.districtCode ?? scope.stateCode ?? '');

    const reportsByStatus = new Map<string, number>();
    for (const r of missing.byAreaAndStatus) reportsByStatus.set(r.status, (reportsByStatus.get(r.status) ?? 0) + r.reports);
    // Production counted by the hours that passed (s.31(1), s.10(1)), not by the state's deadline setting.
    const produced = sum(production, (r) => r.produced);
    const producedOnTime = sum(production, (r) => r.within24Hours);
    const sirs = sum(onTime, (r) => r.sirs);
    const sirsOnTime = sum(onTime, (r) => r.sirsOnTime);

    const inArea = <T extends { area: string }>(rows: readonly T[], code: string) => rows.filter((r) => r.area === code);
    const areas: DashboardArea[] = areaNames.map(({ area, name }) => {
      const t = inArea(onTime, area)[0];
      const prod = inArea(production, area)[0];
      const p = prod?.produced ?? 0;
      const pOnTime = prod?.within24Hours ?? 0;
      const e = inArea(escalations.byArea, area)[0];
      const m = inArea(missing.byAreaAndStatus, area);
      const ccis = inArea(institutions, area);
      const r = inArea(restorations, area)[0];
      return {
        code: area,
        name,
        casesRegistered: sum(inArea(cases, area), (x) => x.cases),
        pendingBeyond4Months: sum(inArea(pending, area), (x) => x.cases),
        produced: p,
        producedWithin24Hours: pOnTime,
        productionSharePercent: share(pOnTime, p),
        sirsSubmitted: t?.sirs ?? 0,
        sirsOnTime: t?.sirsOnTime ?? 0,
        escalationsRaised: e?.escalations ?? 0,
        escalationsOpen: e?.open ?? 0,
        missingReports: sum(m, (x) => x.reports),
        missingTraced: sum(m.filter((x) => x.status === 'TRACED'), (x) => x.reports),
        sanctionedPlaces: sum(ccis, (x) => x.sanctioned),
        childrenInCare: sum(ccis, (x) => x.occupied),
        restored: r?.restored ?? 0,
        followUpsOverdue: r?.followUpsOverdue ?? 0,
      };
    });

    return {
      scope: { name: placeName, stateCode: scope.stateCode ?? null, districtCode: scope.districtCode ?? null, from: dayInIndia(scope.from), to: dayInIndia(new Date(scope.to.getTime() - 1)) },
      /** What the areas are: the districts of a state or district, the states of the country. */
      areaLevel: scope.stateCode ? 'DISTRICT' : 'STATE',
      areas,
      casesByTrackAndPhase: acrossAreas(cases),
      pendingBeyond4Months: acrossAreas(pending),
      production: { produced, within24Hours: producedOnTime, sharePercent: share(producedOnTime, produced) },
      socialInvestigationReports: { submitted: sirs, onTime: sirsOnTime, sharePercent: share(sirsOnTime, sirs) },
      escalations: escalations.byBodyAndStatus,
      missingReports: {
        byStatus: [...reportsByStatus].sort(([a], [b]) => a.localeCompare(b)).map(([status, reports]) => ({ status, reports })),
        medianDaysToTrace: missing.medianDaysToTrace,
      },
      occupancy: {
        institutions: institutions.map(({ institutionId, name, districtCode, sanctioned, occupied }) => ({ institutionId, name, districtCode, sanctioned, occupied })),
        total: { sanctioned: sum(institutions, (i) => i.sanctioned), occupied: sum(institutions, (i) => i.occupied) },
      },
      restorations: {
        restored: sum(restorations, (r) => r.restored),
        followUpsDue: sum(restorations, (r) => r.followUpsDue),
        followUpsOverdue: sum(restorations, (r) => r.followUpsOverdue),
        followUpHorizonDays: FOLLOW_UP_HORIZON_DAYS,
      },
    };
  }

  /** A section of the overview as a table: what its chart shows, row by row. */
  table(o: DashboardOverview, section: DashboardSection): Table {
    switch (section) {
      case 'areas':
        return {
          columns: ['code', 'name', 'casesRegistered', 'pendingBeyond4Months', 'produced', 'producedWithin24Hours', 'productionSharePercent', 'sirsSubmitted', 'sirsOnTime', 'escalationsRaised', 'escalationsOpen', 'missingReports', 'missingTraced', 'sanctionedPlaces', 'childrenInCare', 'restored', 'followUpsOverdue'],
          rows: o.areas.map((a) => [a.code, a.name, a.casesRegistered, a.pendingBeyond4Months, a.produced, a.producedWithin24Hours, a.productionSharePercent, a.sirsSubmitted, a.sirsOnTime, a.escalationsRaised, a.escalationsOpen, a.missingReports, a.missingTraced, a.sanctionedPlaces, a.childrenInCare, a.restored, a.followUpsOverdue]),
        };
      case 'cases':
        return { columns: ['track', 'phase', 'cases'], rows: o.casesByTrackAndPhase.map((r) => [r.track, r.phase, r.cases]) };
      case 'pendency':
        return { columns: ['track', 'casesPendingBeyond4Months'], rows: o.pendingBeyond4Months.map((r) => [r.track, r.cases]) };
      case 'production':
        return { columns: ['produced', 'within24Hours', 'sharePercent'], rows: [[o.production.produced, o.production.within24Hours, o.production.sharePercent]] };
      case 'sirs': {
        const s = o.socialInvestigationReports;
        return { columns: ['submitted', 'onTime', 'sharePercent'], rows: [[s.submitted, s.onTime, s.sharePercent]] };
      }
      case 'escalations':
        return { columns: ['toBody', 'status', 'escalations', 'medianAgeHours', 'maxAgeHours'], rows: o.escalations.map((r) => [r.toBody, r.status, r.escalations, r.medianAgeHours, r.maxAgeHours]) };
      case 'missingReports':
        return {
          columns: ['status', 'reports', 'medianDaysToTrace'],
          rows: o.missingReports.byStatus.map((r) => [r.status, r.reports, r.status === 'TRACED' ? o.missingReports.medianDaysToTrace : null]),
        };
      case 'occupancy':
        return {
          columns: ['institutionId', 'name', 'districtCode', 'sanctioned', 'occupied'],
          rows: o.occupancy.institutions.map((i) => [i.institutionId, i.name, i.districtCode, i.sanctioned, i.occupied]),
        };
      case 'restorations': {
        const r = o.restorations;
        return { columns: ['restored', 'followUpsDue', 'followUpsOverdue', 'followUpHorizonDays'], rows: [[r.restored, r.followUpsDue, r.followUpsOverdue, r.followUpHorizonDays]] };
      }
    }
  }

  /** One section as CSV with its own columns, or the whole overview as `section,key,value` rows. */
  toCsv(o: DashboardOverview, section?: DashboardSection): string {
    if (section) {
      const t = this.table(o, section);
      return csv([t.columns, ...t.rows]);
    }
    const rows: Cell[][] = [
      ['section', 'key', 'value'],
      ...Object.entries(o.scope).map(([k, v]) => ['scope', k, v]),
      ...o.areas.flatMap((a) => Object.entries(a).filter(([k]) => k !== 'code').map(([k, v]) => ['areas', `${a.code}/${k}`, v])),
      ...o.casesByTrackAndPhase.map((r) => ['casesByTrackAndPhase', `${r.track}/${r.phase}`, r.cases]),
      ...o.pendingBeyond4Months.map((r) => ['pendingBeyond4Months', r.track, r.cases]),
      ...Object.entries(o.production).map(([k, v]) => ['production', k, v]),
      ...Object.entries(o.socialInvestigationReports).map(([k, v]) => ['socialInvestigationReports', k, v]),
      ...o.escalations.flatMap((r) => [
        ['escalations', `${r.toBody}/${r.status}/count`, r.escalations],
        ['escalations', `${r.toBody}/${r.status}/medianAgeHours`, r.medianAgeHours],
      ]),
      ...o.missingReports.byStatus.map((r) => ['missingReports', r.status, r.reports]),
      ['missingReports', 'medianDaysToTrace', o.missingReports.medianDaysToTrace],
      ...o.occupancy.institutions.flatMap((i) => [
        ['occupancy', `${i.institutionId}/sanctioned`, i.sanctioned],
        ['occupancy', `${i.institutionId}/occupied`, i.occupied],
      ]),
      ...Object.entries(o.restorations).map(([k, v]) => ['restorations', k, v]),
    ];
    return csv(rows);
  }

  /** The principal's own jurisdiction narrows (never widens) the place asked for. */
  private scopeOf(principal: Principal, q: DashboardQuery): DashboardScope {
    const own = this.access.scope(principal);
    if (own === 'nothing') throw notFound('state', q.stateCode ?? '');
    if (own.stateCode !== undefined && q.stateCode !== undefined && q.stateCode !== own.stateCode) throw notFound('state', q.stateCode);
    if (own.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== own.districtCode) throw notFound('state', q.districtCode);
    if (q.districtCode && q.stateCode && !q.districtCode.startsWith(`${q.stateCode}-`)) {
      throw invalidField('districtCode', `${q.districtCode} is not in ${q.stateCode}`);
    }
    const to = q.to ? new Date(Date.parse(`${q.to}T00:00:00+05:30`) + DAY) : new Date();
    const from = q.from ? new Date(`${q.from}T00:00:00+05:30`) : new Date(to.getTime() - 365 * DAY);
    const districtCode = own.districtCode ?? q.districtCode;
    // A district code begins with its state's (RJ-JAIPUR is in RJ).
    const stateCode = own.stateCode ?? q.stateCode ?? districtCode?.slice(0, 2);
    return { ...(stateCode && { stateCode }), ...(districtCode && { districtCode }), from, to };
  }
}

/** RFC 4180 lines with CRLF ends; an empty field for a figure that has no value (a share of nothing). */
const csv = (rows: readonly Cell[][]) => rows.map((r) => csvLine(r.map((v) => (v === null ? '' : String(v))))).join('\r\n') + '\r\n';

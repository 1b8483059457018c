import { Injectable } from '@nestjs/common';
import { csvLine, type DashboardCases, type DashboardCasesQuery, type DashboardTrendMonth, type DashboardTrendQuery, type DashboardTrends } from '@raksha/contracts';
import { DashboardRepository, TrendsRepository, type MonthlyFlows } from '@raksha/db';
import { hasPermission, monthInIndia, monthStartInIndia, POLICE_BODIES } from '@raksha/domain';
import { AccessPolicy, type PlaceScope } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { forbidden, invalidField, notFound } from '../problem/domain-errors.js';

const DAY = 86_400_000;
const IST = '+05:30';
const TREND_COLUMNS = ['month', 'registered', 'produced', 'producedWithin24Hours', 'pendingBeyond4Months', 'escalations', 'missingReports', 'foundReports'] as const;

/**
 * The dashboards' monthly trends and the cases behind a figure. Monitors (dashboard:read) see their jurisdiction's;
 * the police (an SJPU, a police station) their district's and their station area's: what they registered, produced
 * and reported. A case list is a police station's own area's cases only.
 */
@Injectable()
export class DashboardTrendsService {
  constructor(
    private readonly trends: TrendsRepository,
    private readonly dashboards: DashboardRepository,
    private readonly access: AccessPolicy,
  ) {}

  async monthly(principal: Principal, q: DashboardTrendQuery, now = new Date()): Promise<DashboardTrends> {
    const place = await this.placeOf(principal, q, 'counts');
    const last = q.to ?? monthInIndia(now);
    const starts = Array.from({ length: q.months }, (_, i) => monthStartInIndia(last, i - q.months + 1));
    const months = starts.map(monthInIndia);
    const end = monthStartInIndia(last, 1);
    // Closed months of a state, a district or the nation come from the nightly roll-up (its districts' counts added
    // up); a police station's area, the current month and any month not rolled up yet are counted live.
    const rolled = place.scope.thanaCode ? new Map() : await this.trends.rolledUp(place.scope, months.filter((m) => monthStartInIndia(m, 1) <= now));
    const live = months.map((m, i) => ({ month: m, start: starts[i]!, end: i + 1 < months.length ? starts[i + 1]! : end })).filter((m) => !rolled.has(m.month));
    // The stock of pending inquiries at each live month's end, from the timelines; for the current month, now: the
    // cases in an inquiry now, read from their rows as the overview counts them (a station's area from the timelines).
    const ended = live.filter((m) => m.end < now || place.scope.thanaCode);
    const current = live.find((m) => !ended.includes(m));
    const [counts, pending, pendingNow] = live.length
      ? await Promise.all([
          this.trends.monthly({ ...place.scope, from: live[0]!.start, to: end }),
          this.trends.pendingAt(place.scope, ended.map((m) => (m.end < now ? m.end : now))),
          current ? this.dashboards.pendingBeyond4Months({ ...place.scope, from: now, to: now }, now) : [],
        ])
      : [new Map<string, MonthlyFlows>(), [], []];
    const pendingOf = new Map(ended.map((m, i) => [m.month, pending[i] ?? 0]));
    if (current) pendingOf.set(current.month, pendingNow.reduce((sum, r) => sum + r.cases, 0));
    return {
      scope: { name: place.name, stateCode: place.scope.stateCode ?? null, districtCode: place.scope.districtCode ?? null, thanaCode: place.scope.thanaCode ?? null, thanaName: place.thanaName },
      months: months.map((month, i): DashboardTrendMonth => {
        const c = rolled.get(month) ?? counts.get(month);
        return {
          month,
          registered: c?.registered ?? 0,
          produced: c?.produced ?? 0,
          producedWithin24Hours: c?.producedWithin24Hours ?? 0,
          pendingBeyond4Months: starts[i]! > now ? 0 : (rolled.get(month)?.pendingBeyond4Months ?? pendingOf.get(month) ?? 0),
          escalations: c?.escalations ?? 0,
          missingReports: c?.missingReports ?? 0,
          foundReports: c?.foundReports ?? 0,
        };
      }),
    };
  }

  /** The trends as a table: a month a row. */
  toCsv(t: DashboardTrends): string {
    const rows = [[...TREND_COLUMNS], ...t.months.map((m) => TREND_COLUMNS.map((k) => String(m[k])))];
    return rows.map((r) => csvLine(r)).join('\r\n') + '\r\n';
  }

  /** The cases behind one figure: counted exactly as the figure was, in the caller's own cases' reach. */
  async casesBehind(principal: Principal, q: DashboardCasesQuery, now = new Date()): Promise<DashboardCases> {
    const place = await this.placeOf(principal, q, 'cases');
    const to = q.month ? monthStartInIndia(q.month, 1) : q.to ? new Date(Date.parse(`${q.to}T00:00:00${IST}`) + DAY) : now;
    const from = q.month ? monthStartInIndia(q.month) : q.from ? new Date(`${q.from}T00:00:00${IST}`) : new Date(to.getTime() - 365 * DAY);
    const found = await this.trends.casesBehind({ ...place.scope, from, to }, q.measure, { ...(q.track && { track: q.track }), ...(q.phase && { phase: q.phase }) }, now);
    return {
      place: place.thanaName ?? place.name,
      total: found.total,
      limit: found.limit,
      cases: found.rows.map((c) => ({
        id: c.id,
        caseNumber: c.caseNumber,
        track: c.track,
        phase: c.phase,
        districtCode: c.districtCode,
        districtName: c.districtName,
        registeredAt: c.registeredAt.toISOString(),
        producedAt: c.producedAt?.toISOString() ?? null,
        hoursToProduction: c.producedAt ? Math.round((c.producedAt.getTime() - c.registeredAt.getTime()) / 360_000) / 10 : null,
      })),
    };
  }

  /**
   * The place asked for, within the caller's jurisdiction: a monitor's, or the police's district (counts) and, for a
   * police station, its own area (and only its area's cases). Outside it: 404, as for any record one may not know of.
   */
  private async placeOf(principal: Principal, q: { stateCode?: string; districtCode?: string; thanaCode?: string }, purpose: 'counts' | 'cases') {
    const police = principal.body !== null && (POLICE_BODIES as readonly string[]).includes(principal.body.type);
    if (!police && !hasPermission(principal.roles, 'dashboard:read')) throw forbidden('The dashboards are for monitors, the DCPU, the SCPS and the police');
    const own = purpose === 'cases' ? this.access.workScope(principal) : this.access.scope(principal);
    const asked = q.thanaCode ?? q.districtCode ?? q.stateCode ?? '';
    if (own === 'nothing') throw notFound('state', asked);
    if (own.stateCode !== undefined && q.stateCode !== undefined && q.stateCode !== own.stateCode) throw notFound('state', q.stateCode);
    if (own.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== own.districtCode) throw notFound('state', q.districtCode);
    const ownThana = (own as PlaceScope).thanaCode;
    // A police station reads the counts of its district and of its own area, never another station's area.
    const stationThana = principal.body?.level === 'THANA' ? (principal.body.thanaCode ?? undefined) : undefined;
    const allowedThana = ownThana ?? stationThana;
    if (allowedThana !== undefined && q.thanaCode !== undefined && q.thanaCode !== allowedThana) throw notFound('state', q.thanaCode);
    const thana = q.thanaCode ? await this.trends.thana(q.thanaCode) : null;
    if (q.thanaCode && (thana === null || (own.districtCode ?? q.districtCode ?? thana.districtCode) !== thana.districtCode)) throw notFound('state', q.thanaCode);
    const districtCode = own.districtCode ?? q.districtCode ?? thana?.districtCode;
    if (q.districtCode && q.stateCode && !q.districtCode.startsWith(`${q.stateCode}-`)) throw invalidField('districtCode', `${q.districtCode} is not in ${q.stateCode}`);
    const stateCode = own.stateCode ?? q.stateCode ?? districtCode?.slice(0, 2);
    if (stateCode && districtCode && !districtCode.startsWith(`${stateCode}-`)) throw notFound('state', districtCode);
    const thanaCode = ownThana ?? q.thanaCode;
    const scope = { ...(stateCode && { stateCode }), ...(districtCode && { districtCode }), ...(thanaCode && { thanaCode }) };
    const name = await this.dashboards.placeName({ ...scope, from: new Date(0), to: new Date(0) });
    if (name === null) throw notFound('state', districtCode ?? stateCode ?? '');
    const thanaName = thanaCode ? (thana ?? (await this.trends.thana(thanaCode)))?.name ?? null : null;
    return { scope, name, thanaName };
  }
}

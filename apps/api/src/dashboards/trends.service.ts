import { Injectable } from '@nestjs/common';
import { csvLine, type DashboardCases, type DashboardCasesQuery, type DashboardTrendMonth, type DashboardTrendQuery, type DashboardTrends } from '@raksha/contracts';
import { DashboardRepository } from '@raksha/db';
import { hasPermission, POLICE_BODIES } from '@raksha/domain';
import { AccessPolicy, type PlaceScope } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { forbidden, invalidField, notFound } from '../problem/domain-errors.js';
import { TrendsRepository, type TrendScope } from './trends.repository.js';

const DAY = 86_400_000;
const IST = '+05:30';
/** The month of a time in India Standard Time, yyyy-mm. */
const monthOfTime = (d: Date) => new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 7);
/** The first instant of a month (yyyy-mm) in India Standard Time, and of the month `offset` months after it. */
function monthStart(month: string, offset = 0): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return new Date(`${d.toISOString().slice(0, 7)}-01T00:00:00${IST}`);
}
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
    const last = q.to ?? monthOfTime(now);
    const months = Array.from({ length: q.months }, (_, i) => monthStart(last, i - q.months + 1));
    const end = monthStart(last, 1);
    const scope: TrendScope = { ...place.scope, from: months[0]!, to: end };
    // The stock of pending inquiries at each month's end; for the current month, now.
    const ends = months.map((m, i) => (i + 1 < months.length ? months[i + 1]! : end)).map((e) => (e < now ? e : now));
    const [counts, pending] = await Promise.all([this.trends.monthly(scope), this.trends.pendingAt(place.scope, ends)]);
    return {
      scope: { name: place.name, stateCode: place.scope.stateCode ?? null, districtCode: place.scope.districtCode ?? null, thanaCode: place.scope.thanaCode ?? null, thanaName: place.thanaName },
      months: months.map((start, i): DashboardTrendMonth => {
        const month = monthOfTime(start);
        const c = counts.get(month);
        return {
          month,
          registered: c?.registered ?? 0,
          produced: c?.produced ?? 0,
          producedWithin24Hours: c?.producedWithin24Hours ?? 0,
          pendingBeyond4Months: start > now ? 0 : (pending[i] ?? 0),
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
    const to = q.month ? monthStart(q.month, 1) : q.to ? new Date(Date.parse(`${q.to}T00:00:00${IST}`) + DAY) : now;
    const from = q.month ? monthStart(q.month) : q.from ? new Date(`${q.from}T00:00:00${IST}`) : new Date(to.getTime() - 365 * DAY);
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

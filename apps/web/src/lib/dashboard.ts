// The dashboard's place and period as the person chose them, and the query the API takes for them.
import { DASHBOARD_MEASURES, type DashboardMeasure, type DashboardSection } from '@raksha/contracts';
import { localeOf, type Lang } from './i18n.js';

export interface DashboardScope {
  stateCode: string;
  districtCode: string;
  /** yyyy-mm-dd, or empty for the last 12 months */
  from: string;
  to: string;
}

/**
 * `GET /dashboards/overview` query: empty fields left out (the API then uses the person's own jurisdiction);
 * `csv` asks for one section's table, or every figure ('all'), as CSV.
 */
export function dashboardQuery(scope: DashboardScope, csv?: DashboardSection | 'all'): string {
  const q = new URLSearchParams();
  if (scope.stateCode) q.set('stateCode', scope.stateCode);
  if (scope.districtCode) q.set('districtCode', scope.districtCode);
  if (scope.from) q.set('from', scope.from);
  if (scope.to) q.set('to', scope.to);
  if (csv) q.set('format', 'csv');
  if (csv && csv !== 'all') q.set('section', csv);
  return q.toString();
}


/** The cases behind one figure: what it counts, and in which month or (else) the dashboard's period; by track or stage. */
export interface Drill {
  measure: DashboardMeasure;
  /** yyyy-mm, or empty for the dashboard's period */
  month: string;
  track: string;
  phase: string;
}

/** Everything the dashboard shows, as its address holds it: a link opens the same place, period and list. */
export interface DashboardView extends DashboardScope {
  /** a police station's area, for the police's dashboard */
  thanaCode: string;
  drill: Drill | null;
}

const VIEW_KEYS = { stateCode: 'state', districtCode: 'district', thanaCode: 'station', from: 'from', to: 'to' } as const;
const isMeasure = (m: string | null): m is DashboardMeasure => m !== null && (DASHBOARD_MEASURES as readonly string[]).includes(m);

/** The dashboard's view from its address's query (`?district=RJ-JAIPUR&cases=registered&month=2026-05`). */
export function viewOf(search: string): DashboardView {
  const q = new URLSearchParams(search);
  const get = (k: string) => q.get(k)?.trim() ?? '';
  const measure = q.get('cases');
  return {
    stateCode: get(VIEW_KEYS.stateCode).toUpperCase(),
    districtCode: get(VIEW_KEYS.districtCode).toUpperCase(),
    thanaCode: get(VIEW_KEYS.thanaCode).toUpperCase(),
    from: get('from'),
    to: get('to'),
    drill: isMeasure(measure) ? { measure, month: get('month'), track: get('track'), phase: get('phase') } : null,
  };
}

/** The address's query of a view, empty fields left out (the inverse of `viewOf`). */
export function searchOf(v: DashboardView): string {
  const q = new URLSearchParams();
  for (const [field, key] of Object.entries(VIEW_KEYS)) if (v[field as keyof typeof VIEW_KEYS]) q.set(key, v[field as keyof typeof VIEW_KEYS]);
  if (v.drill) {
    q.set('cases', v.drill.measure);
    if (v.drill.month) q.set('month', v.drill.month);
    if (v.drill.track) q.set('track', v.drill.track);
    if (v.drill.phase) q.set('phase', v.drill.phase);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** `GET /dashboards/trends` query: the place (the months end with the period's end, 12 of them); `csv` for the table. */
export function trendsQuery(v: DashboardView, csv = false): string {
  const q = new URLSearchParams();
  if (v.stateCode) q.set('stateCode', v.stateCode);
  if (v.districtCode) q.set('districtCode', v.districtCode);
  if (v.thanaCode) q.set('thanaCode', v.thanaCode);
  if (v.to) q.set('to', v.to.slice(0, 7));
  if (csv) q.set('format', 'csv');
  return q.toString();
}

/** `GET /dashboards/cases` query: the place, and the drill's month or else the dashboard's period. */
export function casesQuery(v: DashboardView, drill: Drill): string {
  const q = new URLSearchParams({ measure: drill.measure });
  if (v.stateCode) q.set('stateCode', v.stateCode);
  if (v.districtCode) q.set('districtCode', v.districtCode);
  if (v.thanaCode) q.set('thanaCode', v.thanaCode);
  if (drill.month) q.set('month', drill.month);
  else {
    if (v.from) q.set('from', v.from);
    if (v.to) q.set('to', v.to);
  }
  if (drill.track) q.set('track', drill.track);
  if (drill.phase) q.set('phase', drill.phase);
  return q.toString();
}

/** A month (yyyy-mm) as the person's language names it: "May 2026", "मई 2026"; short for a chart's axis. */
export function formatMonth(lang: Lang, month: string, width: 'short' | 'long' = 'long'): string {
  const d = new Date(`${month}-15T12:00:00+05:30`);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(localeOf(lang), { month: width, year: width === 'long' ? 'numeric' : '2-digit', timeZone: 'Asia/Kolkata' }).format(d);
}

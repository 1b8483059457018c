// The dashboard's place and period as the person chose them, and the query the API takes for them.
import type { DashboardSection } from '@raksha/contracts';

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

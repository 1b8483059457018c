// What a dashboard figure counts, for a drill-down to its cases. A file of its own, without zod: the web app's
// dashboard reads the list and so ships no schema library for it.
export const DASHBOARD_MEASURES = ['registered', 'produced', 'producedWithin24Hours', 'producedAfter24Hours', 'pendingBeyond4Months', 'escalations'] as const;
export type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number];

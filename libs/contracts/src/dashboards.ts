// The MIS dashboard: its place, period and sections, and what it answers.
import { z } from 'zod';

/** The sections of the MIS dashboard, each a table of its own (and a CSV of its own). */
export const DASHBOARD_SECTIONS = ['areas', 'cases', 'pendency', 'production', 'sirs', 'escalations', 'missingReports', 'occupancy', 'restorations'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** A dashboard's place and period; the period defaults to the last 12 months. */
export const dashboardQuery = z
  .strictObject({
    stateCode: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code').optional(),
    districtCode: z.string().trim().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a district code such as RJ-JAIPUR').optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    format: z.enum(['json', 'csv']).default('json'),
    /** With format=csv: that section's table alone, with its own columns. */
    section: z.enum(DASHBOARD_SECTIONS).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'], params: { key: 'error.periodOrder' } })
  .refine((q) => q.section === undefined || q.format === 'csv', { message: 'a section is exported as CSV: add format=csv', path: ['section'] });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const count = z.number();
const share = z.number().nullable();

/** One area's row of the dashboard's comparison table (a district of a state, or a state of the country). */
export const dashboardArea = z.object({
  code: z.string(),
  name: z.string(),
  casesRegistered: count,
  pendingBeyond4Months: count,
  produced: count,
  producedWithin24Hours: count,
  productionSharePercent: share,
  sirsSubmitted: count,
  sirsOnTime: count,
  escalationsRaised: count,
  escalationsOpen: count,
  missingReports: count,
  missingTraced: count,
  sanctionedPlaces: count,
  childrenInCare: count,
  restored: count,
  followUpsOverdue: count,
});
export type DashboardArea = z.infer<typeof dashboardArea>;

/** What GET /dashboards/overview answers (format=json). */
export const dashboardOverview = z.object({
  scope: z.object({ name: z.string(), stateCode: z.string().nullable(), districtCode: z.string().nullable(), from: z.string(), to: z.string() }),
  areaLevel: z.enum(['STATE', 'DISTRICT']),
  areas: z.array(dashboardArea),
  casesByTrackAndPhase: z.array(z.object({ track: z.string(), phase: z.string(), cases: count })),
  pendingBeyond4Months: z.array(z.object({ track: z.string(), cases: count })),
  production: z.object({ produced: count, within24Hours: count, sharePercent: share }),
  socialInvestigationReports: z.object({ submitted: count, onTime: count, sharePercent: share }),
  escalations: z.array(z.object({ toBody: z.string(), status: z.string(), escalations: count, medianAgeHours: z.number().nullable(), maxAgeHours: z.number().nullable() })),
  missingReports: z.object({ byStatus: z.array(z.object({ status: z.string(), reports: count })), medianDaysToTrace: z.number().nullable() }),
  occupancy: z.object({
    institutions: z.array(z.object({ institutionId: z.string(), name: z.string(), districtCode: z.string(), sanctioned: count, occupied: count })),
    total: z.object({ sanctioned: count, occupied: count }),
  }),
  restorations: z.object({ restored: count, followUpsDue: count, followUpsOverdue: count, followUpHorizonDays: count }),
});
export type DashboardOverview = z.infer<typeof dashboardOverview>;

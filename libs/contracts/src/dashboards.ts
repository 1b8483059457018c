// The MIS dashboard: its place, period and sections, and what it answers.
import { z } from 'zod';
import { TREND_MONTHS_MAX } from '@raksha/domain';
import { DASHBOARD_MEASURES } from './dashboard-measures.js';

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

/** The trends' months: how many, ending with `to` (yyyy-mm, India Standard Time; default the current month). */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-05');
const placeFields = {
  stateCode: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code').optional(),
  districtCode: z.string().trim().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a district code such as RJ-JAIPUR').optional(),
  /** A police station's area (thana) of the district: a station sees its own, an SJPU any of its district's. */
  thanaCode: z.string().trim().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a police station area code such as RJ-JAIPUR-PS-01').optional(),
};

/** `GET /dashboards/trends`: the monthly series of a place. */
export const dashboardTrendQuery = z.strictObject({
  ...placeFields,
  to: month.optional(),
  months: z.coerce.number().int().min(1).max(TREND_MONTHS_MAX).default(12),
  format: z.enum(['json', 'csv']).default('json'),
});
export type DashboardTrendQuery = z.infer<typeof dashboardTrendQuery>;

/**
 * One month's counts. Each is counted by its own date in the month (India Standard Time), except
 * `pendingBeyond4Months`, a stock at the month's end (or now, for the current month).
 */
export const dashboardTrendMonth = z.object({
  /** yyyy-mm */
  month: z.string(),
  /** cases registered in the month */
  registered: count,
  /** children produced before the CWC or JJB in the month */
  produced: count,
  /**
   * of those, produced within 24 hours of the case's registration by the time that passed (s.31(1), s.10(1)),
   * whatever period the state's deadline settings give production
   */
  producedWithin24Hours: count,
  /** inquiries open at the month's end more than 4 months after production (s.36(2), s.14(2)) */
  pendingBeyond4Months: count,
  /** escalations raised in the month (each rung reached is one) */
  escalations: count,
  /** missing-child and found-child reports filed in the month */
  missingReports: count,
  foundReports: count,
});
export type DashboardTrendMonth = z.infer<typeof dashboardTrendMonth>;

/** What GET /dashboards/trends answers (format=json). */
export const dashboardTrends = z.object({
  scope: z.object({ name: z.string(), stateCode: z.string().nullable(), districtCode: z.string().nullable(), thanaCode: z.string().nullable(), thanaName: z.string().nullable() }),
  months: z.array(dashboardTrendMonth),
});
export type DashboardTrends = z.infer<typeof dashboardTrends>;

/** What a figure of the dashboard counts, so a person can open the cases behind it. */
export { DASHBOARD_MEASURES, type DashboardMeasure } from './dashboard-measures.js';

/** `GET /dashboards/cases`: the cases behind one figure, in a month or a period (yyyy-mm-dd, IST), of a place. */
export const dashboardCasesQuery = z
  .strictObject({
    ...placeFields,
    measure: z.enum(DASHBOARD_MEASURES),
    month: month.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    track: z.enum(['CNCP', 'CICL']).optional(),
    phase: z.string().regex(/^[A-Z_]+$/, 'a stage such as INQUIRY').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'], params: { key: 'error.periodOrder' } })
  .refine((q) => !q.month || (!q.from && !q.to), { message: 'give a month or a period, not both', path: ['month'] });
export type DashboardCasesQuery = z.infer<typeof dashboardCasesQuery>;

/** A case behind a figure: no child's name (a list of counts' cases is not a read of anyone's identity). */
export const dashboardCaseRow = z.object({
  id: z.string(),
  caseNumber: z.string(),
  track: z.string(),
  phase: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  registeredAt: z.string(),
  producedAt: z.string().nullable(),
  /** hours from registration to production, to one decimal */
  hoursToProduction: z.number().nullable(),
});
export type DashboardCaseRow = z.infer<typeof dashboardCaseRow>;

/** The cases behind a figure: the first `limit` of `total`, latest first. */
export const dashboardCases = z.object({
  /** the place's name as people read it: a district, a state, or a police station's area with its district */
  place: z.string(),
  total: count,
  limit: count,
  cases: z.array(dashboardCaseRow),
});
export type DashboardCases = z.infer<typeof dashboardCases>;

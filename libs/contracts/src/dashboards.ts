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
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => q.section === undefined || q.format === 'csv', { message: 'a section is exported as CSV: add format=csv', path: ['section'] });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** One area's row of the dashboard's comparison table (a district of a state, or a state of the country). */
export interface DashboardArea {
  code: string;
  name: string;
  casesRegistered: number;
  pendingBeyond4Months: number;
  produced: number;
  producedWithin24Hours: number;
  productionSharePercent: number | null;
  sirsSubmitted: number;
  sirsOnTime: number;
  escalationsRaised: number;
  escalationsOpen: number;
  missingReports: number;
  missingTraced: number;
  sanctionedPlaces: number;
  childrenInCare: number;
  restored: number;
  followUpsOverdue: number;
}

/** What GET /dashboards/overview answers (format=json). */
export interface DashboardOverview {
  scope: { name: string; stateCode: string | null; districtCode: string | null; from: string; to: string };
  areaLevel: 'STATE' | 'DISTRICT';
  areas: DashboardArea[];
  casesByTrackAndPhase: { track: string; phase: string; cases: number }[];
  pendingBeyond4Months: { track: string; cases: number }[];
  production: { produced: number; within24Hours: number; sharePercent: number | null };
  socialInvestigationReports: { submitted: number; onTime: number; sharePercent: number | null };
  escalations: { toBody: string; status: string; escalations: number; medianAgeHours: number | null; maxAgeHours: number | null }[];
  missingReports: { byStatus: { status: string; reports: number }[]; medianDaysToTrace: number | null };
  occupancy: { institutions: { institutionId: string; name: string; districtCode: string; sanctioned: number; occupied: number }[]; total: { sanctioned: number; occupied: number } };
  restorations: { restored: number; followUpsDue: number; followUpsOverdue: number; followUpHorizonDays: number };
}

// A CWC's sittings (s.28(1): at least 20 days a month) or a JJB's (s.7(1)) and the cases heard at each (the cause list).
import { z } from 'zod';

const day = z.iso.date({ message: 'a date as YYYY-MM-DD' });

export const sittingDayParam = day;

export const recordSittingBody = z.strictObject({
  /** The cases heard that day; none when the Committee sat without a hearing on its list. */
  caseIds: z.array(z.uuid({ message: 'a case id is a UUID' })).max(500, 'at most 500 cases in one day').default([]),
});
export type RecordSittingBody = z.infer<typeof recordSittingBody>;

export const sittingMonthQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
});
export type SittingMonthQuery = z.infer<typeof sittingMonthQuery>;

export const sittingView = z.object({
  sittingOn: day,
  caseIds: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type SittingView = z.infer<typeof sittingView>;

/** A month of a CWC's sittings, and whether it sat on the days s.28(1) asks. */
export const sittingMonthView = z.object({
  bodyId: z.string(),
  month: z.string(),
  sittings: z.array(sittingView),
  /** distinct days sat */
  held: z.number().int(),
  /** a CWC's 20 (s.28(1)); null for a JJB, whose sittings the State's rules set (s.7(1)) */
  required: z.number().int().nullable(),
  met: z.boolean().nullable(),
  citation: z.string(),
});
export type SittingMonthView = z.infer<typeof sittingMonthView>;

// A visit to a child care institution (s.30(viii); s.54) and the returns a body files (R.17(ii) F.16; s.16(3)).
export const recordInspectionBody = z.strictObject({
  visitedOn: day,
  /** what was found and what should improve (s.30(viii): recommendations to the DCPU and the State Government) */
  findings: z.string().trim().min(10, 'say what was found, in at least 10 characters').max(5000, 'at most 5,000 characters'),
  /** a DCPU records the inspection committee's visits (s.54) as well as its own */
  asInspectionCommittee: z.boolean().default(false),
});
export type RecordInspectionBody = z.infer<typeof recordInspectionBody>;

export const inspectionView = z.object({
  id: z.string(),
  cciId: z.string(),
  byBodyId: z.string(),
  visitedAs: z.enum(['CWC', 'DCPU', 'INSPECTION_COMMITTEE']),
  visitedOn: day,
  findings: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const inspectionMonthView = z.object({
  cciId: z.string(),
  month: z.string(),
  inspections: z.array(inspectionView),
  /** the visits of the district's CWC this month, against the two s.30(viii) asks */
  cwcVisits: z.number().int(),
  required: z.number().int(),
  met: z.boolean(),
  citation: z.string(),
});
export type InspectionMonthView = z.infer<typeof inspectionMonthView>;

export const inspectionMonthQuery = sittingMonthQuery;
export type InspectionMonthQuery = SittingMonthQuery;

export const returnDutyParam = z.enum(['cwc.quarterlyReturn', 'jjb.pendencyReport'], { message: 'cwc.quarterlyReturn or jjb.pendencyReport' });
export const quarterParam = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter as YYYY-Q1 to YYYY-Q4');

export const fileReturnBody = z.strictObject({
  /** the day it was sent to the District Magistrate (and, for the JJB, the CJM / CMM) */
  filedOn: day,
  /** cases pending at the quarter's end, and disposed of in it, as the return states them */
  pending: z.number().int().min(0, 'a count, 0 or more').max(1_000_000),
  disposed: z.number().int().min(0, 'a count, 0 or more').max(1_000_000),
});
export type FileReturnBody = z.infer<typeof fileReturnBody>;

export const returnView = z.object({
  bodyId: z.string(),
  dutyId: z.string(),
  period: z.string(),
  filedOn: day,
  pending: z.number().int(),
  disposed: z.number().int(),
  /** when it fell due, and whether it was sent by then */
  dueOn: day,
  onTime: z.boolean(),
  citation: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ReturnView = z.infer<typeof returnView>;

// The state monitor's view of its CWCs and JJBs: are they functioning?
export const functioningQuery = z.strictObject({
  stateCode: z.string().regex(/^[A-Z]{2}$/, 'a state code, e.g. RJ').optional(),
  districtCode: z.string().max(40).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM').optional(),
});
export type FunctioningQuery = z.infer<typeof functioningQuery>;

export const bodyFunctioning = z.object({
  bodyId: z.string(),
  type: z.enum(['CWC', 'JJB']),
  name: z.string(),
  districtCode: z.string(),
  /** distinct days sat this month; `required` is s.28(1)'s 20 for a CWC, null for a JJB (s.7(1): as the State prescribes) */
  sittings: z.number().int(),
  required: z.number().int().nullable(),
  /** days of the month left, to see whether the minimum can still be reached */
  sittingsOnTrack: z.boolean().nullable(),
  lastSatOn: day.nullable(),
  /** open cases before it (a CWC: CNCP; a JJB: CICL) */
  pendingCases: z.number().int(),
  /** a CWC's institutions visited fewer than twice this month (s.30(viii)) */
  ccisUnderVisited: z.array(z.object({ cciId: z.string(), name: z.string(), visits: z.number().int(), lastVisitedOn: day.nullable() })).nullable(),
  /** the latest return filed (F.16 or the s.16(3) pendency report) and whether the last one due is filed */
  lastReturn: z.object({ period: z.string(), filedOn: day }).nullable(),
  lastReturnDue: z.object({ period: z.string(), dueOn: day, filed: z.boolean() }),
  /** missed duties escalated and not yet resolved */
  openEscalations: z.number().int(),
  /** FUNCTIONING, AT_RISK (falling behind this month) or NOT_FUNCTIONING (a missed duty open, or no sitting in 30 days) */
  status: z.enum(['FUNCTIONING', 'AT_RISK', 'NOT_FUNCTIONING']),
});
export type BodyFunctioning = z.infer<typeof bodyFunctioning>;

export const functioningView = z.object({
  stateCode: z.string(),
  month: z.string(),
  bodies: z.array(bodyFunctioning),
  citations: z.object({ cwcSittings: z.string(), cciVisits: z.string(), cwcReturn: z.string(), jjbReturn: z.string() }),
});
export type FunctioningView = z.infer<typeof functioningView>;

import { Prisma } from '../generated/client.js';
import type { Db } from '../client.js';

/** A place and a period: every figure of a dashboard is for these. */
export interface DashboardScope {
  stateCode?: string;
  districtCode?: string;
  from: Date;
  to: Date;
}

/** A confirmed duplicate merged into another record is the same child: counted once, with the record kept. */
const ownRecord = (alias: string) => Prisma.sql`AND ${Prisma.raw(alias)}."mergedIntoId" IS NULL`;

const place = (s: DashboardScope, alias: string) =>
  Prisma.sql`${s.stateCode ? Prisma.sql`AND ${Prisma.raw(alias)}."stateCode" = ${s.stateCode}` : Prisma.empty} ${s.districtCode ? Prisma.sql`AND ${Prisma.raw(alias)}."districtCode" = ${s.districtCode}` : Prisma.empty}`;

/**
 * The place one level below the scope each figure is also counted by, so a monitor can compare them:
 * the districts of a state, the states of the country (a district is its own single area).
 */
const area = (s: DashboardScope, alias: string) => Prisma.raw(`${alias}."${s.stateCode ? 'districtCode' : 'stateCode'}"`);

/** The MIS figures state monitors audit with, each one aggregate query over the read model, counted per area. */
export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /** The areas of the scope with their names, including those with nothing to count (a silent district is a finding). */
  areas(s: DashboardScope) {
    if (s.districtCode) return this.db.$queryRaw<{ area: string; name: string }[]>`SELECT code AS area, name FROM "District" WHERE code = ${s.districtCode}`;
    if (s.stateCode) return this.db.$queryRaw<{ area: string; name: string }[]>`SELECT code AS area, name FROM "District" WHERE "stateCode" = ${s.stateCode} ORDER BY name`;
    return this.db.$queryRaw<{ area: string; name: string }[]>`SELECT code AS area, name FROM "State" ORDER BY name`;
  }

  /** The name of the scope's place (null when it does not exist); nationally, none. */
  async placeName(s: DashboardScope): Promise<string | null> {
    const [row] = s.districtCode
      ? await this.db.$queryRaw<{ name: string }[]>`SELECT name FROM "District" WHERE code = ${s.districtCode}`
      : s.stateCode
        ? await this.db.$queryRaw<{ name: string }[]>`SELECT name FROM "State" WHERE code = ${s.stateCode}`
        : [{ name: 'India' }];
    return row?.name ?? null;
  }

  /** Cases registered in the period, by area, track and stage (phase). */
  casesByTrackAndPhase(s: DashboardScope) {
    return this.db.$queryRaw<{ area: string; track: string; phase: string; cases: number }[]>`
      SELECT ${area(s, 'c')} AS area, track, phase, count(*)::int AS cases FROM "Case" c
      WHERE c."registeredAt" >= ${s.from} AND c."registeredAt" < ${s.to} ${place(s, 'c')} ${ownRecord('c')}
      GROUP BY 1, track, phase ORDER BY track, phase`;
  }

  /** Open inquiries whose child was produced more than four months before `now` (s.36(2), s.14(2)). */
  pendingBeyond4Months(s: DashboardScope, now: Date) {
    return this.db.$queryRaw<{ area: string; track: string; cases: number }[]>`
      SELECT ${area(s, 'c')} AS area, track, count(*)::int AS cases FROM "Case" c
      WHERE c.phase IN ('INQUIRY', 'ASSESSMENT') AND c."producedAt" < ${now}::timestamptz - interval '4 months' ${place(s, 'c')} ${ownRecord('c')}
      GROUP BY 1, track ORDER BY track`;
  }

  /**
   * Productions and SIRs in the period, and how many were within their deadline, by area. Two indexed
   * range scans joined by area rather than one scan with an OR of both ranges, which no index serves.
   */
  onTime(s: DashboardScope) {
    return this.db.$queryRaw<{ area: string; produced: number; producedOnTime: number; sirs: number; sirsOnTime: number }[]>`
      WITH p AS (
        SELECT ${area(s, 'c')} AS area, count(*)::int AS produced, count(*) FILTER (WHERE NOT c."productionLate")::int AS "producedOnTime"
        FROM "Case" c WHERE c."producedAt" >= ${s.from} AND c."producedAt" < ${s.to} ${place(s, 'c')} ${ownRecord('c')} GROUP BY 1
      ), r AS (
        SELECT ${area(s, 'c')} AS area, count(*)::int AS sirs, count(*) FILTER (WHERE NOT c."sirLate")::int AS "sirsOnTime"
        FROM "Case" c WHERE c."sirSubmittedAt" >= ${s.from} AND c."sirSubmittedAt" < ${s.to} ${place(s, 'c')} ${ownRecord('c')} GROUP BY 1
      )
      SELECT coalesce(p.area, r.area) AS area, coalesce(p.produced, 0) AS produced, coalesce(p."producedOnTime", 0) AS "producedOnTime",
             coalesce(r.sirs, 0) AS sirs, coalesce(r."sirsOnTime", 0) AS "sirsOnTime"
      FROM p FULL JOIN r ON r.area = p.area`;
  }

  /**
   * Escalations raised in the period by rung body and status with their age (hours overdue), and by area
   * (raised, still open) — one scan, two groupings.
   */
  async escalations(s: DashboardScope, now: Date) {
    const rows = await this.db.$queryRaw<
      { byArea: boolean; area: string | null; toBody: string | null; status: string | null; escalations: number; open: number; medianAgeHours: number | null; maxAgeHours: number | null }[]
    >`
      SELECT GROUPING(${area(s, 'e')}) = 0 AS "byArea", ${area(s, 'e')} AS area, "toBody", status, count(*)::int AS escalations,
             count(*) FILTER (WHERE status <> 'RESOLVED')::int AS open,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM coalesce(e."resolvedAt", ${now}::timestamptz) - e."dueAt") / 3600)::numeric, 1)::float AS "medianAgeHours",
             round(max(extract(epoch FROM coalesce(e."resolvedAt", ${now}::timestamptz) - e."dueAt") / 3600)::numeric, 1)::float AS "maxAgeHours"
      FROM "Escalation" e
      WHERE e."raisedAt" >= ${s.from} AND e."raisedAt" < ${s.to} ${place(s, 'e')}
      GROUP BY GROUPING SETS (("toBody", status), (${area(s, 'e')}))
      ORDER BY "toBody", status`;
    return {
      byBodyAndStatus: rows
        .filter((r) => !r.byArea)
        .map((r) => ({ toBody: r.toBody!, status: r.status!, escalations: r.escalations, medianAgeHours: r.medianAgeHours, maxAgeHours: r.maxAgeHours })),
      byArea: rows.filter((r) => r.byArea).map((r) => ({ area: r.area!, escalations: r.escalations, open: r.open })),
    };
  }

  /** Missing-child reports filed in the period by area and status, and the median days from report to trace. */
  async missingReports(s: DashboardScope) {
    const byAreaAndStatus = await this.db.$queryRaw<{ area: string; status: string; reports: number }[]>`
      SELECT ${area(s, 'r')} AS area, status, count(*)::int AS reports FROM "ChildReport" r
      WHERE r.kind = 'MISSING' AND r."createdAt" >= ${s.from} AND r."createdAt" < ${s.to} ${place(s, 'r')} ${ownRecord('r')}
      GROUP BY 1, status ORDER BY status`;
    const [trace] = await this.db.$queryRaw<{ medianDaysToTrace: number | null }[]>`
      SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."tracedAt" - r."createdAt") / 86400)::numeric, 1)::float AS "medianDaysToTrace"
      FROM "ChildReport" r
      WHERE r.kind = 'MISSING' AND r."tracedAt" IS NOT NULL AND r."createdAt" >= ${s.from} AND r."createdAt" < ${s.to} ${place(s, 'r')} ${ownRecord('r')}`;
    return { byAreaAndStatus, medianDaysToTrace: trace?.medianDaysToTrace ?? null };
  }

  /** Child care institutions of the place: sanctioned places and children present now. */
  occupancy(s: DashboardScope) {
    return this.db.$queryRaw<{ institutionId: string; name: string; area: string; districtCode: string; sanctioned: number; occupied: number }[]>`
      SELECT b.id AS "institutionId", b.name, ${area(s, 'b')} AS area, b."districtCode",
             coalesce((SELECT sum(sanctioned) FROM "InstitutionCapacity" ic WHERE ic."institutionId" = b.id), 0)::int AS sanctioned,
             (SELECT count(*) FROM "Admission" a WHERE a."institutionId" = b.id AND a."endedAt" IS NULL)::int AS occupied
      FROM "Institution" i JOIN "Body" b ON b.id = i."bodyId"
      WHERE true ${place(s, 'b')}
      ORDER BY b."districtCode", b.name`;
  }

  /**
   * Restorations in the period, and follow-ups falling due within `horizonDays` of `now` or already
   * overdue, by area; two indexed scans rather than one with an OR.
   */
  restorations(s: DashboardScope, now: Date, horizonDays: number) {
    return this.db.$queryRaw<{ area: string; restored: number; followUpsDue: number; followUpsOverdue: number }[]>`
      WITH r AS (
        SELECT ${area(s, 'c')} AS area, count(*)::int AS restored FROM "Case" c
        WHERE c."restoredAt" >= ${s.from} AND c."restoredAt" < ${s.to} ${place(s, 'c')} ${ownRecord('c')} GROUP BY 1
      ), f AS (
        SELECT ${area(s, 'c')} AS area,
               count(*) FILTER (WHERE c."nextDueAt" < ${now}::timestamptz + make_interval(days => ${horizonDays}::int))::int AS "followUpsDue",
               count(*) FILTER (WHERE c."nextDueAt" < ${now}::timestamptz)::int AS "followUpsOverdue"
        FROM "Case" c WHERE c.phase = 'FOLLOW_UP' ${place(s, 'c')} ${ownRecord('c')} GROUP BY 1
      )
      SELECT coalesce(r.area, f.area) AS area, coalesce(r.restored, 0) AS restored, coalesce(f."followUpsDue", 0) AS "followUpsDue",
             coalesce(f."followUpsOverdue", 0) AS "followUpsOverdue"
      FROM r FULL JOIN f ON f.area = r.area`;
  }
}

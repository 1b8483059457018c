import { Prisma } from '../generated/client.js';
import type { Db } from '../client.js';

/** A place and a period: every figure of a dashboard is for these. */
export interface DashboardScope {
  stateCode?: string;
  districtCode?: string;
  from: Date;
  to: Date;
}

const place = (s: DashboardScope, alias: string) =>
  Prisma.sql`${s.stateCode ? Prisma.sql`AND ${Prisma.raw(alias)}."stateCode" = ${s.stateCode}` : Prisma.empty} ${s.districtCode ? Prisma.sql`AND ${Prisma.raw(alias)}."districtCode" = ${s.districtCode}` : Prisma.empty}`;

/** The MIS figures state monitors audit with, each one aggregate query over the read model. */
export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /** Cases registered in the period, by track and stage (phase). */
  casesByTrackAndPhase(s: DashboardScope) {
    return this.db.$queryRaw<{ track: string; phase: string; cases: number }[]>`
      SELECT track, phase, count(*)::int AS cases FROM "Case" c
      WHERE c."registeredAt" >= ${s.from} AND c."registeredAt" < ${s.to} ${place(s, 'c')}
      GROUP BY track, phase ORDER BY track, phase`;
  }

  /** Open inquiries whose child was produced more than four months before `now` (s.36(2), s.14(2)). */
  async pendingBeyond4Months(s: DashboardScope, now: Date): Promise<{ track: string; cases: number }[]> {
    return this.db.$queryRaw<{ track: string; cases: number }[]>`
      SELECT track, count(*)::int AS cases FROM "Case" c
      WHERE c.phase IN ('INQUIRY', 'ASSESSMENT') AND c."producedAt" < ${now}::timestamptz - interval '4 months' ${place(s, 'c')}
      GROUP BY track ORDER BY track`;
  }

  /** Productions and SIRs in the period, and how many were within their deadline. */
  async onTime(s: DashboardScope) {
    const [row] = await this.db.$queryRaw<{ produced: number; producedOnTime: number; sirs: number; sirsOnTime: number }[]>`
      SELECT count(*) FILTER (WHERE c."producedAt" >= ${s.from} AND c."producedAt" < ${s.to})::int AS produced,
             count(*) FILTER (WHERE c."producedAt" >= ${s.from} AND c."producedAt" < ${s.to} AND NOT c."productionLate")::int AS "producedOnTime",
             count(*) FILTER (WHERE c."sirSubmittedAt" >= ${s.from} AND c."sirSubmittedAt" < ${s.to})::int AS sirs,
             count(*) FILTER (WHERE c."sirSubmittedAt" >= ${s.from} AND c."sirSubmittedAt" < ${s.to} AND NOT c."sirLate")::int AS "sirsOnTime"
      FROM "Case" c
      WHERE (c."producedAt" >= ${s.from} AND c."producedAt" < ${s.to} OR c."sirSubmittedAt" >= ${s.from} AND c."sirSubmittedAt" < ${s.to}) ${place(s, 'c')}`;
    return row!;
  }

  /** Escalations raised in the period by rung body and status, with their age (hours overdue). */
  escalations(s: DashboardScope, now: Date) {
    return this.db.$queryRaw<{ toBody: string; status: string; escalations: number; medianAgeHours: number | null; maxAgeHours: number | null }[]>`
      SELECT "toBody", status, count(*)::int AS escalations,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM coalesce(e."resolvedAt", ${now}::timestamptz) - e."dueAt") / 3600)::numeric, 1)::float AS "medianAgeHours",
             round(max(extract(epoch FROM coalesce(e."resolvedAt", ${now}::timestamptz) - e."dueAt") / 3600)::numeric, 1)::float AS "maxAgeHours"
      FROM "Escalation" e
      WHERE e."raisedAt" >= ${s.from} AND e."raisedAt" < ${s.to} ${place(s, 'e')}
      GROUP BY "toBody", status ORDER BY "toBody", status`;
  }

  /** Missing-child reports filed in the period by status, and the median days from report to trace. */
  async missingReports(s: DashboardScope) {
    const byStatus = await this.db.$queryRaw<{ status: string; reports: number }[]>`
      SELECT status, count(*)::int AS reports FROM "ChildReport" r
      WHERE r.kind = 'MISSING' AND r."createdAt" >= ${s.from} AND r."createdAt" < ${s.to} ${place(s, 'r')}
      GROUP BY status ORDER BY status`;
    const [trace] = await this.db.$queryRaw<{ medianDaysToTrace: number | null }[]>`
      SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."tracedAt" - r."createdAt") / 86400)::numeric, 1)::float AS "medianDaysToTrace"
      FROM "ChildReport" r
      WHERE r.kind = 'MISSING' AND r."tracedAt" IS NOT NULL AND r."createdAt" >= ${s.from} AND r."createdAt" < ${s.to} ${place(s, 'r')}`;
    return { byStatus, medianDaysToTrace: trace?.medianDaysToTrace ?? null };
  }

  /** Child care institutions of the place: sanctioned places and children present now. */
  occupancy(s: DashboardScope) {
    return this.db.$queryRaw<{ institutionId: string; name: string; districtCode: string; sanctioned: number; occupied: number }[]>`
      SELECT b.id AS "institutionId", b.name, b."districtCode",
             coalesce((SELECT sum(sanctioned) FROM "InstitutionCapacity" ic WHERE ic."institutionId" = b.id), 0)::int AS sanctioned,
             (SELECT count(*) FROM "Admission" a WHERE a."institutionId" = b.id AND a."endedAt" IS NULL)::int AS occupied
      FROM "Institution" i JOIN "Body" b ON b.id = i."bodyId"
      WHERE true ${place(s, 'b')}
      ORDER BY b."districtCode", b.name`;
  }

  /** Restorations in the period, and follow-ups falling due within `horizonDays` of `now` or already overdue. */
  async restorations(s: DashboardScope, now: Date, horizonDays: number) {
    const [row] = await this.db.$queryRaw<{ restored: number; followUpsDue: number; followUpsOverdue: number }[]>`
      SELECT count(*) FILTER (WHERE c."restoredAt" >= ${s.from} AND c."restoredAt" < ${s.to})::int AS restored,
             count(*) FILTER (WHERE c.phase = 'FOLLOW_UP' AND c."nextDueAt" < ${now}::timestamptz + make_interval(days => ${horizonDays}::int))::int AS "followUpsDue",
             count(*) FILTER (WHERE c.phase = 'FOLLOW_UP' AND c."nextDueAt" < ${now}::timestamptz)::int AS "followUpsOverdue"
      FROM "Case" c WHERE (c."restoredAt" IS NOT NULL OR c.phase = 'FOLLOW_UP') ${place(s, 'c')}`;
    return row!;
  }
}

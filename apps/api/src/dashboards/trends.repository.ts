import type { Db } from '@raksha/db';
import type { DashboardMeasure } from '@raksha/contracts';

/** A place (a state, a district, or a police station's area of one) and a period. */
export interface TrendScope {
  stateCode?: string;
  districtCode?: string;
  thanaCode?: string;
  from: Date;
  to: Date;
}

/** The statutory period for production before the CWC (s.31(1)) or the JJB (s.10(1)), counted by the time that passed. */
const PRODUCTION_PERIOD = "interval '24 hours'";
/** An inquiry pending beyond this after production is a finding (s.36(2) for the CWC, s.14(2) for the JJB). */
const INQUIRY_PERIOD = "interval '4 months'";
/**
 * The machine's states of an inquiry (phases INQUIRY and ASSESSMENT): the Committee's and the Board's, less a child's
 * absence from the home pending inquiry (phase MISSING), as the overview counts by the case's phase now.
 */
const IN_INQUIRY = `(t."toState" LIKE 'cncp.beforeCwc%' OR t."toState" LIKE 'cicl.beforeJjb%') AND t."toState" NOT LIKE 'cncp.beforeCwc.missing%'`;
/** The month of a time in India Standard Time, yyyy-mm. */
const monthOf = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM')`;
const MAX_ROWS = 200;

/** Positional parameters of one query: each value bound, never spliced into the SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The place filter on a table with stateCode, districtCode and thanaCode columns (a case, a report). */
function placeOf(s: TrendScope, alias: string, p: Params): string {
  return [
    s.stateCode ? `AND ${alias}."stateCode" = ${p.add(s.stateCode)}` : '',
    s.districtCode ? `AND ${alias}."districtCode" = ${p.add(s.districtCode)}` : '',
    s.thanaCode ? `AND ${alias}."thanaCode" = ${p.add(s.thanaCode)}` : '',
  ].join(' ');
}

/**
 * Whether case `c` had an inquiry open at `at` more than 4 months after its production: produced before `at` less
 * 4 months, and the latest step of its timeline before `at` (in the order the steps were taken) left it in the
 * inquiry's states. One backward read of the timeline's (caseId, sequence) index per case.
 */
const pendingAt = (at: string) => `c."producedAt" < ${at}::timestamptz - ${INQUIRY_PERIOD}
  AND coalesce((SELECT ${IN_INQUIRY} FROM "TimelineEntry" t WHERE t."caseId" = c.id AND t."occurredAt" < ${at}::timestamptz
                ORDER BY t.sequence DESC LIMIT 1), false)`;

/** The dashboards' monthly series and the cases behind a figure, from the read model (cases, timelines, escalations, reports). */
export class TrendsRepository {
  constructor(private readonly db: Db) {}

  /** A police station's area: its name and district, or null when there is none of that code. */
  thana(thanaCode: string): Promise<{ name: string; districtCode: string } | null> {
    return this.db.localPlace.findFirst({ where: { code: thanaCode, kind: 'POLICE_STATION' }, select: { name: true, districtCode: true } });
  }

  /** Cases registered, children produced (and within 24 hours of registration), escalations and reports, by month. */
  async monthly(s: TrendScope): Promise<Map<string, Record<'registered' | 'produced' | 'producedWithin24Hours' | 'escalations' | 'missingReports' | 'foundReports', number>>> {
    const p = new Params();
    const from = p.add(s.from);
    const to = p.add(s.to);
    const cases = placeOf(s, 'c', p);
    const reports = placeOf(s, 'r', p);
    // An escalation has no police station area of its own: a station's are those of its area's cases.
    const escalations = s.thanaCode ? `AND e."caseId" IN (SELECT c.id FROM "Case" c WHERE true ${cases})` : placeOf({ ...s, thanaCode: undefined }, 'e', p);
    const rows = await this.db.$queryRawUnsafe<{ month: string; measure: string; n: number }[]>(
      `SELECT ${monthOf('c."registeredAt"')} AS month, 'registered' AS measure, count(*)::int AS n FROM "Case" c
         WHERE c."registeredAt" >= ${from} AND c."registeredAt" < ${to} ${cases} AND c."mergedIntoId" IS NULL GROUP BY 1
       UNION ALL
       SELECT ${monthOf('c."producedAt"')}, 'produced', count(*)::int FROM "Case" c
         WHERE c."producedAt" >= ${from} AND c."producedAt" < ${to} ${cases} AND c."mergedIntoId" IS NULL GROUP BY 1
       UNION ALL
       SELECT ${monthOf('c."producedAt"')}, 'producedWithin24Hours', count(*)::int FROM "Case" c
         WHERE c."producedAt" >= ${from} AND c."producedAt" < ${to} ${cases} AND c."mergedIntoId" IS NULL
           AND c."producedAt" - c."registeredAt" <= ${PRODUCTION_PERIOD} GROUP BY 1
       UNION ALL
       SELECT ${monthOf('e."raisedAt"')}, 'escalations', count(*)::int FROM "Escalation" e
         WHERE e."raisedAt" >= ${from} AND e."raisedAt" < ${to} ${escalations} GROUP BY 1
       UNION ALL
       SELECT ${monthOf('r."createdAt"')}, CASE r.kind WHEN 'MISSING' THEN 'missingReports' ELSE 'foundReports' END, count(*)::int FROM "ChildReport" r
         WHERE r."createdAt" >= ${from} AND r."createdAt" < ${to} ${reports} AND r."mergedIntoId" IS NULL GROUP BY 1, 2`,
      ...p.values,
    );
    const byMonth = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const m = byMonth.get(r.month) ?? {};
      m[r.measure] = (m[r.measure] ?? 0) + r.n;
      byMonth.set(r.month, m);
    }
    return byMonth as Awaited<ReturnType<TrendsRepository['monthly']>>;
  }

  /**
   * Children produced in the period and how many within 24 hours of registration by the time that passed, by area
   * (the districts of a state, else the states): what the overview's "within 24 hours" counts, whatever period the
   * state's deadline settings give production (a demo setting of minutes must not change what 24 hours means).
   */
  productionByArea(s: TrendScope): Promise<{ area: string; produced: number; within24Hours: number }[]> {
    const p = new Params();
    const area = s.stateCode ? 'c."districtCode"' : 'c."stateCode"';
    return this.db.$queryRawUnsafe(
      `SELECT ${area} AS area, count(*)::int AS produced, count(*) FILTER (WHERE c."producedAt" - c."registeredAt" <= ${PRODUCTION_PERIOD})::int AS "within24Hours"
       FROM "Case" c WHERE c."producedAt" >= ${p.add(s.from)} AND c."producedAt" < ${p.add(s.to)} ${placeOf(s, 'c', p)} AND c."mergedIntoId" IS NULL GROUP BY 1`,
      ...p.values,
    );
  }

  /**
   * Inquiries pending beyond 4 months at each of these times (each month's end, or now for the current month).
   * Only cases in an inquiry now, or changed since the first of the times, can have been in one at any of them.
   */
  async pendingAt(s: Omit<TrendScope, 'from' | 'to'>, times: readonly Date[]): Promise<number[]> {
    if (times.length === 0) return [];
    const p = new Params();
    const at = p.add(times.map((t) => t.toISOString()));
    const first = p.add(times[0]);
    const cases = placeOf({ ...s, from: times[0]!, to: times[0]! }, 'c', p);
    // Each step of a candidate's timeline holds from its time until the next step's: one pass over the timelines,
    // then each time counts the cases whose step holding then is an inquiry's (as pendingAt, for many times at once).
    const rows = await this.db.$queryRawUnsafe<{ i: number; n: number }[]>(
      `WITH candidates AS (
         SELECT c.id, c."producedAt" FROM "Case" c
         WHERE c."producedAt" IS NOT NULL AND c."mergedIntoId" IS NULL ${cases}
           AND (c.phase IN ('INQUIRY', 'ASSESSMENT') OR c."updatedAt" >= ${first}::timestamptz)
       ), steps AS (
         SELECT c.id, c."producedAt", t."occurredAt" AS since, ${IN_INQUIRY} AS inquiry,
                lead(t."occurredAt") OVER (PARTITION BY t."caseId" ORDER BY t.sequence) AS until
         FROM candidates c JOIN "TimelineEntry" t ON t."caseId" = c.id
       )
       SELECT m.i::int AS i, count(s.id)::int AS n
       FROM unnest(${at}::text[]) WITH ORDINALITY AS m(at, i)
       LEFT JOIN steps s ON s.inquiry AND s.since < m.at::timestamptz AND (s.until IS NULL OR s.until >= m.at::timestamptz)
                        AND s."producedAt" < m.at::timestamptz - ${INQUIRY_PERIOD}
       GROUP BY m.i ORDER BY m.i`,
      ...p.values,
    );
    return rows.map((r) => r.n);
  }

  /** The cases behind one figure, latest registered first: at most MAX_ROWS of them, and how many there are. */
  async casesBehind(s: TrendScope, measure: DashboardMeasure, filter: { track?: string; phase?: string }, now: Date) {
    const p = new Params();
    const from = () => p.add(s.from);
    const to = () => p.add(s.to);
    const inPeriod = (column: string) => `${column} >= ${from()} AND ${column} < ${to()}`;
    const which: Record<DashboardMeasure, () => string> = {
      registered: () => inPeriod('c."registeredAt"'),
      produced: () => inPeriod('c."producedAt"'),
      producedWithin24Hours: () => `${inPeriod('c."producedAt"')} AND c."producedAt" - c."registeredAt" <= ${PRODUCTION_PERIOD}`,
      producedAfter24Hours: () => `${inPeriod('c."producedAt"')} AND c."producedAt" - c."registeredAt" > ${PRODUCTION_PERIOD}`,
      // A stock, not a flow: pending at the period's end (or now, if sooner).
      pendingBeyond4Months: () => pendingAt(`${p.add((s.to < now ? s.to : now).toISOString())}`),
      escalations: () => `EXISTS (SELECT 1 FROM "Escalation" e WHERE e."caseId" = c.id AND ${inPeriod('e."raisedAt"')})`,
    };
    const where = `WHERE c."mergedIntoId" IS NULL AND ${which[measure]()} ${placeOf(s, 'c', p)}
      ${filter.track ? `AND c.track = ${p.add(filter.track)}` : ''} ${filter.phase ? `AND c.phase = ${p.add(filter.phase)}` : ''}`;
    const [rows, [total]] = await Promise.all([
      this.db.$queryRawUnsafe<{ id: string; caseNumber: string; track: string; phase: string; districtCode: string; districtName: string; registeredAt: Date; producedAt: Date | null }[]>(
        `SELECT c.id, c."caseNumber", c.track, c.phase, c."districtCode", d.name AS "districtName", c."registeredAt", c."producedAt"
         FROM "Case" c JOIN "District" d ON d.code = c."districtCode" ${where}
         ORDER BY c."registeredAt" DESC, c.id LIMIT ${MAX_ROWS}`,
        ...p.values,
      ),
      this.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Case" c ${where}`, ...p.values),
    ]);
    return { total: total?.n ?? 0, limit: MAX_ROWS, rows };
  }
}

import type { Db } from '../client.js';
import type { DashboardMeasure } from '@raksha/contracts';

/** A place (a state, a district, or a police station's area of one) and a period. */
export interface TrendScope {
  stateCode?: string;
  districtCode?: string;
  thanaCode?: string;
  from: Date;
  to: Date;
}

/** A month's flows: cases registered, children produced (and within 24 hours), escalations, missing and found reports. */
export type MonthlyFlows = Record<'registered' | 'produced' | 'producedWithin24Hours' | 'escalations' | 'missingReports' | 'foundReports', number>;
const noFlows = (): MonthlyFlows => ({ registered: 0, produced: 0, producedWithin24Hours: 0, escalations: 0, missingReports: 0, foundReports: 0 });

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
  async monthly(s: TrendScope): Promise<Map<string, MonthlyFlows>> {
    const byMonth = new Map<string, MonthlyFlows>();
    for (const r of await this.flows(s, false)) {
      const m = byMonth.get(r.month) ?? byMonth.set(r.month, noFlows()).get(r.month)!;
      m[r.measure] += r.n;
    }
    return byMonth;
  }

  /** The monthly flows' rows: a measure's count in a month (and, `byDistrict`, a district). */
  private flows(s: TrendScope, byDistrict: boolean): Promise<{ district: string | null; month: string; measure: keyof MonthlyFlows; n: number }[]> {
    const p = new Params();
    const from = p.add(s.from);
    const to = p.add(s.to);
    const cases = placeOf(s, 'c', p);
    const reports = placeOf(s, 'r', p);
    // An escalation has no police station area of its own: a station's are those of its area's cases.
    const escalations = s.thanaCode ? `AND e."caseId" IN (SELECT c.id FROM "Case" c WHERE true ${cases})` : placeOf({ ...s, thanaCode: undefined }, 'e', p);
    const district = (alias: string) => (byDistrict ? `${alias}."districtCode"` : 'NULL::text');
    return this.db.$queryRawUnsafe(
      `SELECT ${district('c')} AS district, ${monthOf('c."registeredAt"')} AS month, 'registered' AS measure, count(*)::int AS n FROM "Case" c
         WHERE c."registeredAt" >= ${from} AND c."registeredAt" < ${to} ${cases} AND c."mergedIntoId" IS NULL GROUP BY 1, 2
       UNION ALL
       SELECT ${district('c')}, ${monthOf('c."producedAt"')}, 'produced', count(*)::int FROM "Case" c
         WHERE c."producedAt" >= ${from} AND c."producedAt" < ${to} ${cases} AND c."mergedIntoId" IS NULL GROUP BY 1, 2
       UNION ALL
       SELECT ${district('c')}, ${monthOf('c."producedAt"')}, 'producedWithin24Hours', count(*)::int FROM "Case" c
         WHERE c."producedAt" >= ${from} AND c."producedAt" < ${to} ${cases} AND c."mergedIntoId" IS NULL
           AND c."producedAt" - c."registeredAt" <= ${PRODUCTION_PERIOD} GROUP BY 1, 2
       UNION ALL
       SELECT ${district('e')}, ${monthOf('e."dueAt"')}, 'escalations', count(*)::int FROM "Escalation" e
         WHERE e."dueAt" >= ${from} AND e."dueAt" < ${to} ${escalations} GROUP BY 1, 2
       UNION ALL
       SELECT ${district('r')}, ${monthOf('r."createdAt"')}, CASE r.kind WHEN 'MISSING' THEN 'missingReports' ELSE 'foundReports' END, count(*)::int FROM "ChildReport" r
         WHERE r."createdAt" >= ${from} AND r."createdAt" < ${to} ${reports} AND r."mergedIntoId" IS NULL GROUP BY 1, 2, 3`,
      ...p.values,
    );
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
    const counts = times.map(() => 0);
    for (const r of await this.pending(s, times, false)) counts[r.i - 1] = r.n;
    return counts;
  }

  /** The pending stock's rows: at the i-th time (from 1), how many (and, `byDistrict`, in which district). */
  private async pending(s: Omit<TrendScope, 'from' | 'to'>, times: readonly Date[], byDistrict: boolean): Promise<{ i: number; district: string | null; n: number }[]> {
    if (times.length === 0) return [];
    const p = new Params();
    const at = p.add(times.map((t) => t.toISOString()));
    const first = p.add(times[0]);
    const cases = placeOf({ ...s, from: times[0]!, to: times[0]! }, 'c', p);
    // Each step of a candidate's timeline holds from its time until the next step's: one pass over the timelines,
    // then each time counts the cases whose step holding then is an inquiry's (as pendingAt, for many times at once).
    return this.db.$queryRawUnsafe(
      `WITH candidates AS (
         SELECT c.id, c."producedAt", c."districtCode" FROM "Case" c
         WHERE c."producedAt" IS NOT NULL AND c."mergedIntoId" IS NULL ${cases}
           AND (c.phase IN ('INQUIRY', 'ASSESSMENT') OR c."updatedAt" >= ${first}::timestamptz)
       ), steps AS (
         SELECT c.id, c."producedAt", c."districtCode", t."occurredAt" AS since, ${IN_INQUIRY} AS inquiry,
                lead(t."occurredAt") OVER (PARTITION BY t."caseId" ORDER BY t.sequence) AS until
         FROM candidates c JOIN "TimelineEntry" t ON t."caseId" = c.id
       )
       SELECT m.i::int AS i, ${byDistrict ? 's."districtCode"' : 'NULL::text'} AS district, count(s.id)::int AS n
       FROM unnest(${at}::text[]) WITH ORDINALITY AS m(at, i)
       JOIN steps s ON s.inquiry AND s.since < m.at::timestamptz AND (s.until IS NULL OR s.until >= m.at::timestamptz)
                   AND s."producedAt" < m.at::timestamptz - ${INQUIRY_PERIOD}
       GROUP BY 1, 2`,
      ...p.values,
    );
  }

  /**
   * Counts a state's closed months into TrendMonth, a row for every district and month (zeros included, so a place's
   * month is known to be counted when all its districts have one), exactly as `monthly` and `pendingAt` count them
   * live. `months` are consecutive, oldest first. Returns the rows written.
   */
  async rollUp(stateCode: string, months: readonly { month: string; start: Date; end: Date }[], computedAt: Date): Promise<number> {
    if (months.length === 0) return 0;
    const scope = { stateCode, from: months[0]!.start, to: months.at(-1)!.end };
    const [districts, flows, pending] = await Promise.all([
      this.db.district.findMany({ where: { stateCode }, select: { code: true } }),
      this.flows(scope, true),
      this.pending({ stateCode }, months.map((m) => m.end), true),
    ]);
    const cells = new Map<string, { district: string; month: string } & MonthlyFlows & { pendingBeyond4Months: number }>();
    for (const d of districts) for (const m of months) cells.set(`${d.code}|${m.month}`, { district: d.code, month: m.month, ...noFlows(), pendingBeyond4Months: 0 });
    for (const r of flows) {
      const c = cells.get(`${r.district}|${r.month}`);
      if (c) c[r.measure] += r.n;
    }
    for (const r of pending) {
      const c = cells.get(`${r.district}|${months[r.i - 1]!.month}`);
      if (c) c.pendingBeyond4Months = r.n;
    }
    const rows = [...cells.values()];
    const column = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    await this.db.$executeRawUnsafe(
      `INSERT INTO "TrendMonth" ("districtCode", "stateCode", month, registered, produced, "producedWithin24Hours", escalations, "missingReports", "foundReports", "pendingBeyond4Months", "computedAt")
       SELECT d, $1, m, r, p, w, e, mi, f, pe, $2 FROM unnest($3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[]) AS x(d, m, r, p, w, e, mi, f, pe)
       ON CONFLICT ("districtCode", month) DO UPDATE SET registered = excluded.registered, produced = excluded.produced,
         "producedWithin24Hours" = excluded."producedWithin24Hours", escalations = excluded.escalations, "missingReports" = excluded."missingReports",
         "foundReports" = excluded."foundReports", "pendingBeyond4Months" = excluded."pendingBeyond4Months", "computedAt" = excluded."computedAt"`,
      stateCode,
      computedAt,
      column('district'),
      column('month'),
      column('registered'),
      column('produced'),
      column('producedWithin24Hours'),
      column('escalations'),
      column('missingReports'),
      column('foundReports'),
      column('pendingBeyond4Months'),
    );
    return rows.length;
  }

  /** Forgets rolled-up months before `month` (yyyy-mm): outside the window the roll-up keeps current, they could go stale. */
  async forgetRolledUpBefore(month: string): Promise<number> {
    return this.db.$executeRawUnsafe(`DELETE FROM "TrendMonth" WHERE month < $1`, month);
  }

  /**
   * A place's rolled-up months among `months`: the sums of its districts' rows, for each month every district of the
   * place has a row for (a month some district lacks is not counted yet, and is counted live).
   */
  async rolledUp(s: Pick<TrendScope, 'stateCode' | 'districtCode'>, months: readonly string[]): Promise<Map<string, MonthlyFlows & { pendingBeyond4Months: number }>> {
    if (months.length === 0) return new Map();
    const p = new Params();
    const wanted = p.add(months);
    const place = (alias: string, code: string) =>
      [s.stateCode ? `AND ${alias}."stateCode" = ${p.add(s.stateCode)}` : '', s.districtCode ? `AND ${alias}.${code} = ${p.add(s.districtCode)}` : ''].join(' ');
    const rows = await this.db.$queryRawUnsafe<(MonthlyFlows & { month: string; pendingBeyond4Months: number })[]>(
      `SELECT t.month, sum(t.registered)::int AS registered, sum(t.produced)::int AS produced, sum(t."producedWithin24Hours")::int AS "producedWithin24Hours",
              sum(t.escalations)::int AS escalations, sum(t."missingReports")::int AS "missingReports", sum(t."foundReports")::int AS "foundReports",
              sum(t."pendingBeyond4Months")::int AS "pendingBeyond4Months"
       FROM "TrendMonth" t WHERE t.month = ANY(${wanted}::text[]) ${place('t', '"districtCode"')}
       GROUP BY t.month
       HAVING count(*) = (SELECT count(*) FROM "District" d WHERE true ${place('d', 'code')})`,
      ...p.values,
    );
    return new Map(rows.map(({ month, ...figures }) => [month, figures]));
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
      escalations: () => `EXISTS (SELECT 1 FROM "Escalation" e WHERE e."caseId" = c.id AND ${inPeriod('e."dueAt"')})`,
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

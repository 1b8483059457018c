// Recurring duties of the bodies themselves (JJ-ACT.md "Monitoring duties", s.16): deadlines on a CWC or
// JJB, not on a child's case, so they are counted per calendar period rather than armed by a case's state.
import { DEFAULT_LADDER, onDefaultLadder, type EscalationRung } from './policy.js';
import { addIsoDuration } from './time.js';

/** Calendar periods in India Standard Time; a quarter is Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec. */
export const DUTY_PERIODS = ['MONTH', 'QUARTER'] as const;
export type DutyPeriod = (typeof DUTY_PERIODS)[number];

export interface BodyDutyRule {
  id: string;
  /** The body that owes the duty. */
  body: 'CWC' | 'JJB' | 'DISTRICT_MAGISTRATE' | 'CJM_OR_CMM';
  obligation: string;
  period: DutyPeriod;
  /** How many times in each period (sittings, visits, returns). */
  atLeast: number;
  /** 'body': counted for the body; 'cci': counted separately for each child care institution it oversees. */
  per: 'body' | 'cci';
  /** Who receives the return or report, where the duty is one. */
  reportTo?: string;
  citation: string;
  basis: 'statute' | 'policy';
  /**
   * How long after its period ends the duty falls due (ISO-8601): none for sittings and visits, which happen in the
   * period; a return covers a quarter and is sent after it ends (the Act and Rules give no day: policy, 15 days).
   */
  dueAfterPeriod?: { within: string; citation: string };
  ladder: readonly EscalationRung[];
}

const duty = onDefaultLadder<BodyDutyRule>();

export const BODY_DUTY_RULES = [
  duty({
    id: 'cwc.sittings',
    body: 'CWC',
    obligation: 'Sit as a Committee (at least 20 days in a month)',
    period: 'MONTH',
    atLeast: 20,
    per: 'body',
    citation: 's.28(1)',
    basis: 'statute',
  }),
  duty({
    id: 'cwc.cciVisits',
    body: 'CWC',
    obligation: 'Visit each child care institution in the district (at least twice a month)',
    period: 'MONTH',
    atLeast: 2,
    per: 'cci',
    citation: 's.30(viii)',
    basis: 'statute',
  }),
  duty({
    id: 'cwc.quarterlyReturn',
    body: 'CWC',
    obligation: 'Send the quarterly return on disposal and pendency (F.16) to the District Magistrate',
    period: 'QUARTER',
    atLeast: 1,
    per: 'body',
    reportTo: 'District Magistrate',
    citation: 'R.17(ii); F.16',
    basis: 'statute',
    dueAfterPeriod: { within: 'P15D', citation: 'policy: within 15 days after the quarter (R.17(ii) names no day)' },
  }),
  duty({
    id: 'dm.cwcReview',
    body: 'DISTRICT_MAGISTRATE',
    obligation: 'Review the functioning of the CWC',
    period: 'QUARTER',
    atLeast: 1,
    per: 'body',
    citation: 's.27(8) as amended in 2021 (quarterly review by the District Magistrate)',
    basis: 'statute',
  }),
  duty({
    id: 'jjb.pendencyReport',
    body: 'JJB',
    obligation: 'Send the pendency of cases to the CJM / CMM and the District Magistrate',
    period: 'QUARTER',
    atLeast: 1,
    per: 'body',
    reportTo: 'CJM / CMM and District Magistrate',
    citation: 's.16(3)',
    basis: 'statute',
    dueAfterPeriod: { within: 'P15D', citation: 'policy: within 15 days after the quarter (s.16(3) names no day)' },
  }),
  duty({
    id: 'cjm.pendencyReview',
    body: 'CJM_OR_CMM',
    obligation: 'Review the pendency of cases of the JJB',
    period: 'QUARTER',
    atLeast: 1,
    per: 'body',
    citation: 's.16(1)',
    basis: 'statute',
  }),
] as const;

export type BodyDutyId = (typeof BODY_DUTY_RULES)[number]['id'];

/** The duties Raksha records and escalates when missed: those of the CWC and JJB (the DM and CJM / CMM have no accounts here). */
export const WATCHED_BODY_DUTY_IDS = ['cwc.sittings', 'cwc.cciVisits', 'cwc.quarterlyReturn', 'jjb.pendencyReport'] as const satisfies readonly BodyDutyId[];
export type WatchedBodyDutyId = (typeof WATCHED_BODY_DUTY_IDS)[number];
/** The returns a body files (one per quarter covered). */
export const RETURN_DUTY_IDS = ['cwc.quarterlyReturn', 'jjb.pendencyReport'] as const satisfies readonly WatchedBodyDutyId[];
export type ReturnDutyId = (typeof RETURN_DUTY_IDS)[number];
export const BODY_DUTY_IDS = BODY_DUTY_RULES.map((r) => r.id) as readonly BodyDutyId[];

export function isBodyDutyId(value: unknown): value is BodyDutyId {
  return typeof value === 'string' && (BODY_DUTY_IDS as readonly string[]).includes(value);
}

export function bodyDutyRule(id: BodyDutyId): BodyDutyRule {
  return BODY_DUTY_RULES.find((r) => r.id === id)!;
}

/**
 * The fewest weekdays a CWC's standing sitting days may name so that every month has the sittings s.28(1) asks
 * (at least 20): a month has at least four of each weekday, so 20 needs five weekdays a week (February too).
 */
export function leastSittingWeekdays(rule: BodyDutyRule = bodyDutyRule('cwc.sittings')): number {
  return Math.ceil(rule.atLeast / 4);
}

const IST_OFFSET_MS = 330 * 60_000;

/** The calendar period (IST) containing a time: its start, its end (exclusive) and a label like 2026-11 or 2026-Q4. */
export function dutyPeriodOf(period: DutyPeriod, at: string): { label: string; start: string; end: string } {
  const ist = new Date(Date.parse(at) + IST_OFFSET_MS);
  const year = ist.getUTCFullYear();
  const month = ist.getUTCMonth();
  const first = period === 'MONTH' ? month : month - (month % 3);
  const months = period === 'MONTH' ? 1 : 3;
  const start = Date.UTC(year, first, 1) - IST_OFFSET_MS;
  const end = Date.UTC(year, first + months, 1) - IST_OFFSET_MS;
  const label = period === 'MONTH' ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${first / 3 + 1}`;
  return { label, start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** A period's bounds from its label (2026-11, 2026-Q4), in IST, or undefined for a label of no period. */
export function dutyPeriodNamed(period: DutyPeriod, label: string): { label: string; start: string; end: string } | undefined {
  const m = period === 'MONTH' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label) : /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return undefined;
  const month = period === 'MONTH' ? Number(m[2]) - 1 : (Number(m[2]) - 1) * 3;
  return dutyPeriodOf(period, new Date(Date.UTC(Number(m[1]), month, 15) - IST_OFFSET_MS).toISOString());
}

/** When the duty of a period falls due: the period's end, or later for a return sent after it (dueAfterPeriod). */
export function bodyDutyDueAt(rule: BodyDutyRule, periodEnd: string): string {
  return rule.dueAfterPeriod ? addIsoDuration(periodEnd, rule.dueAfterPeriod.within) : periodEnd;
}

/** The latest period of the duty whose due time has passed at `at`: the one a missed-duty watch assesses. */
export function lastDuePeriod(rule: BodyDutyRule, at: string): { label: string; start: string; end: string; dueAt: string } {
  let period = dutyPeriodOf(rule.period, at);
  while (Date.parse(bodyDutyDueAt(rule, period.end)) > Date.parse(at)) {
    period = dutyPeriodOf(rule.period, new Date(Date.parse(period.start) - 1).toISOString());
  }
  return { ...period, dueAt: bodyDutyDueAt(rule, period.end) };
}

export interface DutyPerformance {
  /** When the sitting, visit, return or review took place. */
  at: string;
  /** The institution visited, for duties counted per CCI. */
  cciRef?: string;
}

export interface DutyShortfall {
  cciRef?: string;
  performed: number;
  required: number;
}

/**
 * Whether a body met a recurring duty in the period containing `periodAt`: counts the performances in it
 * (distinct days for sittings, so two sittings on one day count once) and names each shortfall.
 */
export function assessBodyDuty(
  rule: BodyDutyRule,
  periodAt: string,
  performances: readonly DutyPerformance[],
  ccis: readonly string[] = [],
): { period: string; start: string; end: string; met: boolean; shortfalls: DutyShortfall[] } {
  const { label, start, end } = dutyPeriodOf(rule.period, periodAt);
  const inPeriod = performances.filter((p) => Date.parse(p.at) >= Date.parse(start) && Date.parse(p.at) < Date.parse(end));
  const count = (ps: readonly DutyPerformance[]) =>
    rule.id === 'cwc.sittings' ? new Set(ps.map((p) => dutyDay(p.at))).size : ps.length;
  const shortfalls: DutyShortfall[] =
    rule.per === 'cci'
      ? ccis
          .map((cciRef) => ({ cciRef, performed: count(inPeriod.filter((p) => p.cciRef === cciRef)), required: rule.atLeast }))
          .filter((s) => s.performed < s.required)
      : [{ performed: count(inPeriod), required: rule.atLeast }].filter((s) => s.performed < s.required);
  return { period: label, start, end, met: shortfalls.length === 0, shortfalls };
}

/** The IST calendar day of a time, so a sitting at 23:30 IST counts on its own day. */
function dutyDay(at: string): string {
  return new Date(Date.parse(at) + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A child care institution's registration under s.41(1): its expiry is an obligation that escalates like any deadline. */
export const CCI_REGISTRATION_RULE = {
  id: 'cci.registration',
  obligation: 'Renew the child care institution’s registration under s.41 before it expires',
  owner: 'CCI, with the State Government (SCPS)',
  citation: 's.41(1), (3); R.21',
  basis: 'statute',
  ladder: DEFAULT_LADDER,
} as const;

/** When an unrenewed registration falls due: the start of the day (IST) after its last valid date. */
export function registrationDueAt(registeredUntil: string): string {
  return new Date(Date.parse(`${registeredUntil}T00:00:00+05:30`) + 86_400_000).toISOString();
}

/** A missing child still untraced after 4 months goes to the Anti-Human Trafficking Unit (policy, after BBA v. UoI). */
export const MISSING_REPORT_AHTU_RULE = {
  id: 'missing.ahtuReferral',
  obligation: 'Refer the child still untraced to the Anti-Human Trafficking Unit',
  owner: 'Police station / SJPU',
  within: 'P4M',
  citation: 'Bachpan Bachao Andolan v. Union of India, WP(C) 75/2012 (SC, 10 May 2013)',
  basis: 'policy',
  ladder: DEFAULT_LADDER,
} as const;

// The demo's year, planned: which children came to the demo districts' CWCs and JJBs, month by month, and what happened
// to each of them; which children were reported missing, and which of them were found. Pure and deterministic: a seeded
// PRNG and a day to count back from, no clock and no I/O, so the same day always gives the same demo (prisma/demo/seed.ts
// runs it through the services). Names are the matching library's synthetic ones (libs/matching/src/synthetic): the
// naming traditions of Rajasthan and Maharashtra, Hindi-belt names first.
import { ICP_DOMAINS, replayHistory, type HistoricalEvent } from '@raksha/case-machine';
import type { ChildDescriptionBody } from '@raksha/contracts';
import { foundReportOf, makeChild, missingReportOf, Prng, REGION_NAMES, romanise, stateOf, districtOf, type SyntheticChild } from '@raksha/matching/synthetic';
import { SEED_DISTRICTS } from '../seed-data.js';

/** Changing it changes every demo child: the demo of a database seeded before stays as it was (seed.ts counts by id). */
export const DEMO_DATA_SEED = 'raksha-demo-2026';
export const DEMO_SOURCE = 'raksha-demo';
/** How the timeline names where a demo case's history came from ("Imported from the Raksha demo register"). */
export const DEMO_REGISTER = 'Raksha demo';

const DAY = 86_400_000;
const HOUR = 3_600_000;

type DistrictCode = (typeof SEED_DISTRICTS)[number]['code'];

/** Cases a month in each district, before the seasonal swing: Jaipur the busiest (a railway hub), Jodhpur the least. */
const CASES_A_MONTH: Record<DistrictCode, number> = { 'RJ-JAIPUR': 14, 'RJ-JODHPUR': 9, 'MH-PUNE': 12 };
/** More children come in the summer holidays and the festival months (railway stations, melas). */
const SEASON = [0.9, 0.85, 0.95, 1.05, 1.25, 1.2, 1.0, 0.95, 0.9, 1.1, 1.15, 1.0];

export interface DemoCase {
  recordId: string;
  track: 'CNCP' | 'CICL';
  districtCode: DistrictCode;
  stateCode: string;
  thanaCode?: string;
  child: { name: string; ageYears: number; gender: 'FEMALE' | 'MALE' | 'TRANSGENDER' };
  registeredAt: string;
  /** who registered it: a demo username of the district (the DCPU for CNCP, the station officer for CICL) */
  registeredBy: string;
  history: HistoricalEvent[];
}

export interface DemoReport {
  recordId: string;
  kind: 'MISSING' | 'FOUND';
  /** the demo username filing it: a station officer, or the demo citizen */
  filedBy: string;
  districtCode: DistrictCode;
  child: ChildDescriptionBody;
  occurredAt: string;
  policeRef?: string;
  /** a found report: the missing report of the same child, whose match the police confirm when `confirm` */
  sameChildAs?: string;
  confirm?: boolean;
}

export interface DemoPlan {
  cases: DemoCase[];
  reports: DemoReport[];
  /** steps of the histories planned that the machine refused, cut from them (none, unless the machine changed) */
  cut: number;
}

const slugOf = (code: DistrictCode) => SEED_DISTRICTS.find((d) => d.code === code)!.name.toLowerCase();
const iso = (ms: number) => new Date(ms).toISOString();

/** The name as the family writes it, in the usual Latin spelling. */
function latinName(child: SyntheticChild): string {
  const style = REGION_NAMES[child.region].style;
  return child.name.map((w) => w.latin || romanise(w.phonemic, style)).join(' ');
}

/** A time of day in working hours, India time (UTC+5:30), on the day that starts at `dayStart`. */
const workingHour = (rng: Prng, dayStart: number) => dayStart + (rng.int(9, 18) * 60 + rng.int(0, 59) - 330) * 60_000;

const GOALS: Record<(typeof ICP_DOMAINS)[number], readonly string[]> = {
  HEALTH: ['Full health check-up and immunisation brought up to date', 'Nutrition: weight back to normal for age', 'Dental and eye check-up'],
  EDUCATION: ['Enrolled in the nearby government school', 'Bridge course, then admission to class 6', 'Regular attendance; tuition in mathematics'],
  EMOTIONAL: ['Weekly counselling sessions', 'Settling in: a mentor among the home’s staff', 'Counselling for trauma after the rescue'],
  FAMILY_CONTACT: ['Monthly phone call with the mother', 'Family tracing through the DCPU', 'Visits by the grandparents each month'],
  SKILLS: ['Vocational training in tailoring', 'Computer course at the home', 'Sports and drawing classes'],
};
const goals = (rng: Prng) => ICP_DOMAINS.map((domain) => ({ domain, goal: rng.pick(GOALS[domain]) }));

/** The demo for the day `today` (any time of it; the year counted back is the 365 days before that day). */
export function planDemo(today: Date): DemoPlan {
  const rng = new Prng(DEMO_DATA_SEED);
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const start = end - 365 * DAY;
  const cases: DemoCase[] = [];
  let cut = 0;
  for (let month = 0; month < 12; month++) {
    const from = start + Math.round((month * 365 * DAY) / 12);
    const until = start + Math.round(((month + 1) * 365 * DAY) / 12);
    const calendarMonth = new Date(from).getUTCMonth();
    for (const d of SEED_DISTRICTS) {
      // A slow rise over the year, as a district's use of the system grows.
      const count = Math.round(CASES_A_MONTH[d.code] * SEASON[calendarMonth]! * (0.85 + (0.3 * month) / 11) * rng.uniform(0.85, 1.15));
      for (let i = 0; i < count; i++) {
        const day = from + Math.floor(rng.uniform(0, (until - from) / DAY)) * DAY;
        const planned = rng.chance(0.74) ? cncpCase(rng, d, day, end) : ciclCase(rng, d, day, end);
        const checked = replayable(planned);
        cut += planned.history.length - checked.history.length;
        cases.push(checked);
      }
    }
  }
  cases.sort((a, b) => Date.parse(a.registeredAt) - Date.parse(b.registeredAt));
  cases.forEach((c, i) => (c.recordId = `DEMO-${String(i + 1).padStart(4, '0')}`));
  return { cases, reports: planReports(rng, start, end), cut };
}

/** The longest start of the history the machine takes (the plan is meant to be taken whole). */
function replayable(c: DemoCase): DemoCase {
  const input = { caseId: '00000000-0000-4000-8000-000000000000', track: c.track, registeredAt: c.registeredAt, child: { ageYears: c.child.ageYears, gender: c.child.gender }, districtCode: c.districtCode, stateCode: c.stateCode };
  const replay = replayHistory(input, c.history);
  return replay.ok ? c : { ...c, history: c.history.slice(0, replay.index) };
}

type SeedDistrict = (typeof SEED_DISTRICTS)[number];

function childOf(rng: Prng, d: SeedDistrict, ageYears: number, at: number) {
  const child = makeChild('demo', rng, Math.floor(at / DAY) - Math.round(ageYears * 365.25) - rng.int(0, 300), stateOf(d.stateCode));
  return { name: latinName(child), ageYears, gender: child.gender };
}

/** A child found or rescued in the district, produced before its CWC, and as far through the inquiry as time allowed. */
function cncpCase(rng: Prng, d: SeedDistrict, day: number, end: number): DemoCase {
  const circumstance = rng.weighted({ LOST: 30, RUNAWAY: 22, RESCUED: 18, ABANDONED: 10, ORPHAN: 6, OTHER: 14 });
  // An orphan or abandoned child under six goes to a Specialised Adoption Agency (s.36(1) proviso): not in this demo.
  const ageYears = circumstance === 'ABANDONED' ? rng.int(6, 12) : circumstance === 'RESCUED' ? rng.int(9, 17) : rng.int(6, 17);
  const registeredAt = workingHour(rng, day);
  const cci = { placeId: `CCI-${d.code}`, placeName: `Government Children's Home, ${d.name}` };
  const history: HistoricalEvent[] = [];
  let t = registeredAt;
  const step = (type: string, at: number, payload: Record<string, unknown>) => {
    if (at > end) return false;
    history.push({ type, at: iso(at), payload });
    t = at;
    return true;
  };
  const ref = (what: string, at: number) => `${what}/${d.code.slice(3)}/${new Date(at).getUTCFullYear()}/${rng.int(100, 999)}`;
  // Production within the 24 hours of s.31(1) for most; a few late (a child found at night far from the CWC's sitting).
  const productionHours = rng.weighted({ within: 88, late: 9, missed: 3 });
  const producedAt = registeredAt + (productionHours === 'within' ? rng.uniform(2, 22) : rng.uniform(26, 60)) * HOUR;
  const producedBy = rng.pick(['Childline 1098', 'Railway Police (GRP)', 'Police Station 01', 'DCPU outreach worker', 'An NGO’s street outreach team']);
  // A child found in the last weeks and not yet produced: an overdue production the ladder escalates (left as it is).
  if (productionHours === 'missed' && end - registeredAt < 30 * DAY) return cncp();
  if (!step('PRODUCED_BEFORE_CWC', producedAt, { circumstance, producedBy })) return cncp();
  const atHome = circumstance === 'LOST' && rng.chance(0.35);
  step('INTERIM_PLACEMENT_ORDERED', t + rng.uniform(0.2, 3) * HOUR, atHome ? { placement: 'PARENT_OR_GUARDIAN', orderRef: ref('CWC/INT', t) } : { placement: 'CHILDRENS_HOME', orderRef: ref('CWC/F18', t), ...cci });
  const sirRef = ref('SIR', t);
  if (!step('SIR_ORDERED', t + rng.uniform(0, 2) * DAY, { sirRef, assignedTo: `DCPU, ${d.name}` })) return cncp();
  // The SIR within 15 days (Rule 19(4)) mostly; a few late ones, and a few still awaited now.
  const sirDays = rng.weighted({ onTime: 84, late: 13, stuck: 3 });
  if (sirDays === 'stuck') return cncp();
  const traced = circumstance === 'LOST' || circumstance === 'RUNAWAY' || rng.chance(0.3);
  if (!step('SIR_SUBMITTED', t + (sirDays === 'onTime' ? rng.uniform(5, 14) : rng.uniform(17, 30)) * DAY, { sirRef, finding: traced ? 'FAMILY_TRACED' : circumstance === 'ORPHAN' ? 'ORPHAN' : circumstance === 'ABANDONED' ? 'ABANDONED' : 'OTHER' })) return cncp();
  // The final order within four months of production (s.36(4)); a few inquiries pending beyond it.
  if (rng.chance(0.06)) return cncp();
  const restore = traced && rng.chance(0.85);
  const orderAt = t + rng.uniform(3, restore ? 25 : 70) * DAY;
  if (restore) {
    if (!step('FINAL_ORDER_PASSED', orderAt, { order: 'RESTORATION', orderRef: ref('CWC/ORD', orderAt), reasons: 'Family verified by the home study; the parents undertake to care for the child' })) return cncp();
    if (!step('CHILD_RESTORED', t + rng.uniform(1, 6) * DAY, { restoredTo: rng.pick(['PARENT', 'FAMILY', 'GUARDIAN'] as const) })) return cncp();
    // Quarterly follow-up reports for a year after restoration (policy).
    for (let q = 1; q <= 4; q++) if (!rng.chance(0.96) || !step('FOLLOW_UP_REPORT_FILED', t + rng.uniform(80, 88) * DAY, { reportRef: ref('FUR', t) })) return cncp();
    step('FOLLOW_UP_COMPLETED', t + rng.uniform(2, 10) * DAY, {});
    return cncp();
  }
  if (!step('FINAL_ORDER_PASSED', orderAt, { order: 'CHILDRENS_HOME', orderRef: ref('CWC/ORD', orderAt), reasons: 'No family traced; the child needs care and protection in the home', ...cci })) return cncp();
  if (!step('ICP_PREPARED', t + rng.uniform(5, 28) * DAY, { icpRef: ref('ICP', t), goals: goals(rng) })) return cncp();
  for (let review = 0; review < 4; review++) {
    if (!rng.chance(0.9)) return cncp();
    const progress = ICP_DOMAINS.map((domain) => ({ domain, status: rng.weighted({ ON_TRACK: 60, ACHIEVED: 20, NEEDS_ATTENTION: 20 }), note: rng.pick(['as planned', 'steady progress', 'needs the counsellor’s attention', 'goal met']) }));
    if (!step('ICP_REVIEWED', t + rng.uniform(60, 88) * DAY, { icpRef: ref('ICP', t), progress })) return cncp();
  }
  return cncp();

  function cncp(): DemoCase {
    const thanaCode = producedBy === 'Police Station 01' || circumstance === 'LOST' ? `${d.code}-PS-0${rng.int(1, 2)}` : undefined;
    return { recordId: '', track: 'CNCP', districtCode: d.code, stateCode: d.stateCode, ...(thanaCode && { thanaCode }), child: childOf(rng, d, ageYears, registeredAt), registeredAt: iso(registeredAt), registeredBy: `dcpu.${slugOf(d.code)}`, history };
  }
}

/** A child apprehended in the district, produced before its JJB, and as far through the inquiry as time allowed. */
function ciclCase(rng: Prng, d: SeedDistrict, day: number, end: number): DemoCase {
  const age = Number(rng.weighted({ 12: 4, 13: 7, 14: 12, 15: 18, 16: 26, 17: 33 }));
  const offenceCategory = rng.weighted({ PETTY: 48, SERIOUS: 38, HEINOUS: 14 });
  const registeredAt = workingHour(rng, day);
  const history: HistoricalEvent[] = [];
  let t = registeredAt;
  const step = (type: string, at: number, payload: Record<string, unknown>) => {
    if (at > end) return false;
    history.push({ type, at: iso(at), payload });
    t = at;
    return true;
  };
  const ref = (what: string, at: number) => `${what}/${d.code.slice(3)}/${new Date(at).getUTCFullYear()}/${rng.int(100, 999)}`;
  const thanaCode = `${d.code}-PS-0${rng.int(1, 2)}`;
  const done = (): DemoCase => ({ recordId: '', track: 'CICL', districtCode: d.code, stateCode: d.stateCode, thanaCode, child: childOf(rng, d, age, registeredAt), registeredAt: iso(registeredAt), registeredBy: `sho.${slugOf(d.code)}`, history });
  // Production before the JJB within 24 hours (s.10(1)), nearly always.
  const producedAt = registeredAt + (rng.chance(0.93) ? rng.uniform(3, 20) : rng.uniform(26, 40)) * HOUR;
  if (!step('PRODUCED_BEFORE_JJB', producedAt, { offenceCategory, ageAtOffence: age, firRef: ref('FIR', registeredAt) })) return done();
  const bail = rng.chance(offenceCategory === 'HEINOUS' ? 0.35 : 0.85);
  step('BAIL_DECIDED', t + rng.uniform(0.5, 4) * HOUR, bail ? { granted: true } : { granted: false, refusalGround: rng.pick(['ASSOCIATION_WITH_KNOWN_CRIMINAL', 'MORAL_PHYSICAL_OR_PSYCHOLOGICAL_DANGER', 'DEFEAT_ENDS_OF_JUSTICE'] as const), reasons: 'The probation officer’s report: the child is at risk at home', custody: 'OBSERVATION_HOME' });
  if (rng.chance(0.05)) return done();
  if (!step('SIR_SUBMITTED', t + rng.uniform(6, 14) * DAY, { sirRef: ref('SIR', t) })) return done();
  // The preliminary assessment of a child of 16–18 alleged to have committed a heinous offence (s.15), within three months.
  if (offenceCategory === 'HEINOUS' && age >= 16 && !step('PRELIMINARY_ASSESSMENT_COMPLETED', t + rng.uniform(20, 75) * DAY, { finding: 'INQUIRY_AS_CHILD', reasons: 'The Board’s assessment with the psychologist: to be inquired into as a child' })) return done();
  // The inquiry within four months (s.14(2)); a few pending beyond it.
  if (rng.chance(0.07)) return done();
  const order = rng.weighted({ ADVICE_OR_ADMONITION: 22, GROUP_COUNSELLING: 16, COMMUNITY_SERVICE: 14, PROBATION_WITH_PARENT_OR_GUARDIAN: 30, RELEASED_NO_OFFENCE: 10, FINE: 8 });
  if (!step('JJB_FINAL_ORDER_PASSED', t + rng.uniform(15, 80) * DAY, { order, orderRef: ref('JJB/ORD', t), reasons: 'On the SIR and the inquiry, having heard the child and the parents' })) return done();
  if (order === 'RELEASED_NO_OFFENCE') return done();
  if (!step('ICP_PREPARED', t + rng.uniform(5, 25) * DAY, { icpRef: ref('ICP', t), goals: goals(rng) })) return done();
  for (let q = 1; q <= 3; q++) if (!rng.chance(0.95) || !step('FOLLOW_UP_REPORT_FILED', t + rng.uniform(80, 88) * DAY, { reportRef: ref('PO/FUR', t) })) return done();
  step('FOLLOW_UP_COMPLETED', t + rng.uniform(2, 10) * DAY, {});
  return done();
}

/**
 * Missing children reported to the demo districts' stations over the year (and a few by the demo citizen, waiting for
 * the station to accept them), and found children's reports: about half of them the same child as a missing report,
 * whose match the police confirm for most.
 */
function planReports(rng: Prng, start: number, end: number): DemoReport[] {
  const reports: DemoReport[] = [];
  const MISSING = 90;
  for (let i = 0; i < MISSING; i++) {
    const d = rng.pick(SEED_DISTRICTS);
    const lastSeen = start + Math.floor(rng.uniform(0, 360)) * DAY;
    const child = makeChild(`demo-m-${i}`, rng, Math.floor(lastSeen / DAY) - rng.int(5 * 365, 16 * 365), stateOf(d.stateCode));
    const clothing = clothingOf(rng, child.gender);
    const missing = missingReportOf(`m${i}`, child, Math.floor(lastSeen / DAY), clothing, rng, true);
    const citizen = i >= MISSING - 3;
    const recordId = `DEMO-M-${String(i + 1).padStart(3, '0')}`;
    reports.push({
      recordId,
      kind: 'MISSING',
      filedBy: citizen ? 'citizen.demo' : `sho.${slugOf(d.code)}`,
      districtCode: d.code,
      child: description(missing),
      occurredAt: iso(workingHour(rng, lastSeen)),
      ...(!citizen && { policeRef: `MPR/${d.code.slice(3)}/${new Date(lastSeen).getUTCFullYear()}/${rng.int(10, 999)}` }),
    });
    // Found: half the children, mostly within weeks, mostly in their own state.
    if (citizen || !rng.chance(0.5)) continue;
    const foundDay = Math.min(Math.floor((end - DAY) / DAY), Math.floor(lastSeen / DAY) + rng.int(1, 60));
    const where = rng.chance(0.75) ? rng.pick(SEED_DISTRICTS.filter((x) => x.stateCode === d.stateCode)) : rng.pick(SEED_DISTRICTS);
    const found = foundReportOf(`f${i}`, child, foundDay, districtOf(where.code), stateOf(where.stateCode), clothing, rng, true);
    reports.push({ recordId: `DEMO-F-${String(i + 1).padStart(3, '0')}`, kind: 'FOUND', filedBy: `sho.${slugOf(where.code)}`, districtCode: where.code, child: description(found), occurredAt: iso(workingHour(rng, foundDay * DAY)), sameChildAs: recordId, confirm: rng.chance(0.7) });
  }
  // Children found whom nobody reported missing (yet).
  for (let i = 0; i < 20; i++) {
    const d = rng.pick(SEED_DISTRICTS);
    const day = Math.floor((start + rng.uniform(0, 360) * DAY) / DAY);
    const child = makeChild(`demo-f-${i}`, rng, day - rng.int(4 * 365, 15 * 365), stateOf(d.stateCode));
    const found = foundReportOf(`u${i}`, child, day, districtOf(d.code), stateOf(d.stateCode), clothingOf(rng, child.gender), rng, true);
    reports.push({ recordId: `DEMO-U-${String(i + 1).padStart(3, '0')}`, kind: 'FOUND', filedBy: `sho.${slugOf(d.code)}`, districtCode: d.code, child: description(found), occurredAt: iso(workingHour(rng, day * DAY)) });
  }
  return reports;
}

function clothingOf(rng: Prng, gender: SyntheticChild['gender']): [string, string][] {
  const garments = gender === 'FEMALE' ? [['frock'], ['salwar', 'kurti'], ['school uniform'], ['top', 'jeans']] : [['shirt', 'pant'], ['t-shirt', 'half pant'], ['school uniform'], ['kurta', 'pyjama']];
  return rng.pick(garments).map((g) => [rng.pick(['red', 'blue', 'green', 'yellow', 'white', 'pink', 'grey', 'maroon']), g] as [string, string]);
}

/** A synthetic report's description of the child, as the report form takes it. */
function description(r: ReturnType<typeof missingReportOf> | ReturnType<typeof foundReportOf>): ChildDescriptionBody {
  const out: ChildDescriptionBody = { gender: r.gender ?? 'UNKNOWN' };
  if (r.name) out.name = r.name;
  if (r.aliases?.length) out.aliases = r.aliases;
  if (r.guardians?.length) out.guardians = r.guardians.map((g) => ({ relation: g.relation, name: g.name }));
  if (r.ageYears) out.ageYears = r.ageYears;
  if (r.dateOfBirth) out.dateOfBirth = r.dateOfBirth;
  if (r.heightCm) out.heightCm = r.heightCm;
  if (r.complexion) out.complexion = r.complexion as ChildDescriptionBody['complexion'];
  if (r.identifyingMarks) out.identifyingMarks = r.identifyingMarks;
  if (r.languages?.length) out.languages = r.languages;
  if (r.clothing) out.clothing = r.clothing;
  return out;
}

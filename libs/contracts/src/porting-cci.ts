// Porting a state's CCI register (or its eFile export): each child in a child care institution becomes a case, in the
// state its record says, by replaying the steps the record dates through the case machine. The same mapping file
// as missing/found sources (porting.ts, kind CCI_CHILD) names the columns; this turns a record into the case's
// registration and history, and refuses a record whose history the machine would not take, naming the field.
import { CWC_FINAL_ORDERS, CIRCUMSTANCES, ICP_DOMAINS, placeKindsOf, replayHistory, type CaseEventType, type DeadlinePolicyOverrides, type HistoricalEvent } from '@raksha/case-machine';
import { registerCaseBody } from './cases.js';
import { describeIssues } from './field-issues.js';
import { legacyTime, recordReader, type LegacyField, type LegacyProblem, type LegacyRecord, type LegacySourceMapping } from './porting.js';

/** A child care institution as the import finds it: by its s.41 registration number or its code in Raksha. */
export interface CciRef {
  bodyId: string;
  name: string;
  registrationNo: string | null;
  /** CHILDRENS_HOME, OBSERVATION_HOME, SPECIAL_HOME, … */
  kind: string;
  districtCode: string;
  stateCode: string;
}

/** Where a CCI child stands now, as the register says (the mapping's `values` turn the source's words into these). */
export const CCI_CHILD_STATUSES = ['IN_CARE', 'ON_LEAVE', 'RESTORED'] as const;
export type CciChildStatus = (typeof CCI_CHILD_STATUSES)[number];

export interface CciChildCase {
  recordId: string;
  cci: CciRef;
  /** CNCP (a CCI register) or CICL (an observation or special home's) */
  track: 'CNCP' | 'CICL';
  child: { name?: string; ageYears?: number; gender?: 'FEMALE' | 'MALE' | 'TRANSGENDER' | 'UNKNOWN' };
  registeredAt: string;
  history: HistoricalEvent[];
}

export type MappedCciChild = { ok: true; value: CciChildCase } | { ok: false; recordId: string | null; problems: LegacyProblem[] };

/** Homes a child in need of care and protection lives in; observation and special homes hold children in conflict with law. */
const CNCP_HOMES = new Set(['CHILDRENS_HOME', 'OPEN_SHELTER', 'SPECIALISED_ADOPTION_AGENCY', 'FIT_FACILITY']);

/** How each step reads in a refusal: the register's words, never the machine's event names. */
const STEP_WORDS: Partial<Record<CaseEventType, string>> = {
  PRODUCED_BEFORE_CWC: 'the production before the CWC',
  INTERIM_PLACEMENT_ORDERED: 'the placement in the home pending inquiry',
  SIR_ORDERED: 'the order for the Social Investigation Report',
  SIR_SUBMITTED: 'the Social Investigation Report',
  FINAL_ORDER_PASSED: 'the CWC’s order',
  ICP_PREPARED: 'the Individual Care Plan',
  ICP_REVIEWED: 'the review of the Individual Care Plan',
  LEAVE_OF_ABSENCE_GRANTED: 'the leave of absence',
  RESTORATION_ORDERED: 'the order to restore the child',
  CHILD_RESTORED: 'the restoration',
};

export interface CciChildContext {
  ccis: readonly CciRef[];
  /** the state's own deadline periods, as a case registered there gets them */
  deadlinePolicy?: (stateCode: string) => DeadlinePolicyOverrides | undefined;
  now?: Date;
}

/**
 * Reads a record that becomes a case (a CCI's or an observation home's child): recordReader's, plus its dates (the
 * mapping's format, at the source's UTC offset, none in the future) and its closed lists (an unknown word a problem).
 */
export function caseRecordReader(mapping: LegacySourceMapping, record: LegacyRecord, problems: LegacyProblem[], now: Date) {
  const reader = recordReader(mapping, record, problems);
  const { rule, raw, fail, valueOf } = reader;
  const format = (f: LegacyField) => rule(f)?.format ?? 'YYYY-MM-DD';
  const dateOf = (f: LegacyField, required?: string): string | undefined => {
    const text = raw(f);
    if (text === undefined) {
      if (required) fail(f, required);
      return undefined;
    }
    const at = legacyTime(text, format(f), mapping.utcOffset);
    if (at === null) fail(f, `“${text}” is not a date written ${format(f)}`);
    else if (Date.parse(at) > now.getTime() + 5 * 60_000) fail(f, `${text} is in the future`);
    else return at;
    return undefined;
  };
  const oneOf = <T extends string>(f: LegacyField, allowed: readonly T[], fallback?: T): T | undefined => {
    const v = valueOf(f);
    if (v === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(v.toUpperCase())) {
      fail(f, `“${raw(f)}” is not one of ${allowed.join(', ')}`);
      return undefined;
    }
    return v.toUpperCase() as T;
  };
  return { ...reader, format, dateOf, oneOf, utcOffset: mapping.utcOffset };
}

/** The child's date of birth and recorded age as the record writes them (a bad one is a problem): read before the steps. */
export function childAge(reader: ReturnType<typeof caseRecordReader>) {
  const { raw, fail, format } = reader;
  const dobText = raw('child.dateOfBirth');
  const dob = dobText === undefined ? undefined : (legacyTime(dobText, format('child.dateOfBirth'), reader.utcOffset) ?? undefined);
  if (dobText !== undefined && !dob) fail('child.dateOfBirth', `“${dobText}” is not a date written ${format('child.dateOfBirth')}`);
  const ageText = raw('child.ageYears');
  const age = ageText === undefined ? undefined : Number(ageText);
  if (ageText !== undefined && !Number.isFinite(age)) fail('child.ageYears', `“${ageText}” is not a number`);
  return { dob, dobText, age };
}

/**
 * The child as a registration names them, checked as a person's registration is (registerCaseBody): the age when the
 * case began (`registeredAt`, the date of the field `began`), from the date of birth or the recorded age; null, and
 * the problems, when the record's child is not one.
 */
export function recordedChild(reader: ReturnType<typeof caseRecordReader>, { dob, dobText, age }: ReturnType<typeof childAge>, registeredAt: string, began: LegacyField) {
  const { raw, fail, valueOf } = reader;
  if (dob && Date.parse(dob) > Date.parse(registeredAt)) {
    fail('child.dateOfBirth', `the child is born (${dobText}) after being admitted or produced (${raw(began)})`);
    return null;
  }
  const ageYears = dob ? completedYears(dob, registeredAt) : age === undefined ? undefined : Math.floor(age);
  const parsed = registerCaseBody.shape.child.safeParse({
    ...(raw('child.name') && { name: raw('child.name') }),
    ...(ageYears !== undefined && { ageYears }),
    gender: valueOf('child.gender') ?? 'UNKNOWN',
  });
  if (parsed.success) return parsed.data;
  for (const issue of describeIssues(parsed.error.issues)) {
    const f: LegacyField = issue.field.startsWith('ageYears') ? (dob ? 'child.dateOfBirth' : 'child.ageYears') : issue.field.startsWith('gender') ? 'child.gender' : 'child.name';
    fail(f, f === 'child.ageYears' || f === 'child.dateOfBirth' ? `the child was ${ageYears} when the case began; a person of 18 or more is not a child (s.2(12))` : issue.message);
  }
  return null;
}

/**
 * One CCI child's record as a case: its CCI (which fixes the district), the child, and the history the record
 * dates, checked against the machine from registration to the last step. Problems name the field and its column.
 */
export function mapCciChildRecord(mapping: LegacySourceMapping, record: LegacyRecord, ctx: CciChildContext): MappedCciChild {
  const problems: LegacyProblem[] = [];
  const reader = caseRecordReader(mapping, record, problems, ctx.now ?? new Date());
  const { raw, fail, dateOf, oneOf } = reader;

  const recordId = raw('recordId') ?? null;
  if (!recordId) fail('recordId', 'the record has no id in the source; it cannot be imported twice safely without one');

  const cciText = raw('cci');
  const cci = cciText === undefined ? undefined : findCci(ctx.ccis, cciText);
  if (cciText === undefined) fail('cci', 'the record does not name the child care institution');
  else if (!cci) fail('cci', `no child care institution registered as “${cciText}” is in Raksha; register the home first`);

  const track = oneOf('track', ['CNCP', 'CICL'] as const, 'CNCP');
  if (track === 'CICL') fail('track', 'a child in conflict with law is imported from an observation or special home’s register (the observation-home-register source), not a CCI register of children in need of care and protection');
  else if (cci && !CNCP_HOMES.has(cci.kind)) fail('cci', `${cci.name} is not a home for children in need of care and protection`);
  const status = oneOf('status', CCI_CHILD_STATUSES, 'IN_CARE');
  const age = childAge(reader);

  // The steps the record dates, in the order the machine takes them; each no earlier than the one before it.
  const producedAt = dateOf('producedAt', 'the date the child was produced before the CWC is missing');
  const admittedAt = dateOf('admittedAt', 'the date of admission to the home is missing');
  const sirOrderedAt = dateOf('sirOrderedAt');
  const sirSubmittedAt = dateOf('sirSubmittedAt');
  const cwcOrderedAt = dateOf('cwcOrderedAt');
  const icpPreparedAt = dateOf('icpPreparedAt');
  const icpReviewedAt = dateOf('icpReviewedAt');
  const leaveFrom = status === 'ON_LEAVE' ? dateOf('leaveFrom', 'the child is on leave, but the date the leave began is missing') : undefined;
  const restorationOrderedAt = status === 'RESTORED' ? dateOf('restorationOrderedAt') : undefined;
  const restoredAt = status === 'RESTORED' ? dateOf('restoredAt', 'the child is restored, but the date of the restoration is missing') : undefined;
  const cwcOrderRef = raw('cwcOrderRef');
  if (cwcOrderedAt && !cwcOrderRef) fail('cwcOrderRef', 'the CWC’s order is dated but its reference is missing');
  const cwcOrder = oneOf('cwcOrder', CWC_FINAL_ORDERS, 'CHILDRENS_HOME');
  const circumstance = oneOf('circumstance', CIRCUMSTANCES, 'OTHER');
  const leaveDaysText = raw('leaveDays');
  const leaveDays = leaveDaysText === undefined ? undefined : Number(leaveDaysText);
  if (status === 'ON_LEAVE' && !(Number.isInteger(leaveDays) && leaveDays! > 0)) fail('leaveDays', leaveDaysText === undefined ? 'the child is on leave, but the days of leave are missing' : `“${leaveDaysText}” is not a number of days`);

  if (problems.length || !recordId || !cci || !producedAt || !admittedAt || !status) return { ok: false, recordId, problems };

  const register = mapping.register ?? mapping.title;
  const onFile = `as in the ${register} register`;
  // A child admitted before production (brought by the police) is placed there pending inquiry when produced.
  const placedAt = Date.parse(admittedAt) < Date.parse(producedAt) ? producedAt : admittedAt;
  const sirRef = `SIR, ${onFile}`;
  const icpRef = `Plan on the home’s file (${cci.name})`;
  // The home the register names: the child's stay there is admitted with the order, so its occupancy counts the child.
  const inTheHome = { placeId: cci.bodyId, placeName: cci.name };
  const steps: { field: LegacyField; event: HistoricalEvent }[] = [
    { field: 'producedAt', event: { type: 'PRODUCED_BEFORE_CWC', at: producedAt, payload: { circumstance, producedBy: raw('producedBy') ?? onFile } } },
    { field: 'admittedAt', event: { type: 'INTERIM_PLACEMENT_ORDERED', at: placedAt, payload: { placement: cci.kind === 'SPECIALISED_ADOPTION_AGENCY' ? 'SPECIALISED_ADOPTION_AGENCY' : cci.kind === 'FIT_FACILITY' ? 'FIT_FACILITY' : 'CHILDRENS_HOME', orderRef: `Admission to ${cci.name}`, ...inTheHome } } },
  ];
  if (sirOrderedAt || sirSubmittedAt) steps.push({ field: sirOrderedAt ? 'sirOrderedAt' : 'sirSubmittedAt', event: { type: 'SIR_ORDERED', at: (sirOrderedAt ?? sirSubmittedAt)!, payload: { sirRef } } });
  if (sirSubmittedAt) steps.push({ field: 'sirSubmittedAt', event: { type: 'SIR_SUBMITTED', at: sirSubmittedAt, payload: { sirRef } } });
  if (cwcOrderedAt) steps.push({ field: 'cwcOrderedAt', event: { type: 'FINAL_ORDER_PASSED', at: cwcOrderedAt, payload: { order: cwcOrder, orderRef: cwcOrderRef!, reasons: `The order ${onFile}`, ...(placeKindsOf('FINAL_ORDER_PASSED', { order: cwcOrder })?.includes(cci.kind) && inTheHome) } } });
  if (icpPreparedAt) steps.push({ field: 'icpPreparedAt', event: { type: 'ICP_PREPARED', at: icpPreparedAt, payload: { icpRef, goals: ICP_DOMAINS.map((domain) => ({ domain, goal: 'as in the plan on the home’s file' })) } } });
  if (icpReviewedAt) {
    // The register dates the review, not its findings: each domain is marked for the home to look at again.
    const progress = ICP_DOMAINS.map((domain) => ({ domain, status: 'NEEDS_ATTENTION', note: 'the register records the date of the review only; see the home’s file' }));
    steps.push({ field: 'icpReviewedAt', event: { type: 'ICP_REVIEWED', at: icpReviewedAt, payload: { icpRef, progress } } });
  }
  if (leaveFrom) steps.push({ field: 'leaveFrom', event: { type: 'LEAVE_OF_ABSENCE_GRANTED', at: leaveFrom, payload: { orderRef: `Leave ${onFile}`, days: leaveDays!, purpose: `leave ${onFile}` } } });
  if (restoredAt) {
    // A CWC whose s.37 order was restoration itself ordered it; otherwise a later order restored the child from care.
    if (!(cwcOrderedAt && cwcOrder === 'RESTORATION')) steps.push({ field: restorationOrderedAt ? 'restorationOrderedAt' : 'restoredAt', event: { type: 'RESTORATION_ORDERED', at: restorationOrderedAt ?? restoredAt, payload: { orderRef: `Restoration ${onFile}`, reasons: `The restoration ${onFile}` } } });
    steps.push({ field: 'restoredAt', event: { type: 'CHILD_RESTORED', at: restoredAt, payload: { restoredTo: 'FAMILY' } } });
  }
  for (let i = 1; i < steps.length; i++) {
    const [before, step] = [steps[i - 1]!, steps[i]!];
    if (Date.parse(step.event.at) < Date.parse(before.event.at)) fail(step.field, `${stepWords(step.event.type)} (${raw(step.field)}) is dated before ${stepWords(before.event.type)} (${raw(before.field)})`);
  }
  const registeredAt = Date.parse(admittedAt) < Date.parse(producedAt) ? admittedAt : producedAt;
  const child = recordedChild(reader, age, registeredAt, Date.parse(admittedAt) < Date.parse(producedAt) ? 'admittedAt' : 'producedAt');
  if (problems.length || !child) return { ok: false, recordId, problems };

  const policy = ctx.deadlinePolicy?.(cci.stateCode);
  const replay = replayHistory(
    { caseId: '00000000-0000-4000-8000-000000000000', track: 'CNCP', registeredAt, child: { ageYears: child.ageYears, gender: child.gender }, districtCode: cci.districtCode, stateCode: cci.stateCode, ...(policy && { deadlinePolicy: policy }) },
    steps.map((s) => s.event),
  );
  if (!replay.ok) {
    const step = steps[replay.index]!;
    const issues = replay.rejection.issues?.map((i) => i.message).join('; ');
    fail(step.field, `${stepWords(step.event.type)} (${raw(step.field) ?? raw('restoredAt')}) cannot be recorded: the case was then at “${replay.label}”${issues ? ` (${issues})` : ''}`);
    return { ok: false, recordId, problems };
  }
  return { ok: true, value: { recordId, cci, track: 'CNCP', child, registeredAt, history: steps.map((s) => s.event) } };
}

const stepWords = (type: string) => STEP_WORDS[type as CaseEventType] ?? type.replaceAll('_', ' ').toLowerCase();

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A CCI by its s.41 registration number, or its code in Raksha; spacing, case and punctuation aside. */
export function findCci(ccis: readonly CciRef[], text: string): CciRef | undefined {
  const key = fold(text);
  return ccis.find((c) => (c.registrationNo !== null && fold(c.registrationNo) === key) || fold(c.bodyId) === key);
}

export function completedYears(dob: string, at: string): number {
  const [b, a] = [new Date(dob), new Date(at)];
  let years = a.getUTCFullYear() - b.getUTCFullYear();
  if (a.getUTCMonth() < b.getUTCMonth() || (a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() < b.getUTCDate())) years -= 1;
  return years;
}

// Porting an observation or special home's register: each child in conflict with law becomes a case on the JJB's
// track (CICL), in the state its home is in, by replaying the steps the record dates through the case machine, as a
// CCI register's children are (porting-cci.ts). The same mapping file as other sources (porting.ts, kind CICL_CHILD)
// names the columns. A refusal names the field and the home, never the child (s.74: a CICL child's identity is
// confidential).
import { BAIL_REFUSAL_GROUNDS, ICP_DOMAINS, JJB_FINAL_ORDERS, OFFENCE_CATEGORIES, replayHistory, type CaseEventType, type HistoricalEvent } from '@raksha/case-machine';
import { caseRecordReader, childAge, findCci, recordedChild, type CciChildContext, type MappedCciChild } from './porting-cci.js';
import type { LegacyField, LegacyProblem, LegacyRecord, LegacySourceMapping } from './porting.js';

/** Homes a child in conflict with law is kept in: pending inquiry (s.47), after the JJB's order (s.48), or 16–18 (s.49). */
const CICL_HOMES = new Set(['OBSERVATION_HOME', 'SPECIAL_HOME', 'PLACE_OF_SAFETY']);

/** How each step reads in a refusal: the register's words, never the machine's event names. */
const STEP_WORDS: Partial<Record<CaseEventType, string>> = {
  PRODUCED_BEFORE_JJB: 'the production before the JJB',
  BAIL_DECIDED: 'the decision on bail',
  SIR_SUBMITTED: 'the Social Investigation Report',
  PRELIMINARY_ASSESSMENT_COMPLETED: 'the preliminary assessment',
  JJB_FINAL_ORDER_PASSED: 'the JJB’s order',
  ICP_PREPARED: 'the Individual Care Plan',
};
const stepWords = (type: string) => STEP_WORDS[type as CaseEventType] ?? type.replaceAll('_', ' ').toLowerCase();

/**
 * One child's record of an observation or special home as a CICL case: its home (which fixes the district), the
 * child, and the history the record dates (apprehension, production before the JJB, bail, the Social Investigation
 * Report, the preliminary assessment, the JJB's order, the care plan), checked against the machine from
 * apprehension to the last step. Problems name the field and its column.
 */
export function mapCiclChildRecord(mapping: LegacySourceMapping, record: LegacyRecord, ctx: CciChildContext): MappedCciChild {
  const problems: LegacyProblem[] = [];
  const reader = caseRecordReader(mapping, record, problems, ctx.now ?? new Date());
  const { raw, fail, dateOf, oneOf } = reader;

  const recordId = raw('recordId') ?? null;
  if (!recordId) fail('recordId', 'the record has no id in the source; it cannot be imported twice safely without one');

  const homeText = raw('cci');
  const home = homeText === undefined ? undefined : findCci(ctx.ccis, homeText);
  if (homeText === undefined) fail('cci', 'the record does not name the observation or special home');
  else if (!home) fail('cci', `no home registered as “${homeText}” is in Raksha; register the home first`);
  else if (!CICL_HOMES.has(home.kind)) fail('cci', `${home.name} is not an observation home, special home or place of safety`);
  const track = oneOf('track', ['CNCP', 'CICL'] as const, 'CICL');
  if (track === 'CNCP') fail('track', 'a child in need of care and protection is imported from a CCI register (the cci-register source), not an observation home’s');
  const age = childAge(reader);

  const offenceCategory = oneOf('offenceCategory', OFFENCE_CATEGORIES);
  if (raw('offenceCategory') === undefined) fail('offenceCategory', 'the record does not say whether the alleged offence is petty, serious or heinous (s.2(45), (54), (33))');
  const apprehendedAt = dateOf('apprehendedAt');
  const producedAt = dateOf('producedAt', 'the date the child was produced before the JJB is missing');
  // A child kept in an observation home was refused bail; the register says so unless it says otherwise.
  const bail = oneOf('bail', ['GRANTED', 'REFUSED'] as const, 'REFUSED');
  const bailDecidedAt = dateOf('bailDecidedAt') ?? producedAt;
  const refusalGround = bail === 'REFUSED' ? oneOf('bailRefusalGround', BAIL_REFUSAL_GROUNDS) : undefined;
  if (bail === 'REFUSED' && raw('bailRefusalGround') === undefined) fail('bailRefusalGround', 'bail was refused, but the record does not say on which ground of the s.12(1) proviso: association with a known criminal; moral, physical or psychological danger; or defeating the ends of justice');
  const sirSubmittedAt = dateOf('sirSubmittedAt');
  const assessedAt = dateOf('preliminaryAssessmentAt');
  const orderedAt = dateOf('jjbOrderedAt');
  const order = oneOf('jjbOrder', JJB_FINAL_ORDERS);
  const orderRef = raw('jjbOrderRef');
  if (orderedAt && !order) fail('jjbOrder', raw('jjbOrder') === undefined ? 'the JJB’s order is dated but the record does not say what it ordered' : 'the JJB’s order is not one the Act provides for');
  if (orderedAt && !orderRef) fail('jjbOrderRef', 'the JJB’s order is dated but its reference is missing');
  if (!orderedAt && raw('jjbOrder') !== undefined) fail('jjbOrderedAt', 'the JJB’s order is named but its date is missing');
  if (home?.kind === 'SPECIAL_HOME' && !(orderedAt && order === 'SPECIAL_HOME')) fail('jjbOrder', `${home.name} is a special home: a child is there by the JJB’s order under s.18(1)(g), which the record does not give`);
  const icpPreparedAt = dateOf('icpPreparedAt');

  if (problems.length || !recordId || !home || !producedAt || !offenceCategory || !bailDecidedAt) return { ok: false, recordId, problems };

  const register = mapping.register ?? mapping.title;
  const onFile = `as in the ${register} register`;
  const registeredAt = apprehendedAt ?? producedAt;
  const child = recordedChild(reader, age, registeredAt, apprehendedAt ? 'apprehendedAt' : 'producedAt');
  if (problems.length || !child) return { ok: false, recordId, problems };
  if (child.ageYears !== undefined && child.ageYears < 7) {
    fail(age.dob ? 'child.dateOfBirth' : 'child.ageYears', `the child was ${child.ageYears} when apprehended; a child under 7 cannot be in conflict with law (IPC s.82)`);
    return { ok: false, recordId, problems };
  }
  if (child.ageYears === undefined) {
    fail('child.ageYears', 'the record gives neither the child’s age nor date of birth: the JJB’s steps depend on the age at the offence (s.15)');
    return { ok: false, recordId, problems };
  }

  const steps: { field: LegacyField; event: HistoricalEvent }[] = [
    { field: 'producedAt', event: { type: 'PRODUCED_BEFORE_JJB', at: producedAt, payload: { offenceCategory, ageAtOffence: child.ageYears, ...(raw('firRef') && { firRef: raw('firRef') }) } } },
    {
      field: raw('bailDecidedAt') ? 'bailDecidedAt' : 'producedAt',
      event: {
        type: 'BAIL_DECIDED',
        at: bailDecidedAt,
        payload: bail === 'GRANTED' ? { granted: true } : { granted: false, refusalGround, reasons: `Bail refused ${onFile}`, custody: home.kind === 'PLACE_OF_SAFETY' ? 'PLACE_OF_SAFETY' : 'OBSERVATION_HOME' },
      },
    },
  ];
  if (sirSubmittedAt) steps.push({ field: 'sirSubmittedAt', event: { type: 'SIR_SUBMITTED', at: sirSubmittedAt, payload: { sirRef: `SIR, ${onFile}` } } });
  if (assessedAt) steps.push({ field: 'preliminaryAssessmentAt', event: { type: 'PRELIMINARY_ASSESSMENT_COMPLETED', at: assessedAt, payload: { finding: 'INQUIRY_AS_CHILD', reasons: `The assessment ${onFile}` } } });
  if (orderedAt && order) steps.push({ field: 'jjbOrderedAt', event: { type: 'JJB_FINAL_ORDER_PASSED', at: orderedAt, payload: { order, orderRef: orderRef!, reasons: `The order ${onFile}` } } });
  if (icpPreparedAt) steps.push({ field: 'icpPreparedAt', event: { type: 'ICP_PREPARED', at: icpPreparedAt, payload: { icpRef: `Plan on the home’s file (${home.name})`, goals: ICP_DOMAINS.map((domain) => ({ domain, goal: 'as in the plan on the home’s file' })) } } });
  if (apprehendedAt && Date.parse(producedAt) < Date.parse(apprehendedAt)) fail('producedAt', `the production before the JJB (${raw('producedAt')}) is dated before the apprehension (${raw('apprehendedAt')})`);
  for (let i = 1; i < steps.length; i++) {
    const [before, step] = [steps[i - 1]!, steps[i]!];
    if (Date.parse(step.event.at) < Date.parse(before.event.at)) fail(step.field, `${stepWords(step.event.type)} (${raw(step.field)}) is dated before ${stepWords(before.event.type)} (${raw(before.field)})`);
  }
  if (problems.length) return { ok: false, recordId, problems };

  const policy = ctx.deadlinePolicy?.(home.stateCode);
  const replay = replayHistory(
    { caseId: '00000000-0000-4000-8000-000000000000', track: 'CICL', registeredAt, child: { ageYears: child.ageYears, gender: child.gender }, districtCode: home.districtCode, stateCode: home.stateCode, ...(policy && { deadlinePolicy: policy }) },
    steps.map((s) => s.event),
  );
  if (!replay.ok) {
    const step = steps[replay.index]!;
    const issues = replay.rejection.issues?.map((i) => i.message).join('; ');
    fail(step.field, `${stepWords(step.event.type)} (${raw(step.field)}) cannot be recorded: the case was then at “${replay.label}”${issues ? ` (${issues})` : ''}`);
    return { ok: false, recordId, problems };
  }
  return { ok: true, value: { recordId, cci: home, track: 'CICL', child, registeredAt, history: steps.map((s) => s.event) } };
}

import type { AnyStateNode } from 'xstate';
import { EVENT_AUTHORITY } from './authority.js';
import { CASE_EVENT_TYPES } from './events.js';
import { caseMachine, type CaseStateMeta } from './machine.js';
import { allNodes, machineTransitions, type AnyTransition } from './transitions.js';
import { BODY_DUTY_RULES, CCI_REGISTRATION_RULE, WATCHED_BODY_DUTY_IDS, type BodyDutyRule } from './body-duties.js';
import { DEADLINE_RULES, type DeadlineId } from './policy.js';


const mermaidId = (node: AnyStateNode) => node.id.replace(/^case\.?/, '').replace(/\./g, '_') || 'case';
const metaOf = (node: AnyStateNode) => node.meta as CaseStateMeta | undefined;
const quote = (text: string) => text.replace(/"/g, "'");

function guardName(t: AnyTransition): string | undefined {
  return t.guard ? nameOfGuard(t.guard) : undefined;
}

function nameOfGuard(g: unknown): string {
  if (typeof g === 'string') return g;
  // xstate's and([...]) is a function carrying the guards it combines.
  if (typeof g === 'function' && Array.isArray((g as { guards?: unknown }).guards) && g.name === 'and') {
    return ((g as unknown as { guards: unknown[] }).guards).map(nameOfGuard).join(' and ');
  }
  if (typeof g === 'object' && g !== null && 'type' in g) {
    const { type, params } = g as { type: string; params?: { orders?: string[] } };
    return params?.orders ? `${type}(${params.orders.join(',')})` : type;
  }
  return 'guard';
}

function renderNode(node: AnyStateNode, indent: string): string[] {
  const id = mermaidId(node);
  const label = metaOf(node)?.label ?? node.key;
  const children = Object.values(node.states) as AnyStateNode[];
  if (node.type === 'history') return [`${indent}state "H (history)" as ${id}`];
  if (children.length === 0) return [`${indent}state "${quote(label)}" as ${id}`];
  const initial = node.initial?.target?.[0] as AnyStateNode | undefined;
  return [
    `${indent}state "${quote(label)}" as ${id} {`,
    ...(initial ? [`${indent}  [*] --> ${mermaidId(initial)}`] : []),
    ...children.flatMap((child) => renderNode(child, `${indent}  `)),
    `${indent}}`,
  ];
}

export function renderMermaid(): string {
  const root = caseMachine.root;
  const lines = ['stateDiagram-v2', `  [*] --> ${mermaidId(root.initial!.target![0] as AnyStateNode)}`];
  for (const child of Object.values(root.states) as AnyStateNode[]) lines.push(...renderNode(child, '  '));
  for (const { source, event, transition } of machineTransitions()) {
    const guard = guardName(transition);
    const label = `${event}${guard ? ` [${guard}]` : ''}`;
    const from = source === root ? 'any' : mermaidId(source);
    const targets = (transition.target ?? [source]) as AnyStateNode[];
    // Mermaid has no 'from any state' edge; those are listed under the diagram instead.
    if (source === root) continue;
    for (const target of targets) lines.push(`  ${from} --> ${mermaidId(target)} : ${label}`);
  }
  for (const node of allNodes(root)) if (node.type === 'final') lines.push(`  ${mermaidId(node)} --> [*]`);
  return lines.join('\n');
}

/** States whose entry starts each deadline (from their meta). */
export function deadlineStates(): Record<DeadlineId, string[]> {
  const map = Object.fromEntries(DEADLINE_RULES.map((r) => [r.id, [] as string[]])) as Record<DeadlineId, string[]>;
  for (const node of allNodes(caseMachine.root)) {
    for (const id of metaOf(node)?.deadlines ?? []) map[id].push(node.id.replace(/^case\./, ''));
  }
  return map;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderDeadlineTable(): string {
  const states = deadlineStates();
  const rows = DEADLINE_RULES.map((r) =>
    [
      `\`${r.id}\``,
      cell(r.obligation),
      cell(r.owner),
      `\`${r.within}\``,
      `\`${r.from}\``,
      'opensAfter' in r && r.opensAfter ? `\`${r.opensAfter}\`` : '',
      states[r.id].map((s) => `\`${s}\``).join(', '),
      r.appliesIf ? `\`${r.appliesIf}\`` : '',
      r.repeatsOn ? `\`${r.repeatsOn}\`` : '',
      r.fulfilledBy.map((e) => `\`${e}\``).join(', '),
      cell(r.citation),
      r.basis,
    ].join(' | '),
  );
  return [
    '| id | obligation | who | within | from | opens after | open in | applies if | repeats on | met by | citation | basis |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

const ladderCell = (ladder: BodyDutyRule['ladder']) => ladder.map((r) => `${r.to} after ${r.after}`).join(', then ');

export function renderBodyDutyTable(): string {
  return [
    '| id | body | obligation | at least | per | counted for | report to | due | citation | basis | missed: escalated |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...BODY_DUTY_RULES.map((r: BodyDutyRule) => {
      const due = r.dueAfterPeriod ? `${r.dueAfterPeriod.within} after the ${r.period.toLowerCase()} (${r.dueAfterPeriod.citation})` : `at the ${r.period.toLowerCase()}'s end`;
      const watched = (WATCHED_BODY_DUTY_IDS as readonly string[]).includes(r.id) ? ladderCell(r.ladder) : 'not recorded (no account for this body)';
      return `| \`${r.id}\` | ${r.body} | ${cell(r.obligation)} | ${r.atLeast} | ${r.period.toLowerCase()} | ${r.per === 'cci' ? 'each CCI' : 'the body'} | ${cell(r.reportTo ?? '')} | ${cell(due)} | ${cell(r.citation)} | ${r.basis} | ${cell(watched)} |`;
    }),
  ].join('\n');
}

export function renderEventTable(): string {
  return [
    '| event | roles | bodies | citation | what |',
    '|---|---|---|---|---|',
    ...CASE_EVENT_TYPES.map((type) => {
      const a = EVENT_AUTHORITY[type];
      return `| \`${type}\` | ${a.roles.join(', ')} | ${a.bodies.join(', ') || '—'} | ${cell(a.citation ?? '')} | ${cell(a.description)} |`;
    }),
  ].join('\n');
}

/** The whole of docs/case-machine.md; a unit test fails when the committed file differs. */
export function renderCaseMachineDoc(): string {
  const ladder = DEADLINE_RULES[0].ladder.map((r) => `${r.to} after \`${r.after}\``).join(', then ');
  return [
    '# The JJ-Act case machine',
    '',
    '<!-- Generated by scripts/machine-diagram.ts from libs/case-machine. Do not edit by hand. -->',
    '',
    'Both tracks of the Juvenile Justice (Care and Protection of Children) Act 2015 as one XState machine:',
    'CNCP before the Child Welfare Committee and CICL before the Juvenile Justice Board. Events are sent by',
    'the roles listed below; deadlines are policy data with the Act as default and can be overridden per state.',
    '',
    '## Diagram',
    '',
    '```mermaid',
    renderMermaid(),
    '```',
    '',
    ...machineTransitions()
      .filter(({ source }) => source === caseMachine.root)
      .map(({ event, transition }) => {
        const target = (transition.target?.[0] as AnyStateNode | undefined)?.key ?? 'the same state';
        return `From any state: \`${event}\` [${guardName(transition)}] → ${target}.`;
      }),
    '',
    '## Deadlines',
    '',
    `An open deadline past its due time escalates (policy, per state): ${ladder}.`,
    'A deadline runs while the case is in a state that opens it. Only the events under `met by` meet it (on',
    'time or late); when the case leaves that state by any other event (a surrender reconsidered, a referral,',
    'a waiver, leaving care) the deadline ends without being met: the timeline says so (`deadlines.ended`, with',
    '`overdue` when it was past due), and its escalations stay open until an official resolves them.',
    '`from` is when the period starts: entry into the state, the latest time of the named event, or the',
    'child\'s 18th birthday (with a negative period, i.e. before it).',
    'A leave of absence fixes its own due time: `cncp.returnFromLeave` falls due when the days granted and the',
    'journey end (s.98(1)); its `within` is the most the Act allows in one instance, and the leave guard reads it.',
    '`opens after` is a period from `from` in which the obligation cannot lawfully be met (the s.35(3)',
    'reconsideration): the guards read it, and `within` counts from its end.',
    'A state sets any deadline\'s `within`, `opensAfter` and its own ladder (`[{to, after}]`, the rungs above in',
    'order of time) through `PUT /states/:code/deadline-policy/:deadlineId`; its cases registered afterwards run on them.',
    '',
    renderDeadlineTable(),
    '',
    '## Recurring duties of the bodies',
    '',
    'Duties of the CWC, the JJB and those who oversee them, counted per calendar period (IST; quarters start',
    'in January, April, July and October) rather than opened by a child\'s case. Sittings count distinct days; only',
    'the CWC\'s own visits count towards `cwc.cciVisits` (the DCPU\'s and the inspection committee\'s, s.54, are recorded too).',
    'Once a day (00:30 IST) the worker\'s missed-duty scan assesses each CWC and JJB for the latest period whose due time',
    'has passed; each miss starts a watch workflow (`watch-body-duty-<bodyId>.<dutyId>.<period>`) that escalates it on the',
    'ladder (the state\'s own ladder for that duty id, where its SCPS set one). A duty done late (a sitting, visit or',
    'return recorded afterwards for that period) marks its escalations met and stops the climb.',
    '',
    renderBodyDutyTable(),
    '',
    `An institution's registration is a deadline of its own: \`${CCI_REGISTRATION_RULE.id}\` — ${CCI_REGISTRATION_RULE.obligation}`,
    `(${CCI_REGISTRATION_RULE.citation}; ${CCI_REGISTRATION_RULE.basis}). It falls due the day after the last valid date and escalates on`,
    'the same ladder; its watch workflow (`watch-institution-registration-<bodyId>`) waits for it and a renewal meets it.',
    '',
    'The 24 hours to report a found child (s.32) run before Raksha knows of the child: the report is what',
    'registers the case, so it has no timer here; the 24-hour production clock (s.31(1)) starts from it.',
    '',
    '## Events and who may send them',
    '',
    renderEventTable(),
    '',
  ].join('\n');
}

// A CWC's or JJB's recurring duty missed in one period, as the obligation watch climbs the ladder for it: built in one
// place for the worker's missed-duty scan and the API, which closes the watch when the duty is done late.
import { bodyDutyRule, type WatchedBodyDutyId } from '@raksha/case-machine/workflow';
import type { WatchedObligation } from './obligation-watch.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A period as people say it: "November 2026", "October to December 2026". */
export function periodInWords(label: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return `${MONTHS[(Number(quarter[2]) - 1) * 3]} to ${MONTHS[(Number(quarter[2]) - 1) * 3 + 2]} ${quarter[1]}`;
  return label;
}

/** The watch of one body's duty in one period: one workflow, whose escalations carry the body's id. */
export const dutyWatchSubjectId = (bodyId: string, dutyId: WatchedBodyDutyId, period: string) => `${bodyId}.${dutyId}.${period}`;

export interface DutyMiss {
  body: { id: string; name: string; districtCode: string; stateCode: string };
  dutyId: WatchedBodyDutyId;
  /** the period's label (2026-11, 2026-Q4) and when the duty fell due */
  period: string;
  dueAt: string;
  /** what was done, in plain words: "sat on 12 of the 20 days", "Children's Home 1 visited once" */
  shortfall: string;
  /** the state's own ladder for this duty, where it set one */
  ladder?: WatchedObligation['deadline']['ladder'];
  /** done late: the watch stops climbing */
  closed?: boolean;
}

export function watchedDutyMiss(m: DutyMiss): WatchedObligation {
  const rule = bodyDutyRule(m.dutyId);
  return {
    subject: 'BODY_DUTY',
    subjectId: dutyWatchSubjectId(m.body.id, m.dutyId, m.period),
    label: `${m.body.name}, ${periodInWords(m.period)}: ${m.shortfall}`,
    bodyId: m.body.id,
    districtCode: m.body.districtCode,
    stateCode: m.body.stateCode,
    deadline: {
      id: rule.id,
      obligation: rule.obligation,
      citation: rule.dueAfterPeriod ? `${rule.citation}; due ${rule.dueAfterPeriod.citation}` : rule.citation,
      ladder: m.ladder ?? rule.ladder,
      dueAt: m.dueAt,
    },
    noticeKind: 'BODY_DUTY_MISSED',
    closed: m.closed ?? false,
  };
}

// The notices a step sends: one job per recipient body for the machine's `notify` actions, and the text of a missed deadline.
import type { CaseAction, NotifyParams } from '@raksha/case-machine/workflow';
import type { NotificationJob } from '@raksha/contracts';

export function noticeJobs(
  actions: readonly CaseAction[],
  caseId: string,
  /** Where the case stands after the step; its bodies are the ones told (a police station: the case's own, if known). */
  where: { districtCode: string; stateCode: string; thanaCode?: string },
  sequence: number,
  subject: string,
  body: string,
  homeDistrict?: { districtCode: string; stateCode: string },
): NotificationJob[] {
  return actions
    .filter((a): a is CaseAction & { params: NotifyParams } => a.type === 'notify' && a.params !== undefined)
    .flatMap((a) =>
      a.params.to.map((target): NotificationJob => {
        const home = target === 'HOME_DISTRICT_DCPU' && homeDistrict;
        return {
          dedupeKey: `case-${caseId}-${sequence}-${target}`,
          recipientBody: target === 'HOME_DISTRICT_DCPU' ? 'DCPU' : target,
          districtCode: home ? homeDistrict.districtCode : where.districtCode,
          stateCode: home ? homeDistrict.stateCode : where.stateCode,
          ...(target === 'POLICE_STATION' && where.thanaCode && { thanaCode: where.thanaCode }),
          caseId,
          kind: `CASE_${a.params.about.toUpperCase().replace(/[^A-Z]+/g, '_')}`,
          subject: `${subject}: ${a.params.about}`,
          body,
        };
      }),
    );
}

/** The text of a missed rung's notice: what was due, when and under which provision, and how late. */
export function overdueNotice(
  who: string,
  deadline: { obligation: string; dueAt: string; citation: string },
  overdueBy: string,
  about?: string,
): { subject: string; body: string } {
  return {
    subject: `Overdue by ${overdueBy}: ${deadline.obligation}${about ? ` (${about})` : ''}`,
    body: `${who}: "${deadline.obligation}" was due ${indiaTime(deadline.dueAt)} (${deadline.citation}) and is not met.`,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** India's offset from UTC (IST has no summer time). */
const IST_OFFSET_MS = 330 * 60_000;

/** A time as people read it in India, "2 Mar 2026, 10:00 am IST": a notice never shows an ISO time. Plain arithmetic, so workflow code may call it. */
export function indiaTime(iso: string): string {
  const t = new Date(Date.parse(iso) + IST_OFFSET_MS);
  const hours = t.getUTCHours();
  const minutes = String(t.getUTCMinutes()).padStart(2, '0');
  return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}, ${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'am' : 'pm'} IST`;
}

// The notices a step sends: one job per recipient body for the machine's `notify` actions, and the text of a missed deadline.
import type { CaseAction, NotifyParams } from '@raksha/case-machine/workflow';
import type { NotificationJob } from '@raksha/contracts';

export function noticeJobs(
  actions: readonly CaseAction[],
  caseId: string,
  /** Where the case stands after the step; its bodies are the ones told. */
  where: { districtCode: string; stateCode: string },
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
    body: `${who}: "${deadline.obligation}" was due ${deadline.dueAt} (${deadline.citation}) and is not met.`,
  };
}

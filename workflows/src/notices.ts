// Turns the machine's named `notify` actions into one notification job per recipient body.
import type { CaseAction, NotifyParams } from '@raksha/case-machine';
import type { CaseRegistration, NotificationJob } from '@raksha/contracts';

export function noticeJobs(
  actions: readonly CaseAction[],
  registration: CaseRegistration,
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
          dedupeKey: `case-${registration.caseId}-${sequence}-${target}`,
          recipientBody: target === 'HOME_DISTRICT_DCPU' ? 'DCPU' : target,
          districtCode: home ? homeDistrict.districtCode : registration.districtCode,
          stateCode: home ? homeDistrict.stateCode : registration.stateCode,
          caseId: registration.caseId,
          kind: `CASE_${a.params.about.toUpperCase().replace(/[^A-Z]+/g, '_')}`,
          subject: `${subject}: ${a.params.about}`,
          body,
        };
      }),
    );
}

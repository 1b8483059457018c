// Which rung of which deadline's ladder falls due next: pure, so unit tests and the workflow agree.
import { addIsoDuration, type OpenDeadline } from '@raksha/case-machine';

export interface DueRung {
  key: string;
  deadline: OpenDeadline;
  rung: number;
  fireAt: string;
}

/** One key per miss and rung: a deadline restarted in a later episode has a new due time, so a new key. */
export const rungKey = (deadlineId: string, dueAt: string, rung: number) => `${deadlineId}@${dueAt}#${rung}`;

/** The soonest rung not yet raised among the open deadlines, if any. */
export function nextDueRung(open: readonly OpenDeadline[], raised: ReadonlySet<string>): DueRung | undefined {
  let next: DueRung | undefined;
  for (const deadline of open) {
    deadline.ladder.forEach((step, rung) => {
      const key = rungKey(deadline.id, deadline.dueAt, rung);
      if (raised.has(key)) return;
      const fireAt = addIsoDuration(deadline.dueAt, step.after);
      if (!next || Date.parse(fireAt) < Date.parse(next.fireAt)) next = { key, deadline, rung, fireAt };
    });
  }
  return next;
}

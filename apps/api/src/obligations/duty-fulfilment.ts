import { Inject, Injectable } from '@nestjs/common';
import { dutyDoneLate } from '@raksha/activities';
import { dutyPeriodOf, bodyDutyRule, type WatchedBodyDutyId } from '@raksha/case-machine';
import { BodyDutyRepository, EscalationRepository, type DutyBody } from '@raksha/db';
import { ObligationWatchClient } from './obligation-watch.client.js';

/** A CWC's or JJB's duty done late: its missed-duty escalations are marked met and its watch stops climbing. */
@Injectable()
export class DutyFulfilment {
  constructor(
    @Inject(BodyDutyRepository) private readonly duties: BodyDutyRepository,
    private readonly escalations: EscalationRepository,
    private readonly watches: ObligationWatchClient,
  ) {}

  /** After a sitting, visit or return for the period containing `day` (or named by `period`): met now, if it was missed. */
  async recorded(body: DutyBody, dutyId: WatchedBodyDutyId, at: { day: string } | { period: string }, now = new Date()): Promise<void> {
    const label = 'period' in at ? at.period : dutyPeriodOf(bodyDutyRule(dutyId).period, `${at.day}T12:00:00+05:30`).label;
    await dutyDoneLate(
      {
        duties: this.duties,
        tell: (w) => this.watches.tell(w),
        markMet: (bodyId, deadlineId, dueAt, metAt) => this.escalations.markBodyObligationMet(bodyId, deadlineId, dueAt, metAt),
      },
      body,
      dutyId,
      label,
      now,
    );
  }
}

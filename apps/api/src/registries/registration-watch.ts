import { Injectable } from '@nestjs/common';
import { CCI_REGISTRATION_RULE, registrationDueAt } from '@raksha/case-machine';
import type { InstitutionRecord } from '@raksha/db';
import { ObligationWatchClient } from '../obligations/obligation-watch.client.js';

const AT_ONCE = 16;

/**
 * Tells each institution's registration watch (`watch-institution-registration-<id>`) the registry's record of
 * its s.41 registration, so a lapse escalates and a renewal meets it.
 */
@Injectable()
export class RegistrationWatch {
  constructor(private readonly watches: ObligationWatchClient) {}

  /** Never throws: a watch not told is logged by the client, and the next change tells it again. */
  async tell(institutions: InstitutionRecord[]): Promise<void> {
    const queue = [...institutions];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.tellOne(next);
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, worker));
  }

  private async tellOne(i: InstitutionRecord): Promise<void> {
    await this.watches.tell({
      subject: 'INSTITUTION_REGISTRATION',
      subjectId: i.id,
      label: `${i.name} (${i.id}), registration ${i.registrationNo ?? 'with no number'}`,
      bodyId: i.id,
      districtCode: i.districtCode,
      stateCode: i.stateCode,
      deadline: {
        id: CCI_REGISTRATION_RULE.id,
        obligation: CCI_REGISTRATION_RULE.obligation,
        citation: CCI_REGISTRATION_RULE.citation,
        ladder: CCI_REGISTRATION_RULE.ladder,
        dueAt: i.registeredUntil ? registrationDueAt(i.registeredUntil) : null,
      },
      noticeKind: 'REGISTRATION_LAPSED',
      closed: false,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { InstitutionRecord } from '@raksha/db';
import { ObligationWatchClient } from '../obligations/obligation-watch.client.js';
import { watchedRegistration } from '../obligations/watched.js';

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
    await this.watches.tell(watchedRegistration(i));
  }
}

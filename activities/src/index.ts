// Activities: the only place a case workflow's decisions touch PostgreSQL and Redis.
import { ApplicationFailure } from '@temporalio/common';
import type { Queue } from 'bullmq';
import type { NotificationJob } from '@raksha/contracts';
import type { CaseRepository, TransitionRecord } from '@raksha/db';

export interface ActivityDeps {
  cases: CaseRepository;
  notifications: Pick<Queue<NotificationJob>, 'add'>;
}

/** Serialisable form of TransitionRecord: dates cross the workflow boundary as ISO strings. */
export interface TransitionInput extends Omit<TransitionRecord, 'occurredAt' | 'registration'> {
  occurredAt: string;
  registration?: Omit<NonNullable<TransitionRecord['registration']>, 'registeredAt'> & { registeredAt: string };
}

export function createActivities(deps: ActivityDeps) {
  return {
    /** Case row + timeline entry + audit entry in one transaction; a retry writes nothing twice. */
    async recordTransition(input: TransitionInput): Promise<{ written: boolean }> {
      const occurredAt = new Date(input.occurredAt);
      if (Number.isNaN(occurredAt.getTime())) {
        throw ApplicationFailure.create({ nonRetryable: true, type: 'InvalidTransition', message: `bad occurredAt ${input.occurredAt}` });
      }
      const written = await deps.cases.recordTransition({
        ...input,
        occurredAt,
        registration: input.registration && { ...input.registration, registeredAt: new Date(input.registration.registeredAt) },
      });
      return { written };
    },

    /** One BullMQ job per recipient; the job id is the dedupe key, so a retried activity enqueues once. */
    async notify(jobs: NotificationJob[]): Promise<void> {
      for (const job of jobs) {
        await deps.notifications.add('deliver', job, {
          jobId: job.dedupeKey.replaceAll(':', '.'), // BullMQ reserves ':' in ids
          attempts: 10,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: 1000,
          removeOnFail: false,
        });
      }
    },
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;

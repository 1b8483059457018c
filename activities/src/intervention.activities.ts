// Activities of the intervention workflow: each step on the intervention's row and audit chain, then its notices.
import type { Queue } from 'bullmq';
import { enqueueNotifications, type NotificationJob } from '@raksha/contracts';
import type { InterventionRepository, InterventionStepRecord } from '@raksha/db';
import type { Serialised } from './serialised.js';

export interface InterventionActivityDeps {
  interventions: InterventionRepository;
  notifications: Pick<Queue<NotificationJob>, 'add'>;
}

export type InterventionStepInput = Serialised<InterventionStepRecord> & { notices?: NotificationJob[] };

export function createInterventionActivities(deps: InterventionActivityDeps) {
  return {
    /** The step and its audit entry in one transaction, then its notices; a retry writes and enqueues once. */
    async recordInterventionStep({ notices, ...s }: InterventionStepInput): Promise<{ written: boolean }> {
      const written = await deps.interventions.recordStep({ ...s, at: new Date(s.at) });
      if (notices?.length) await enqueueNotifications(deps.notifications, notices);
      return { written };
    },
  };
}

export type InterventionActivities = ReturnType<typeof createInterventionActivities>;

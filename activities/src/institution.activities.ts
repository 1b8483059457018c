// Activities of the institution workflow: a body's own escalations, written once and audited, and their notices.
import type { Queue } from 'bullmq';
import { enqueueNotifications, type NotificationJob } from '@raksha/contracts';
import type { BodyEscalationActionRecord, BodyEscalationRecord, EscalationRepository } from '@raksha/db';
import type { Serialised } from './serialised.js';

export interface InstitutionActivityDeps {
  escalations: EscalationRepository;
  notifications: Pick<Queue<NotificationJob>, 'add'>;
}

export type BodyEscalationInput = Serialised<BodyEscalationRecord> & { notice: NotificationJob };

export function createInstitutionActivities(deps: InstitutionActivityDeps) {
  return {
    /** Escalation row + audit entry, then the notice to the body raised to; a retry writes and enqueues once. */
    async raiseBodyEscalation({ notice, ...e }: BodyEscalationInput): Promise<{ written: boolean }> {
      const written = await deps.escalations.recordBodyEscalation({ ...e, dueAt: new Date(e.dueAt), raisedAt: new Date(e.raisedAt) });
      await enqueueNotifications(deps.notifications, [notice]);
      return { written };
    },

    async recordBodyEscalationAction(a: Serialised<BodyEscalationActionRecord>) {
      return { written: await deps.escalations.recordBodyEscalationAction({ ...a, at: new Date(a.at) }) };
    },

    async markBodyObligationMet(m: { bodyId: string; deadlineId: string; dueAt: string; metAt: string; watchId?: string }) {
      return { marked: await deps.escalations.markBodyObligationMet(m.bodyId, m.deadlineId, new Date(m.dueAt), new Date(m.metAt), m.watchId) };
    },
  };
}

export type InstitutionActivities = ReturnType<typeof createInstitutionActivities>;

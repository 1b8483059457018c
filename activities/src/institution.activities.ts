// Activities of the institution workflow: a body's own escalations, written once and audited, and their notices.
import type { Queue } from 'bullmq';
import { enqueueNotifications, type NotificationJob } from '@raksha/contracts';
import type { EscalationRepository } from '@raksha/db';

export interface InstitutionActivityDeps {
  escalations: EscalationRepository;
  notifications: Pick<Queue<NotificationJob>, 'add'>;
}

export interface BodyEscalationInput {
  id: string;
  bodyId: string;
  watchId: string;
  deadlineId: string;
  obligation: string;
  citation: string;
  rung: number;
  toBody: string;
  districtCode: string;
  stateCode: string;
  dueAt: string;
  raisedAt: string;
  notice: NotificationJob;
}

export function createInstitutionActivities(deps: InstitutionActivityDeps) {
  return {
    /** Escalation row + audit entry, then the notice to the body raised to; a retry writes and enqueues once. */
    async raiseBodyEscalation({ notice, ...e }: BodyEscalationInput): Promise<{ written: boolean }> {
      const written = await deps.escalations.recordBodyEscalation({ ...e, dueAt: new Date(e.dueAt), raisedAt: new Date(e.raisedAt) });
      await enqueueNotifications(deps.notifications, [notice]);
      return { written };
    },

    async recordBodyEscalationAction(a: { id: string; bodyId: string; action: 'ACKNOWLEDGE' | 'RESOLVE'; actorId: string; actorRole: string; note: string | null; at: string }) {
      return { written: await deps.escalations.recordBodyEscalationAction({ ...a, at: new Date(a.at) }) };
    },

    async markBodyObligationMet(m: { bodyId: string; deadlineId: string; dueAt: string; metAt: string }) {
      return { marked: await deps.escalations.markBodyObligationMet(m.bodyId, m.deadlineId, new Date(m.dueAt), new Date(m.metAt)) };
    },
  };
}

export type InstitutionActivities = ReturnType<typeof createInstitutionActivities>;

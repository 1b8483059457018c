import type { RegistryAuditEntry } from '@raksha/db';
import type { Principal } from '../auth/principal.js';
import type { RegistryHistoryEntry } from '@raksha/contracts';

/** Who makes a registry change and when, for its audit entry. */
export function registryChange(principal: Principal, action: string, at = new Date()) {
  return { action, actorId: principal.userId, actorRole: principal.roles.join(','), at };
}

export function toHistory(e: RegistryAuditEntry): RegistryHistoryEntry {
  const detail = (e.detail ?? {}) as { before?: unknown; after?: unknown };
  return {
    position: e.position,
    action: e.action,
    actor: { id: e.actorId, role: e.actorRole },
    at: e.at.toISOString(),
    before: detail.before ?? null,
    after: detail.after ?? null,
  };
}

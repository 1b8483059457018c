import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  chain: string;
  position: number;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string;
  detail: unknown;
  at: Date;
  prevHash: string;
}

/** Stable JSON: keys sorted, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function auditHash(e: AuditFields): string {
  return createHash('sha256')
    .update(
      canonical({
        chain: e.chain,
        position: e.position,
        action: e.action,
        actorId: e.actorId,
        actorRole: e.actorRole,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        detail: e.detail,
        at: e.at.toISOString(),
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}

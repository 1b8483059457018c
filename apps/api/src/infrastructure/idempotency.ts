import { createHash } from 'node:crypto';

/**
 * The record id a user's Idempotency-Key names: always the same for the same user and key, so a retried request
 * finds what its first attempt made. `scope` keeps one key's case, report and eFile entry apart.
 */
export function idempotentId(userId: string, key: string, scope?: 'report' | 'efile'): string {
  const h = createHash('sha256').update(`${scope ? `${scope}\n` : ''}${userId}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// The one rule for an Idempotency-Key, for registrations, case events and escalation actions alike: a retry
// with the same key gets the first answer only if it is the same request; the same key on a different
// request is the client's mistake (422), never silently answered with the first result.
// Pure and deterministic, so workflows use it too.

/** A request's identity: its fields as canonical JSON (object keys sorted, undefined fields left out). */
export function requestFingerprint(request: unknown): string {
  return JSON.stringify(canonical(request));
}

/** Whether a retry is the request first answered under its key; a first answer kept without a fingerprint (older runs) matches any. */
export function isSameRequest(first: string | undefined, retry: string): boolean {
  return first === undefined || first === retry;
}

export const IDEMPOTENCY_KEY_REUSED_MESSAGE = 'this Idempotency-Key was already used for a different request; use a new key for a new request';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}

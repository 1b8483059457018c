// A page's first read, started as soon as the address is known (main.tsx), in parallel with the page's chunks rather
// than after them: on a slow phone link that is one round trip fewer before the page's main content paints.
import type { KeyValueStore } from './i18n.js';

interface EarlyAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** An early read is used only if the page asks for it this soon; later, the page reads afresh. */
const FRESH_MS = 15_000;
const started = new Map<string, { at: number; answer: Promise<EarlyAnswer | undefined> }>();

/**
 * GET `path` now with the tab's kept session, for the page to take (takeEarlyRead). Nothing is started when the
 * access token is about to expire (the API client refreshes it first); a failed read is dropped and the page reads as usual.
 */
export function startEarlyRead(store: KeyValueStore, sessionKey: string, path: string): void {
  let token: string | undefined;
  try {
    const session = JSON.parse(store.getItem(sessionKey) ?? 'null') as { accessToken?: string; expiresAt?: number } | null;
    if (session?.accessToken && typeof session.expiresAt === 'number' && session.expiresAt - Date.now() > 30_000) token = session.accessToken;
  } catch {
    return;
  }
  if (!token) return;
  const answer = fetch(path, { headers: { accept: 'application/json, application/problem+json', authorization: `Bearer ${token}` } })
    .then(async (res) => {
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
    })
    .catch(() => undefined);
  started.set(path, { at: Date.now(), answer });
}

/** The early read of `path`, once (a reload reads afresh); undefined when none was started or it is stale. */
export function takeEarlyRead(path: string): Promise<EarlyAnswer | undefined> | undefined {
  const early = started.get(path);
  started.delete(path);
  return early && Date.now() - early.at < FRESH_MS ? early.answer : undefined;
}

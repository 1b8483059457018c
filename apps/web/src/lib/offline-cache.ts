// What the service worker keeps of the API's answers so the app works with no connection (vite.config.ts builds
// the worker from these). Only reads a field worker needs away from a signal; never sign-in, tokens or the account.

/** The Cache Storage name of the API answers kept for offline reading; emptied at sign-in and sign-out. */
export const DATA_CACHE = 'raksha-data';

/**
 * The API reads kept (network first, the kept answer only when the network fails): the person's queue and case lists,
 * the cases they opened (record, timeline, eFile, care plan, escalations), the place lists the forms need, the inbox,
 * and reports. Matched against the whole URL (same origin only).
 */
export const CACHED_READS =
  /^https?:\/\/[^/]+\/(cases(\/queue|\/mine)?|cases\/[0-9a-f-]{36}(\/(timeline|efile|care-plan|escalations))?|places\/[^?]*|notifications|reports|reports\/[0-9a-f-]{36}|institutions|bodies)(\?.*)?$/;

/** Forgets the kept API answers, so the next person on this phone cannot read the last one's cases offline. */
export async function forgetOfflineReads(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(DATA_CACHE).catch(() => false);
}

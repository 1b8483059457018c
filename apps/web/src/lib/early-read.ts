// A page's first read, started by public/early-read.js as the page's HTML arrives, in parallel with the app's chunks
// rather than after them: on a slow phone link that is one round trip fewer before the page's main content paints.

export interface EarlyAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}
interface EarlyRead {
  at: number;
  answer: Promise<EarlyAnswer | undefined>;
}
declare global {
  interface Window {
    __rakshaEarlyReads?: Record<string, EarlyRead | undefined>;
  }
}

/** An early read is used only if the page asks for it this soon; later, the page reads afresh. */
const FRESH_MS = 15_000;

/** The early read of `path`, once (a reload reads afresh); undefined when none was started or it is stale. */
export function takeEarlyRead(path: string): Promise<EarlyAnswer | undefined> | undefined {
  const reads = typeof window === 'undefined' ? undefined : window.__rakshaEarlyReads;
  const early = reads?.[path];
  if (!early) return undefined;
  delete reads[path];
  return Date.now() - early.at < FRESH_MS ? early.answer : undefined;
}

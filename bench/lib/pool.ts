// Bounded concurrency with a wall-clock limit: every benchmark loop is finite in count and time.

export interface PoolResult {
  /** Items whose task ran to completion (successfully or not). */
  done: number;
  failed: number;
  /** The time limit passed before every item was taken. */
  timedOut: boolean;
  firstError?: unknown;
}

export async function runBounded<T>(
  items: readonly T[],
  concurrency: number,
  limitMs: number,
  task: (item: T, index: number) => Promise<void>,
  /** Take no new item after the first failure (set-up, where one failure means the rest would too). */
  stopOnError = false,
): Promise<PoolResult> {
  const stopAt = Date.now() + limitMs;
  let next = 0;
  let done = 0;
  let failed = 0;
  let timedOut = false;
  let firstError: unknown;
  async function lane(): Promise<void> {
    while (next < items.length && !(stopOnError && failed > 0)) {
      if (Date.now() > stopAt) {
        timedOut = true;
        return;
      }
      const index = next;
      next += 1;
      try {
        await task(items[index]!, index);
      } catch (err) {
        failed += 1;
        firstError ??= err;
      }
      done += 1;
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return { done, failed, timedOut, ...(firstError === undefined ? {} : { firstError }) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `everyMs` until it returns a value or `limitMs` passes (then undefined). */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, everyMs: number, limitMs: number): Promise<T | undefined> {
  const stopAt = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() + everyMs > stopAt) return undefined;
    await sleep(everyMs);
  }
}

/** Rejects if `work` has not settled within `ms` (a workflow task failing forever must not hang the run). */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tracks a count that must keep rising: `check(n)` throws once it has stayed the same for
 * `stallMs` (e.g. every workflow task failing, or the worker gone), so a poll loop ends early.
 */
export function progressWatch(what: string, stallMs: number) {
  let last = -1;
  let since = Date.now();
  return (n: number) => {
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since > stallMs) {
      throw new Error(`${what}: stuck at ${n} for ${Math.round(stallMs / 1000)} s`);
    }
  };
}

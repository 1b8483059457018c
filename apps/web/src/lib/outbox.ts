// Case events composed on the device wait here until the API has them: one Idempotency-Key each,
// fixed when composed, so a resend after a lost answer is recorded once. A refusal stays for the person to see.
import type { ProblemDetails } from '@raksha/contracts';
import type { KeyValueStore } from './i18n.js';

export type OutboxStatus = 'pending' | 'conflict' | 'rejected';

/** What the app reads of a refusal (the API's problem+json, or one the app makes when the answer is not one). */
export type Problem = Pick<ProblemDetails, 'status' | 'title' | 'detail' | 'allowedEvents' | 'errors' | 'params'> & { type?: string };

export interface OutboxItem {
  /** also the Idempotency-Key */
  id: string;
  userId: string;
  caseId: string;
  type: string;
  payload: Record<string, unknown>;
  /** the case version the person saw (If-Match), so a case changed meanwhile is a conflict, not an overwrite */
  expectedVersion?: number;
  composedAt: string;
  status: OutboxStatus;
  attempts: number;
  problem?: Problem;
}

export type SendOutcome<R> =
  | { kind: 'sent'; result: R }
  /** no connection, or the server could not take it now: keep it and try later */
  | { kind: 'retry' }
  /** 409: the case could not take it as composed */
  | { kind: 'conflict'; problem: Problem }
  /** any other refusal (400, 403, 404, 422) */
  | { kind: 'rejected'; problem: Problem };

export interface FlushReport<R> {
  sent: { item: OutboxItem; result: R }[];
  failed: OutboxItem[];
  remaining: number;
}

const STORE_KEY = 'raksha.outbox';

export class Outbox {
  private flushing: Promise<FlushReport<unknown>> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly newId: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  all(): OutboxItem[] {
    try {
      const raw = this.store.getItem(STORE_KEY);
      const items = raw ? (JSON.parse(raw) as unknown) : [];
      return Array.isArray(items) ? (items as OutboxItem[]) : [];
    } catch {
      return [];
    }
  }

  forUser(userId: string): OutboxItem[] {
    return this.all().filter((i) => i.userId === userId);
  }

  forCase(userId: string, caseId: string): OutboxItem[] {
    return this.forUser(userId).filter((i) => i.caseId === caseId);
  }

  /** Keeps a newly composed event; its id is the Idempotency-Key every attempt sends. */
  add(entry: Pick<OutboxItem, 'userId' | 'caseId' | 'type' | 'payload'> & { expectedVersion?: number }): OutboxItem {
    const item: OutboxItem = {
      id: this.newId(),
      userId: entry.userId,
      caseId: entry.caseId,
      type: entry.type,
      payload: entry.payload,
      ...(entry.expectedVersion !== undefined && { expectedVersion: entry.expectedVersion }),
      composedAt: this.now().toISOString(),
      status: 'pending',
      attempts: 0,
    };
    this.write([...this.all(), item]);
    return item;
  }

  /** The person has seen a refusal and lets it go. */
  discard(id: string): void {
    this.write(this.all().filter((i) => i.id !== id));
  }

  /** Sign-out: nothing composed on the device outlives the session. */
  async erase(): Promise<void> {
    this.store.removeItem(STORE_KEY);
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends the user's pending events oldest first, one at a time, each once per flush; stops at the
   * first that must wait for the connection. Concurrent calls share the flush under way.
   */
  flush<R>(userId: string, send: (item: OutboxItem) => Promise<SendOutcome<R>>): Promise<FlushReport<R>> {
    if (this.flushing) return this.flushing as Promise<FlushReport<R>>;
    const run = (async (): Promise<FlushReport<R>> => {
      const report: FlushReport<R> = { sent: [], failed: [], remaining: 0 };
      const queue = this.forUser(userId).filter((i) => i.status === 'pending');
      for (const item of queue) {
        this.update(item.id, { attempts: item.attempts + 1 });
        let outcome: SendOutcome<R>;
        try {
          outcome = await send(item);
        } catch {
          outcome = { kind: 'retry' };
        }
        if (outcome.kind === 'retry') break;
        if (outcome.kind === 'sent') {
          this.write(this.all().filter((i) => i.id !== item.id));
          report.sent.push({ item, result: outcome.result });
        } else {
          const status: OutboxStatus = outcome.kind === 'conflict' ? 'conflict' : 'rejected';
          this.update(item.id, { status, problem: outcome.problem });
          report.failed.push({ ...item, status, problem: outcome.problem });
        }
      }
      report.remaining = this.forUser(userId).filter((i) => i.status === 'pending').length;
      return report;
    })();
    this.flushing = run;
    return run.finally(() => {
      this.flushing = undefined;
    });
  }

  private update(id: string, patch: Partial<OutboxItem>): void {
    this.write(this.all().map((i) => (i.id === id ? { ...i, ...patch } : i)));
  }

  private write(items: OutboxItem[]): void {
    this.store.setItem(STORE_KEY, JSON.stringify(items));
    for (const l of this.listeners) l();
  }
}

/** How an HTTP answer to `POST /cases/:id/events` decides the outbox item's fate. */
export function outcomeOf<R>(status: number, body: unknown): SendOutcome<R> {
  if (status >= 200 && status < 300) return { kind: 'sent', result: body as R };
  // 401 is handled by the caller (refresh, then retry); what is left waits for the next flush
  if (status === 401 || status === 408 || status === 425 || status === 429 || status >= 500 || status === 0) return { kind: 'retry' };
  const p = (body ?? {}) as Partial<Problem>;
  const problem: Problem = {
    status,
    title: typeof p.title === 'string' ? p.title : `HTTP ${status}`,
    ...(typeof p.detail === 'string' && { detail: p.detail }),
    ...(Array.isArray(p.allowedEvents) && { allowedEvents: p.allowedEvents }),
    ...(Array.isArray(p.errors) && { errors: p.errors }),
  };
  return status === 409 ? { kind: 'conflict', problem } : { kind: 'rejected', problem };
}

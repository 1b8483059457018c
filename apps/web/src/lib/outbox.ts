// What a person records on the device waits here until the API has it: case events, registrations, reports and
// eFile entries, one Idempotency-Key each, fixed when composed, so a resend after a lost answer is recorded once.
// A refusal stays for the person to see. Kept sealed between page loads (lib/sealed-store.ts).
import type { ProblemDetails } from '@raksha/contracts';

export type OutboxStatus = 'pending' | 'conflict' | 'rejected';

/** What a field worker records offline: a case event, registering a rescued child, a missing or found report, an eFile entry. */
export type OutboxKind = 'event' | 'registration' | 'missing' | 'found' | 'efile';

/** What the app reads of a refusal (the API's problem+json, or one the app makes when the answer is not one). */
export type Problem = Pick<ProblemDetails, 'status' | 'title' | 'detail' | 'allowedEvents' | 'errors' | 'params'> & { type?: string };

export interface OutboxItem {
  /** also the Idempotency-Key */
  id: string;
  userId: string;
  /** absent: a case event (items kept before there were other kinds) */
  kind?: OutboxKind;
  /** the case an event or an eFile entry goes to */
  caseId?: string;
  /** the event's type (a case event) */
  type?: string;
  /** the event's payload, or the whole request body of the other kinds */
  payload: Record<string, unknown>;
  /** the case version the person saw (If-Match), so a case changed meanwhile is a conflict, not an overwrite */
  expectedVersion?: number;
  /** what names it for the person: the child's name */
  label?: string;
  /** the case's stage when the person composed it, shown beside the server's on a conflict */
  seenState?: string;
  composedAt: string;
  status: OutboxStatus;
  attempts: number;
  problem?: Problem;
}

/** An item the API has taken, shown as "sent" until the app closes (nothing of its content is kept). */
export interface SentItem {
  id: string;
  userId: string;
  kind: OutboxKind;
  caseId?: string;
  type?: string;
  label?: string;
  sentAt: string;
  /** where the person can read what the API made of it (the new case or report) */
  path?: string;
}

export type SendOutcome<R> =
  | { kind: 'sent'; result: R }
  /** no connection, or the server could not take it now: keep it and try later */
  | { kind: 'retry' }
  /** 409: the record could not take it as composed */
  | { kind: 'conflict'; problem: Problem }
  /** any other refusal (400, 403, 404, 422) */
  | { kind: 'rejected'; problem: Problem };

export interface FlushReport<R> {
  sent: { item: OutboxItem; result: R }[];
  failed: OutboxItem[];
  remaining: number;
}

/** Where the items wait between page loads (in the browser: sealed in IndexedDB, lib/sealed-store.ts). */
export interface OutboxStore {
  load(): Promise<OutboxItem[]>;
  save(items: OutboxItem[]): Promise<void>;
  erase(): Promise<void>;
}

type NewItem = Pick<OutboxItem, 'userId' | 'payload'> & Partial<Pick<OutboxItem, 'kind' | 'caseId' | 'type' | 'expectedVersion' | 'label' | 'seenState'>>;

export class Outbox {
  private flushing: Promise<FlushReport<unknown>> | undefined;
  private readonly listeners = new Set<() => void>();
  private items: OutboxItem[] = [];
  private sentItems: SentItem[] = [];
  private saving: Promise<void> = Promise.resolve();
  /** The items the store holds as of its last completed save: only these would survive the page closing now. */
  private kept = new Set<string>();
  /** Whether the last save failed (storage full, refused): what waits lives only as long as the page. */
  private keepFailed = false;
  /** settles once the items kept from before this page load are read */
  readonly ready: Promise<void>;

  constructor(
    private readonly store: OutboxStore,
    private readonly newId: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ready = store.load().then(
      (kept) => {
        const added = new Set(this.items.map((i) => i.id));
        for (const i of kept) this.kept.add(i.id);
        this.items = [...kept.filter((i) => !added.has(i.id)), ...this.items];
        this.notify();
      },
      () => undefined,
    );
  }

  all(): OutboxItem[] {
    return this.items;
  }

  forUser(userId: string): OutboxItem[] {
    return this.items.filter((i) => i.userId === userId);
  }

  forCase(userId: string, caseId: string): OutboxItem[] {
    return this.forUser(userId).filter((i) => i.caseId === caseId && (i.kind ?? 'event') === 'event');
  }

  /** What was sent since the app opened, newest first. */
  sent(userId: string): SentItem[] {
    return this.sentItems.filter((i) => i.userId === userId);
  }

  /** Keeps a newly composed item; its id is the Idempotency-Key every attempt sends. */
  add(entry: NewItem): OutboxItem {
    const item: OutboxItem = {
      id: this.newId(),
      userId: entry.userId,
      ...(entry.kind && entry.kind !== 'event' && { kind: entry.kind }),
      ...(entry.caseId !== undefined && { caseId: entry.caseId }),
      ...(entry.type !== undefined && { type: entry.type }),
      payload: entry.payload,
      ...(entry.expectedVersion !== undefined && { expectedVersion: entry.expectedVersion }),
      ...(entry.label !== undefined && { label: entry.label }),
      ...(entry.seenState !== undefined && { seenState: entry.seenState }),
      composedAt: this.now().toISOString(),
      status: 'pending',
      attempts: 0,
    };
    this.write([...this.items, item]);
    return item;
  }

  /** The person has seen a refusal and lets it go. */
  discard(id: string): void {
    this.write(this.items.filter((i) => i.id !== id));
  }

  /** Sign-out: nothing composed on the device outlives the session. */
  async erase(): Promise<void> {
    this.items = [];
    this.sentItems = [];
    await this.saving;
    await this.store.erase().catch(() => undefined);
    this.notify();
  }

  /**
   * Where an item is: kept on the device (it survives the page closing, the phone restarting), still being written
   * there, or not kept because the device refused the write (it is sent only while the page stays open).
   */
  keeping(id: string): 'kept' | 'saving' | 'notKept' {
    if (this.kept.has(id)) return 'kept';
    return this.keepFailed ? 'notKept' : 'saving';
  }

  /** Settles once every change so far is in the store. */
  saved(): Promise<void> {
    return this.saving;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends the user's pending items oldest first, one at a time, each once per flush; stops at the
   * first that must wait for the connection. Concurrent calls share the flush under way.
   */
  flush<R>(userId: string, send: (item: OutboxItem) => Promise<SendOutcome<R>>, pathOf?: (item: OutboxItem, result: R) => string | undefined): Promise<FlushReport<R>> {
    if (this.flushing) return this.flushing as Promise<FlushReport<R>>;
    const run = (async (): Promise<FlushReport<R>> => {
      await this.ready;
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
          const path = pathOf?.(item, outcome.result);
          this.sentItems = [
            { id: item.id, userId, kind: item.kind ?? 'event', ...(item.caseId && { caseId: item.caseId }), ...(item.type && { type: item.type }), ...(item.label && { label: item.label }), sentAt: this.now().toISOString(), ...(path && { path }) },
            ...this.sentItems,
          ].slice(0, 20);
          this.write(this.items.filter((i) => i.id !== item.id));
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
    this.write(this.items.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  }

  private write(items: OutboxItem[]): void {
    this.items = items;
    // one write after another, each of the list as it then is
    this.saving = this.saving.then(async () => {
      const list = this.items;
      try {
        await this.store.save(list);
        this.kept = new Set(list.map((i) => i.id));
        this.keepFailed = false;
      } catch {
        this.keepFailed = true;
      }
      this.notify();
    });
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

/** The request an item makes, the same on every attempt (its id is the Idempotency-Key). */
export function requestOf(item: OutboxItem): { path: string; body: unknown; headers: Record<string, string> } {
  const key = { 'Idempotency-Key': item.id };
  switch (item.kind ?? 'event') {
    case 'registration':
      return { path: '/cases', body: item.payload, headers: key };
    case 'missing':
      return { path: '/reports/missing', body: item.payload, headers: key };
    case 'found':
      return { path: '/reports/found', body: item.payload, headers: key };
    case 'efile':
      return { path: `/cases/${item.caseId}/efile`, body: item.payload, headers: key };
    default:
      return {
        path: `/cases/${item.caseId}/events`,
        body: { type: item.type, payload: item.payload },
        headers: { ...key, ...(item.expectedVersion !== undefined && { 'If-Match': `"${item.expectedVersion}"` }) },
      };
  }
}

/** How an HTTP answer to an item's request decides the outbox item's fate. */
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

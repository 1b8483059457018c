// A steady load of what officers send through the API: case registrations, case events, missing and found reports.
// Each request is sent as a careful client sends it: with an Idempotency-Key, and again with the same key after a 503
// (waiting as long as its Retry-After says) or a lost connection, until it is answered 2xx or refused for good.
import { randomUUID } from 'node:crypto';

export type RequestKind = 'register' | 'event' | 'missing' | 'found';

/** One try of a request: what came back, and when. */
export interface Attempt {
  startedAt: number;
  endedAt: number;
  /** HTTP status; 0 when no answer came (connection refused or reset, or no answer within the client's bound) */
  status: number;
  retryAfter?: string;
  /** why no answer came (status 0) */
  error?: string;
}

/** One request as its sender sees it: the tries under one Idempotency-Key, and what the last one answered. */
export interface SentRequest {
  kind: RequestKind;
  key: string;
  attempts: Attempt[];
  /** the 2xx answer's body, once one came */
  accepted?: Record<string, unknown>;
  /** a final answer that was not 2xx (a 4xx: the request itself was refused) */
  refused?: { status: number; body: string };
  /** the case (registration, event) or report (missing, found) it is about */
  subject?: string;
}

export interface LoadOptions {
  apiUrl: string;
  /** bearer headers: a CWC member (registers cases, sends events) and a station officer (files reports), of Jaipur */
  cwc: string;
  police: string;
  /** requests in flight at once */
  clients: number;
  /** pause between one client's requests, ms */
  pauseMs?: number;
  /** a registration left without its production event, one in this many: its production deadline falls due */
  leaveUnproducedEvery?: number;
}

/** A client gives up on one try after this long: longer than the API's own bound on a request, so a hang shows. */
export const ATTEMPT_BOUND_MS = 30_000;
/** A client waits at most this long between tries, whatever Retry-After says. */
const MAX_WAIT_MS = 5_000;

export class Load {
  readonly sent: SentRequest[] = [];
  /** registered cases waiting for their production event */
  private readonly toProduce: string[] = [];
  /** registered cases left to run past their production deadline */
  readonly unproduced: string[] = [];
  private running = false;
  /** after this moment (ms since the epoch) no request is tried again */
  private giveUpAt = Infinity;
  private loops: Promise<void>[] = [];
  private counter = 0;

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.clients }, (_, i) => this.loop(i));
  }

  /** Stops sending new requests and waits for those in flight to be answered for good, at most `withinMs`. */
  async stop(withinMs = 120_000): Promise<void> {
    this.running = false;
    this.giveUpAt = Date.now() + withinMs;
    await Promise.all(this.loops);
  }

  private async loop(client: number): Promise<void> {
    while (this.running) {
      await this.next(client);
      await new Promise((r) => setTimeout(r, this.options.pauseMs ?? 100));
    }
  }

  private async next(client: number): Promise<void> {
    const n = this.counter++;
    const caseToProduce = this.toProduce.shift();
    if (caseToProduce && n % 2 === 0) return this.produce(caseToProduce);
    const kind = (['register', 'register', 'missing', 'found'] as const)[(n + client) % 4]!;
    if (kind === 'register') return this.register(n);
    return this.report(kind, n);
  }

  private async register(n: number): Promise<void> {
    const r = await this.send('register', '/cases', this.options.cwc, { track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: `Chaos Child ${n}`, ageYears: 9 } });
    const caseId = r.accepted?.caseId as string | undefined;
    if (!caseId) return;
    r.subject = caseId;
    if (n % (this.options.leaveUnproducedEvery ?? 3) === 0) this.unproduced.push(caseId);
    else this.toProduce.push(caseId);
  }

  private async produce(caseId: string): Promise<void> {
    const r = await this.send('event', `/cases/${caseId}/events`, this.options.cwc, { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Jaipur' } });
    r.subject = caseId;
  }

  private async report(kind: 'missing' | 'found', n: number): Promise<void> {
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const child = { name: `Chaos Report ${n}`, gender: 'FEMALE', ageYears: { min: 10, max: 12 } };
    const place = { districtCode: 'RJ-JAIPUR', text: 'Chandpole market' };
    const body = kind === 'missing' ? { child, lastSeenAt: at, place, policeRef: `CHAOS ${n}/2026` } : { child, foundAt: at, place };
    const r = await this.send(kind, `/reports/${kind}`, this.options.police, body);
    r.subject = r.accepted?.id as string | undefined;
  }

  /** Sends one request until it is answered 2xx or refused (4xx); retries after a 503 or no answer, same key. */
  private async send(kind: RequestKind, path: string, authorization: string, body: unknown): Promise<SentRequest> {
    const request: SentRequest = { kind, key: randomUUID(), attempts: [] };
    this.sent.push(request);
    for (;;) {
      const attempt: Attempt = { startedAt: Date.now(), endedAt: 0, status: 0 };
      request.attempts.push(attempt);
      let text = '';
      try {
        const res = await fetch(`${this.options.apiUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization, 'idempotency-key': request.key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(ATTEMPT_BOUND_MS),
        });
        attempt.status = res.status;
        attempt.retryAfter = res.headers.get('retry-after') ?? undefined;
        text = await res.text();
      } catch (error) {
        attempt.error = (error as Error).cause ? String(((error as Error).cause as Error).message ?? (error as Error).cause) : (error as Error).message;
      }
      attempt.endedAt = Date.now();
      if (attempt.status >= 200 && attempt.status < 300) {
        request.accepted = JSON.parse(text) as Record<string, unknown>;
        return request;
      }
      if (attempt.status >= 400 && attempt.status < 500 && attempt.status !== 429) {
        request.refused = { status: attempt.status, body: text.slice(0, 500) };
        return request;
      }
      // 503 (or 5xx, or no answer): a real client retries with the same key once the server says it may
      if (Date.now() > this.giveUpAt) return request;
      const seconds = Number(attempt.retryAfter);
      await new Promise((r) => setTimeout(r, Math.min(MAX_WAIT_MS, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000)));
    }
  }
}

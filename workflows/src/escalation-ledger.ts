// The escalations one workflow has raised and the answers it gave to acting on them: plain state, no Temporal
// calls, shared by the case and the obligation watch and carried whole into the next run.
import type { CaseEscalation, Escalation } from '@raksha/contracts';
import { escalationActionFingerprint, type EscalationActionRejection, type EscalationActionRequest } from '@raksha/contracts/temporal';
import { IDEMPOTENCY_KEY_REUSED_MESSAGE, isSameRequest } from '@raksha/domain';
import { escalationActionRejection } from './escalation-ladder.js';

/** An escalation under its rung key (`rungKey`): one per miss and rung. */
export type RaisedEscalation = CaseEscalation & { key: string };

/** What the ledger carries into the next run. */
export interface EscalationCarryOver {
  escalations: RaisedEscalation[];
  /** Recent acknowledge/resolve idempotency keys and their answers; absent in runs carried over before it was kept. */
  escalationAnswers?: [string, CaseEscalation, string?][];
}

/** Idempotency keys remembered across runs, newest kept. */
export const ANSWERS_KEPT = 1000;

export class EscalationLedger {
  readonly #byRung: Map<string, RaisedEscalation>;
  readonly #answers: Map<string, { answer: CaseEscalation; fingerprint?: string }>;

  constructor(carried?: EscalationCarryOver) {
    this.#byRung = new Map((carried?.escalations ?? []).map((e) => [e.key, e]));
    this.#answers = new Map((carried?.escalationAnswers ?? []).map(([key, answer, fingerprint]) => [key, { answer, ...(fingerprint !== undefined && { fingerprint }) }]));
  }

  /** The rung keys already raised, for `nextDueRung`. */
  raisedKeys(): Set<string> {
    return new Set(this.#byRung.keys());
  }

  list(): CaseEscalation[] {
    return [...this.#byRung.values()].map(withoutKey);
  }

  /** A rung is raised: its escalation is open under the rung's key. */
  raised(key: string, { id, deadlineId, dueAt, rung, toBody }: Escalation): void {
    this.#byRung.set(key, { key, id, deadlineId, dueAt, rung, toBody, status: 'OPEN' });
  }

  allResolved(): boolean {
    return [...this.#byRung.values()].every((e) => e.status === 'RESOLVED');
  }

  /** Whether a miss of the deadline due at `dueAt` is on record (so meeting it late must be recorded). */
  missedAt(dueAt: string): boolean {
    return [...this.#byRung.values()].some((e) => e.dueAt === dueAt);
  }

  find(escalationId: string): CaseEscalation | undefined {
    const entry = this.#byId(escalationId);
    return entry && withoutKey(entry);
  }

  /** The first answer to a request with this idempotency key, if it was answered: the answer for the same request, a rejection for another. */
  answerTo(req: EscalationActionRequest): { answer: CaseEscalation } | { rejection: EscalationActionRejection } | undefined {
    const first = this.#answers.get(req.idempotencyKey);
    if (!first) return undefined;
    if (isSameRequest(first.fingerprint, escalationActionFingerprint(req))) return { answer: first.answer };
    return { rejection: { reason: 'IDEMPOTENCY_KEY_REUSED', message: IDEMPOTENCY_KEY_REUSED_MESSAGE } };
  }

  /** Why `req` cannot be done now, or undefined if it can; `owner` names the case or institution for the message. */
  rejection(req: EscalationActionRequest, owner: string): EscalationActionRejection | undefined {
    return escalationActionRejection(this.#byId(req.escalationId), req, owner);
  }

  /** Records a done (acknowledged or resolved) action and returns its answer; the caller checked `rejection` first. */
  acted(req: EscalationActionRequest): CaseEscalation {
    const entry = this.#byId(req.escalationId);
    if (!entry) throw new Error(`no escalation ${req.escalationId}`);
    entry.status = req.action === 'ACKNOWLEDGE' ? 'ACKNOWLEDGED' : 'RESOLVED';
    const answer = withoutKey(entry);
    this.#answers.set(req.idempotencyKey, { answer, fingerprint: escalationActionFingerprint(req) });
    return answer;
  }

  #byId(escalationId: string): RaisedEscalation | undefined {
    return [...this.#byRung.values()].find((e) => e.id === escalationId);
  }

  carryOver(): Required<EscalationCarryOver> {
    return { escalations: [...this.#byRung.values()], escalationAnswers: [...this.#answers.entries()].slice(-ANSWERS_KEPT).map(([key, a]) => (a.fingerprint === undefined ? [key, a.answer] : [key, a.answer, a.fingerprint])) };
  }
}

const withoutKey = ({ key: _key, ...e }: RaisedEscalation): CaseEscalation => e;

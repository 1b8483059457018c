import { describe, expect, it } from '@jest/globals';
import type { KeyValueStore } from './i18n.js';
import { Outbox, outcomeOf, type OutboxItem, type SendOutcome } from './outbox.js';

const memoryStore = (): KeyValueStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};
let n = 0;
const sut = (store = memoryStore()) => new Outbox(store, () => `key-${++n}-0000`, () => new Date('2026-03-01T10:00:00Z'));
const produced = { userId: 'u1', caseId: 'c1', type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' }, expectedVersion: 2 };

describe(Outbox.name, () => {
  it('keeps an event composed offline on the device, pending, with its Idempotency-Key fixed', () => {
    const store = memoryStore();
    const item = sut(store).add(produced);
    const reloaded = sut(store).forCase('u1', 'c1');
    expect(reloaded).toEqual([{ ...produced, id: item.id, composedAt: '2026-03-01T10:00:00.000Z', status: 'pending', attempts: 0 }]);
  });

  it('sends each pending event once, with the same key on every attempt, and forgets it when the API has it', async () => {
    const outbox = sut();
    const item = outbox.add(produced);
    const keys: string[] = [];
    const offline = await outbox.flush('u1', async (i) => (keys.push(i.id), { kind: 'retry' }));
    expect(offline.remaining).toBe(1);
    const online = await outbox.flush('u1', async (i): Promise<SendOutcome<string>> => (keys.push(i.id), { kind: 'sent', result: 'ok' }));
    expect(online.sent.map((s) => s.result)).toEqual(['ok']);
    expect(keys).toEqual([item.id, item.id]);
    expect(outbox.all()).toEqual([]);
  });

  it('sends once when the connection comes back twice at the same moment', async () => {
    const outbox = sut();
    outbox.add(produced);
    let calls = 0;
    const send = async (): Promise<SendOutcome<number>> => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 10));
      return { kind: 'sent', result: calls };
    };
    await Promise.all([outbox.flush('u1', send), outbox.flush('u1', send)]);
    await outbox.flush('u1', send);
    expect(calls).toBe(1);
  });

  it('keeps a conflict for the person to see instead of overwriting or resending it', async () => {
    const outbox = sut();
    const item = outbox.add(produced);
    const problem = { status: 409, title: 'The case cannot take this event now', allowedEvents: ['INTERIM_PLACEMENT_ORDERED'] };
    const report = await outbox.flush('u1', async () => ({ kind: 'conflict', problem }));
    expect(report.failed.map((f) => f.status)).toEqual(['conflict']);
    expect(outbox.forUser('u1')).toMatchObject([{ id: item.id, status: 'conflict', problem }]);
    let resent = false;
    await outbox.flush('u1', async () => ((resent = true), { kind: 'sent', result: null }));
    expect(resent).toBe(false);
    outbox.discard(item.id);
    expect(outbox.all()).toEqual([]);
  });

  it('sends in the order composed and stops at the first that must wait', async () => {
    const outbox = sut();
    const a = outbox.add(produced);
    const b = outbox.add({ ...produced, type: 'INTERIM_PLACEMENT_ORDERED', payload: { placement: 'CHILDRENS_HOME', orderRef: 'F18/1' } });
    const c = outbox.add({ ...produced, type: 'SIR_ORDERED', payload: { sirRef: 'SIR/1' } });
    const seen: OutboxItem[] = [];
    await outbox.flush('u1', async (i) => (seen.push(i), i.id === b.id ? { kind: 'retry' } : { kind: 'sent', result: null }));
    expect(seen.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(outbox.forUser('u1').map((i) => i.id)).toEqual([b.id, c.id]);
  });

  it("sends only the signed-in user's events", async () => {
    const outbox = sut();
    outbox.add({ ...produced, userId: 'u2' });
    const report = await outbox.flush('u1', async () => ({ kind: 'sent', result: null }));
    expect(report.sent).toEqual([]);
    expect(outbox.forUser('u2')).toHaveLength(1);
  });

  it('treats a failed request as no connection', async () => {
    const outbox = sut();
    outbox.add(produced);
    const report = await outbox.flush('u1', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(report.remaining).toBe(1);
  });
});

describe('outcomeOf', () => {
  it('retries what the server could not take now, and keeps refusals with their reasons', () => {
    expect(outcomeOf(200, { state: 'x' })).toEqual({ kind: 'sent', result: { state: 'x' } });
    for (const status of [0, 401, 429, 500, 503]) expect(outcomeOf(status, {}).kind).toBe('retry');
    expect(outcomeOf(409, { title: 'stale', detail: 'changed', allowedEvents: ['A'] })).toEqual({
      kind: 'conflict',
      problem: { status: 409, title: 'stale', detail: 'changed', allowedEvents: ['A'] },
    });
    expect(outcomeOf(400, { title: 'bad', errors: [{ field: 'payload.producedBy', message: 'required' }] })).toEqual({
      kind: 'rejected',
      problem: { status: 400, title: 'bad', errors: [{ field: 'payload.producedBy', message: 'required' }] },
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { Outbox, outcomeOf, requestOf, type OutboxItem, type OutboxStore, type SendOutcome } from './outbox.js';
import { seal, unseal } from './sealed-store.js';

/** The store as a page load after this one would find it (a copy, as IndexedDB gives). */
const memoryStore = (): OutboxStore & { kept: OutboxItem[] } => {
  const store = {
    kept: [] as OutboxItem[],
    load: async () => structuredClone(store.kept),
    save: async (items: OutboxItem[]) => void (store.kept = structuredClone(items)),
    erase: async () => void (store.kept = []),
  };
  return store;
};
let n = 0;
const sut = (store = memoryStore()) => new Outbox(store, () => `key-${++n}-0000`, () => new Date('2026-03-01T10:00:00Z'));
const produced = { userId: 'u1', caseId: 'c1', type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' }, expectedVersion: 2 };

describe(Outbox.name, () => {
  it('keeps an event composed offline on the device, pending, with its Idempotency-Key fixed', async () => {
    const store = memoryStore();
    const outbox = sut(store);
    const item = outbox.add(produced);
    await outbox.saved();
    const reloaded = sut(store);
    await reloaded.ready;
    expect(reloaded.forCase('u1', 'c1')).toEqual([{ ...produced, id: item.id, composedAt: '2026-03-01T10:00:00.000Z', status: 'pending', attempts: 0 }]);
  });

  it('says an item is waiting for a connection only once the device holds it, and says so when the device refuses it', async () => {
    let release!: () => void;
    const store = memoryStore();
    const slow = { ...store, save: (items: OutboxItem[]) => new Promise<void>((resolve) => (release = resolve)).then(() => store.save(items)) };
    const outbox = sut(slow);
    const item = outbox.add(produced);
    await new Promise((started) => setTimeout(started, 0)); // the write to the device has begun, and not ended
    expect(outbox.keeping(item.id)).toBe('saving'); // a page closed now would lose it
    release();
    await outbox.saved();
    expect(outbox.keeping(item.id)).toBe('kept');
    // what a reload finds is kept
    const reloaded = sut(store);
    await reloaded.ready;
    expect(reloaded.keeping(item.id)).toBe('kept');

    const full = sut({ ...memoryStore(), save: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) });
    const refused = full.add(produced);
    await full.saved();
    expect(full.keeping(refused.id)).toBe('notKept');
  });

  it('sends a report, a registration and an eFile entry to their own endpoints, each with its key, and shows them as sent', async () => {
    const outbox = sut();
    const report = outbox.add({ userId: 'u1', kind: 'found', label: 'Sunita', payload: { child: { name: 'Sunita' }, photo: { contentType: 'image/jpeg', base64: 'AAA' } } });
    const entry = outbox.add({ userId: 'u1', kind: 'efile', caseId: 'c1', payload: { section: 'MEDICAL' } });
    expect(requestOf(report)).toEqual({ path: '/reports/found', body: report.payload, headers: { 'Idempotency-Key': report.id } });
    expect(requestOf(entry).path).toBe('/cases/c1/efile');
    expect(requestOf(outbox.add(produced))).toMatchObject({ path: '/cases/c1/events', headers: { 'If-Match': '"2"' } });
    await outbox.flush('u1', async (): Promise<SendOutcome<{ id: string }>> => ({ kind: 'sent', result: { id: 'r1' } }), (i, r) => (i.kind === 'found' ? `/reports/${r.id}` : undefined));
    expect(outbox.all()).toEqual([]);
    expect(outbox.sent('u1').map((i) => [i.kind, i.label, i.path])).toEqual([
      ['event', undefined, undefined],
      ['efile', undefined, undefined],
      ['found', 'Sunita', '/reports/r1'],
    ]);
  });

  it('erases everything at sign-out, on the device too', async () => {
    const store = memoryStore();
    const outbox = sut(store);
    outbox.add(produced);
    await outbox.erase();
    expect(outbox.all()).toEqual([]);
    expect(store.kept).toEqual([]);
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

describe('sealing the outbox', () => {
  it("keeps no child's name in clear, and a key of another sign-in cannot open it", async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const items = [{ id: 'k1', userId: 'u1', kind: 'found', label: 'Sunita Meena', payload: { child: { name: 'Sunita Meena' } }, composedAt: '2026-03-01T10:00:00.000Z', status: 'pending', attempts: 0 }] as OutboxItem[];
    const sealed = await seal(key, items);
    expect(Buffer.from(sealed.data).toString('latin1')).not.toContain('Sunita');
    await expect(unseal(key, sealed)).resolves.toEqual(items);
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await expect(unseal(other, sealed)).resolves.toBeNull();
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

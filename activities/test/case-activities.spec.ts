import { describe, expect, it, jest } from '@jest/globals';
import type { OrderDocumentQueue } from '@raksha/contracts';
import type { CaseRepository, TransitionRecord } from '@raksha/db';
import { createActivities, type TransitionInput } from '../src/index.js';

describe(createActivities.name, () => {
  const setup = () => {
    const recordTransition = jest.fn(async (_t: TransitionRecord) => true);
    const orderDocuments = { add: jest.fn<OrderDocumentQueue['add']>(async () => undefined) };
    const sut = createActivities({ cases: { recordTransition } as unknown as CaseRepository, notifications: { add: jest.fn() } as never, orderDocuments, destructions: { schedule: jest.fn() } as never });
    return { sut, recordTransition, orderDocuments };
  };
  const input: TransitionInput = {
    caseId: '00000000-0000-4000-8000-000000000001',
    sequence: 2,
    eventType: 'PRODUCED_BEFORE_CWC',
    fromState: 'cncp.awaitingProduction',
    toState: 'cncp.inquiry',
    phase: 'INQUIRY',
    actorId: 'u1',
    actorRole: 'CWC_MEMBER',
    payload: {},
    occurredAt: '2026-11-02T10:00:00.000Z',
    openDeadlines: [],
  };

  it('writes the milestones the workflow marks the step with, their times as times', async () => {
    const { sut, recordTransition } = setup();
    await sut.recordTransition({ ...input, milestones: { producedAt: '2026-11-02T10:00:00.000Z', productionLate: true } });
    expect(recordTransition.mock.calls[0]![0].milestones).toEqual({ producedAt: new Date('2026-11-02T10:00:00.000Z'), productionLate: true });
  });

  it("queues the making of an order's documents once its step is on record, keyed by the step", async () => {
    const { sut, orderDocuments } = setup();
    await sut.recordTransition(input);
    expect(orderDocuments.add).toHaveBeenCalledWith('order', { caseId: input.caseId, sequence: 2 }, expect.objectContaining({ jobId: `order.${input.caseId}.2` }));
  });

  it('queues no document for a step that is not an order, nor for an order imported from a paper register', async () => {
    const { sut, orderDocuments } = setup();
    await sut.recordTransition({ ...input, eventType: 'ICP_PREPARED' });
    await sut.recordTransition({ ...input, importedFrom: 'Rajasthan CCI' });
    expect(orderDocuments.add).not.toHaveBeenCalled();
  });

  it('writes no milestone for a step the workflow marks with none', async () => {
    const { sut, recordTransition } = setup();
    await sut.recordTransition(input);
    expect(recordTransition.mock.calls[0]![0].milestones).toBeUndefined();
  });

  it('refuses, without retrying, a milestone time that is not a time', async () => {
    const { sut, recordTransition } = setup();
    await expect(sut.recordTransition({ ...input, milestones: { closedAt: 'yesterday' } })).rejects.toMatchObject({
      nonRetryable: true,
      message: 'milestones.closedAt is not a time: yesterday',
    });
    expect(recordTransition).not.toHaveBeenCalled();
  });
});

import { describe, expect, it, jest } from '@jest/globals';
import type { CaseRepository, TransitionRecord } from '@raksha/db';
import { createActivities, type TransitionInput } from '../src/index.js';

describe(createActivities.name, () => {
  const setup = () => {
    const recordTransition = jest.fn(async (_t: TransitionRecord) => true);
    const sut = createActivities({ cases: { recordTransition } as unknown as CaseRepository, notifications: { add: jest.fn() } as never, destructions: { schedule: jest.fn() } as never });
    return { sut, recordTransition };
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

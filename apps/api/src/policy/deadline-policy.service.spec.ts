import { beforeEach, describe, expect, it } from '@jest/globals';
import { DEADLINE_IDS } from '@raksha/case-machine';
import type { DeadlinePolicyRepository, GeographyRepository } from '@raksha/db';
import { people, problemOf } from '@raksha/api/test/fakes';
import { DeadlinePolicyService } from './deadline-policy.service.js';

const deadlineId = DEADLINE_IDS[0]!;

describe(DeadlinePolicyService.name, () => {
  let sut: DeadlinePolicyService;
  let rows: { stateCode: string; deadlineId: string; within: string; reason: string; setBy: string; setAt: Date }[];

  beforeEach(() => {
    rows = [];
    const policies = {
      forState: async (stateCode: string) => rows.filter((r) => r.stateCode === stateCode),
      set: async (c: { stateCode: string; deadlineId: string; within: string; reason: string; setBy: string; at: Date }) => {
        rows = [...rows.filter((r) => !(r.stateCode === c.stateCode && r.deadlineId === c.deadlineId)), { ...c, setAt: c.at }];
      },
    } as unknown as DeadlinePolicyRepository;
    const geography = { findState: async (code: string) => (['RJ', 'MH'].includes(code) ? { code } : null) } as unknown as GeographyRepository;
    sut = new DeadlinePolicyService(policies, geography);
  });

  it('lets a state’s SCPS adopt its own period, which new cases in that state start with', async () => {
    const entry = await sut.set(people.scpsRajasthan, 'RJ', deadlineId, { within: 'PT12H', reason: 'State rule 2026' });
    expect(entry).toMatchObject({ id: deadlineId, within: 'PT12H', override: { reason: 'State rule 2026', setBy: 'scps-rj' } });
    await expect(sut.overridesFor('RJ')).resolves.toEqual({ [deadlineId]: { within: 'PT12H' } });
    await expect(sut.overridesFor('MH')).resolves.toEqual({});
  });

  it('answers another state’s SCPS with 404, as if the state were unknown', async () => {
    expect(await problemOf(sut.set(people.scpsMaharashtra, 'RJ', deadlineId, { within: 'PT12H', reason: 'x' }))).toEqual({
      type: 'state-not-found',
      status: 404,
      title: 'No such state in your jurisdiction',
      detail: 'state RJ is not known to you',
    });
    expect(rows).toEqual([]);
  });

  it('lets no district body of the state set its periods', async () => {
    expect(await problemOf(sut.set(people.dcpuJaipur, 'RJ', deadlineId, { within: 'PT12H', reason: 'x' }))).toMatchObject({ status: 404 });
  });

  it('names the field of an unknown deadline or a period that is not an ISO-8601 duration', async () => {
    expect(await problemOf(sut.set(people.scpsRajasthan, 'RJ', 'nap-time', { within: 'PT12H', reason: 'x' }))).toMatchObject({ status: 400, errors: [{ field: 'deadlineId', message: 'no deadline nap-time' }] });
    expect(await problemOf(sut.set(people.scpsRajasthan, 'RJ', deadlineId, { within: 'twelve hours', reason: 'x' }))).toMatchObject({ status: 400, errors: [{ field: 'within', message: 'not an ISO-8601 duration' }] });
  });

  it('shows the statutory default beside the period in force', async () => {
    const entries = await sut.get(people.scpsRajasthan, 'RJ');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.within === e.defaultWithin && e.override === null)).toBe(true);
  });

  it('lets a state’s SCPS set its own escalation reminder intervals as policy entries, in whole hours, with a reason, and keeps them out of case workflows', async () => {
    const entry = await sut.set(people.scpsRajasthan, 'RJ', 'reminder.production', { within: 'PT6H', reason: 'State order 2026: district officers cover long distances' });
    expect(entry).toMatchObject({ id: 'reminder.production', basis: 'policy', within: 'PT6H', defaultWithin: 'PT2H', ladder: [], override: { setBy: 'scps-rj' } });
    expect((await sut.get(people.scpsRajasthan, 'RJ')).find((e) => e.id === 'reminder.other')).toMatchObject({ within: 'PT24H', defaultWithin: 'PT24H', override: null });
    await expect(sut.overridesFor('RJ')).resolves.toEqual({});
    expect(await problemOf(sut.set(people.scpsRajasthan, 'RJ', 'reminder.other', { within: 'P1D', reason: 'a day, written as days' }))).toMatchObject({ status: 400, errors: [{ field: 'within', message: 'whole hours from PT1H to PT72H' }] });
    expect(await problemOf(sut.set(people.scpsRajasthan, 'RJ', 'reminder.other', { within: 'PT96H', reason: 'four days is too long' }))).toMatchObject({ status: 400, errors: [{ field: 'within' }] });
    expect(await problemOf(sut.set(people.scpsRajasthan, 'RJ', 'reminder.other', { ladder: [{ to: 'SCPS', after: 'P1D' }], reason: 'a ladder for a reminder' }))).toMatchObject({ status: 400, errors: [{ field: 'ladder' }] });
    expect(await problemOf(sut.set(people.dcpuJaipur, 'RJ', 'reminder.other', { within: 'PT12H', reason: 'not the state' }))).toMatchObject({ status: 404 });
  });
});

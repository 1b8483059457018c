// The monthly trends rolled up each night (apps/worker/src/trend-rollup.ts): a state's and the nation's closed months
// read from their districts' rows give what counting every case live gives; the current month, a police station's
// area and a district added since the last run are counted live; a past month changed late shows after the next run.
// On a database of its own: rolled-up rows would stand in for other files' past months.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { redisConnectionOptions } from '@raksha/config';
import { monthInIndia } from '@raksha/domain';
import { as } from '@raksha/test-support/auth';
import { ist, projectedCase } from '@raksha/test-support/projected-case';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { rollUpTrends, startTrendRollup, TREND_ROLLUP_QUEUE, trendRollupDeps } from '../src/trend-rollup.js';

type Month = Record<string, number | string>;

describe('the monthly trends, rolled up each night', () => {
  let scratch: ScratchDb;
  let stack: Stack;
  const rollUp = (now = new Date()) => rollUpTrends(trendRollupDeps(stack.db), now);
  const trends = async (who: string, query: Record<string, string | number>): Promise<Month[]> =>
    (await stack.http.get('/dashboards/trends').set(await as(stack, who)).query(query).expect(200)).body.months;
  const figure = (months: Month[], month: string, measure: string) => months.find((m) => m.month === month)![measure];
  const CLOSED = { to: '2026-11', months: 8 };
  const places: [string, Record<string, string>][] = [
    ['monitor.india', {}],
    ['monitor.rj', { stateCode: 'RJ' }],
    ['monitor.rj', { districtCode: 'RJ-JAIPUR' }],
  ];

  beforeAll(async () => {
    scratch = await createScratchDb();
    stack = await startStack(await caseWorkflowBundle(), { TEST_DATABASE_URL: scratch.url });
    // Two districts of Rajasthan and one of Maharashtra, April to October 2026: production within and after 24 hours,
    // an inquiry pending beyond 4 months (and a child missing from it), a merged duplicate, an escalation, reports.
    const jaipur = (c: Omit<Parameters<typeof projectedCase>[1], 'districtCode'>) => projectedCase(stack.db, { districtCode: 'RJ-JAIPUR', ...c });
    const inquiry = await jaipur({ thana: 'RJ-JAIPUR-PS-01', registered: '2026-04-10T10:00:00', produced: '2026-04-10T20:00:00', phase: 'INQUIRY' });
    await jaipur({ registered: '2026-04-30T23:00:00', produced: '2026-05-02T09:00:00', phase: 'PLACEMENT', steps: [['cncp.inCare.icpPending', '2026-10-05T12:00:00']] });
    await jaipur({ registered: '2026-03-20T10:00:00', produced: '2026-03-21T08:00:00', phase: 'INQUIRY', steps: [['cncp.beforeCwc.missing.unreported', '2026-08-20T10:00:00'], ['cncp.beforeCwc.inquiry.awaitingSir', '2026-09-10T10:00:00']] });
    await jaipur({ registered: '2026-06-16T09:00:00', phase: 'PRODUCTION', merged: true });
    await projectedCase(stack.db, { districtCode: 'RJ-JODHPUR', registered: '2026-05-05T10:00:00', produced: '2026-05-05T15:00:00', phase: 'INQUIRY' });
    await projectedCase(stack.db, { districtCode: 'MH-PUNE', registered: '2026-07-01T00:30:00', produced: '2026-07-03T00:30:00', phase: 'INQUIRY' });
    await stack.db.escalation.create({
      data: { id: randomUUID(), caseId: inquiry, deadlineId: 'cncp.sir', obligation: 'x', citation: 's.36(2)', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR', stateCode: 'RJ', dueAt: ist('2026-08-10T20:00:00'), raisedAt: ist('2026-08-11T10:00:00') },
    });
    const { id: filedBy } = await stack.db.user.findUniqueOrThrow({ where: { username: 'sjpu.jaipur' } });
    for (const [kind, at] of [['MISSING', '2026-06-03T10:00:00'], ['FOUND', '2026-06-04T10:00:00'], ['FOUND', '2026-09-30T23:30:00']] as const) {
      await stack.db.childReport.create({
        data: { id: randomUUID(), kind, status: 'OPEN', filedBy, filedByRole: 'SJPU_OFFICER', description: {}, gender: 'FEMALE', occurredAt: ist(at), createdAt: ist(at), stateCode: 'RJ', districtCode: 'RJ-JAIPUR', searchName: '', nameKeys: [], nameSkeletons: [] },
      });
    }
  });
  afterAll(async () => {
    await stack?.stop();
    await scratch?.drop();
  });

  it('gives the nation, a state and a district the same closed months as counting live, and the current month live', async () => {
    const live = await Promise.all(places.map(([who, place]) => trends(who, { ...place, ...CLOSED })));
    // what the figures are, so the comparison below compares something
    const [nation, state] = live;
    expect(nation!.map((m) => m.registered)).toEqual([2, 1, 0, 1, 0, 0, 0, 0]); // the merged duplicate is not counted
    expect(nation!.map((m) => m.produced)).toEqual([1, 2, 0, 1, 0, 0, 0, 0]);
    expect(nation!.map((m) => m.producedWithin24Hours)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    // at each month's end, open more than 4 months after production (not while the child was missing in August)
    expect(state!.map((m) => m.pendingBeyond4Months)).toEqual([0, 0, 0, 1, 1, 4, 3, 3]);
    expect(nation!.map((m) => m.pendingBeyond4Months)).toEqual([0, 0, 0, 1, 1, 4, 3, 4]);
    expect(state!.map((m) => [m.escalations, m.missingReports, m.foundReports])).toEqual([[0, 0, 0], [0, 0, 0], [0, 1, 1], [0, 0, 0], [1, 0, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]]);

    const rows = await rollUp();
    expect(rows).toBe((await stack.db.district.count()) * 24);
    for (const [i, [who, place]] of places.entries()) expect(await trends(who, { ...place, ...CLOSED })).toEqual(live[i]);

    // the current month is counted as it happens: the inquiries pending beyond 4 months now (every case above but the
    // one that left its inquiry in October), and a case registered now
    const thisMonth = monthInIndia(new Date());
    expect(figure(await trends('monitor.india', {}), thisMonth, 'pendingBeyond4Months')).toBe(4);
    expect(figure(await trends('monitor.rj', { stateCode: 'RJ' }), thisMonth, 'pendingBeyond4Months')).toBe(3);
    expect(figure(await trends('sho.jaipur', { thanaCode: 'RJ-JAIPUR-PS-01' }), thisMonth, 'pendingBeyond4Months')).toBe(1);
    const before = figure(await trends('monitor.india', {}), thisMonth, 'registered') as number;
    await stack.http.post('/cases').set(await as(stack, 'cwc.jaipur')).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Kiran', ageYears: 8 } }).expect(201);
    expect(figure(await trends('monitor.india', {}), thisMonth, 'registered')).toBe(before + 1);
  });

  it('shows a past month changed late after the next night, while a police station’s area shows it at once', async () => {
    await rollUp();
    const station = { thanaCode: 'RJ-JAIPUR-PS-01', ...CLOSED };
    const [stateBefore, stationBefore] = [await trends('monitor.rj', { stateCode: 'RJ', ...CLOSED }), await trends('sho.jaipur', station)];
    // registered in June, recorded today (from a phone that was offline, or an import)
    await projectedCase(stack.db, { districtCode: 'RJ-JAIPUR', thana: 'RJ-JAIPUR-PS-01', registered: '2026-06-20T10:00:00', phase: 'PRODUCTION' });
    expect(figure(await trends('monitor.rj', { stateCode: 'RJ', ...CLOSED }), '2026-06', 'registered')).toBe(figure(stateBefore, '2026-06', 'registered'));
    expect(figure(await trends('sho.jaipur', station), '2026-06', 'registered')).toBe((figure(stationBefore, '2026-06', 'registered') as number) + 1);
    await rollUp();
    expect(figure(await trends('monitor.rj', { stateCode: 'RJ', ...CLOSED }), '2026-06', 'registered')).toBe((figure(stateBefore, '2026-06', 'registered') as number) + 1);
  });

  it('counts a district added since the last run (live until the next), and forgets months older than the window', async () => {
    await rollUp();
    const before = await trends('monitor.rj', { stateCode: 'RJ', ...CLOSED });
    await stack.db.district.create({ data: { code: 'RJ-TNEWDIST', name: 'Newly formed', stateCode: 'RJ' } });
    await projectedCase(stack.db, { districtCode: 'RJ-TNEWDIST', registered: '2026-05-10T10:00:00', phase: 'PRODUCTION' });
    expect(figure(await trends('monitor.rj', { stateCode: 'RJ', ...CLOSED }), '2026-05', 'registered')).toBe((figure(before, '2026-05', 'registered') as number) + 1);

    // a month that has left the window is not kept: asked for, it is counted live
    await stack.db.trendMonth.create({
      data: { districtCode: 'RJ-JAIPUR', stateCode: 'RJ', month: '2023-01', registered: 99, produced: 0, producedWithin24Hours: 0, escalations: 0, missingReports: 0, foundReports: 0, pendingBeyond4Months: 0, computedAt: new Date() },
    });
    await rollUp();
    expect(await stack.db.trendMonth.count({ where: { month: '2023-01' } })).toBe(0);
    expect(figure(await trends('monitor.rj', { districtCode: 'RJ-JAIPUR', to: '2023-01', months: 1 }), '2023-01', 'registered')).toBe(0);
  });

  it('is run by the worker when it starts, once a day, as well as each night', async () => {
    const connection = redisConnectionOptions(stack.config.redisUrl);
    // this Redis database may hold today's run from an earlier test run
    const queue = new Queue(TREND_ROLLUP_QUEUE, { connection });
    await queue.obliterate({ force: true });
    await queue.close();
    await stack.db.trendMonth.deleteMany();
    const rollup = await startTrendRollup(connection, trendRollupDeps(stack.db));
    try {
      const districts = await stack.db.district.count();
      await eventually(async () => ((await stack.db.trendMonth.count()) === districts * 24 ? true : undefined), 60_000);
      expect((await rollup.queue.getJobSchedulers()).map((j) => j.pattern)).toEqual(['15 1 * * *']);
    } finally {
      await rollup.close();
    }
  });
});

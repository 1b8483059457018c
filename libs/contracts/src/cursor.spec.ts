import { describe, expect, it } from '@jest/globals';
import { caseListQuery, caseQueueQuery, bodyListQuery, eventFeedQuery, institutionListQuery, reportListQuery } from './index.js';
import { encodeFeedCursor, encodeIdCursor, encodeTimeCursor } from './cursor.js';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const ID = '0b7c1f2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const AT = new Date('2026-03-01T10:00:00.000Z');

describe('page cursors', () => {
  it.each([
    ['cases', caseListQuery],
    ['case queue', caseQueueQuery],
    ['reports', reportListQuery],
  ])('%s: a cursor the API gave reads back as its time and id', (_list, schema) => {
    const parsed = schema.parse({ cursor: encodeTimeCursor(AT, ID) });
    expect(parsed.cursor).toEqual({ at: AT, id: ID });
  });

  it.each([
    ['cases', caseListQuery],
    ['case queue', caseQueueQuery],
    ['reports', reportListQuery],
  ])('%s: a forged cursor is refused naming the cursor, whatever is inside', (_list, schema) => {
    for (const forged of [
      'not-ours',
      b64(`${AT.toISOString()}|not-a-uuid`), // the 500 the probe found: a good time, an id the database cannot read
      b64(`${AT.toISOString()}|${ID}'; DROP TABLE cases;--`),
      b64(`yesterday|${ID}`),
      b64(`${AT.toISOString()}|${ID}|extra`),
      '!!!',
      'A'.repeat(201),
      '',
    ]) {
      const result = schema.safeParse({ cursor: forged });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['cursor']);
    }
  });

  it.each([
    ['institutions', institutionListQuery],
    ['bodies', bodyListQuery],
  ])('%s: a registry id cursor reads back, a forged one is refused', (_list, schema) => {
    expect(schema.parse({ cursor: encodeIdCursor('CCI-RJ-JAIPUR-1') }).cursor).toBe('CCI-RJ-JAIPUR-1');
    for (const forged of [b64("CCI' OR 1=1"), b64('x'.repeat(10)), '%%%']) {
      expect(schema.safeParse({ cursor: forged }).error?.issues[0]?.path).toEqual(['cursor']);
    }
  });

  it('writes the same cursors the API wrote before (clients holding one keep paging)', () => {
    expect(encodeTimeCursor(AT, ID)).toBe(b64(`${AT.toISOString()}|${ID}`));
    expect(encodeIdCursor('CWC-RJ-JAIPUR')).toBe(b64('CWC-RJ-JAIPUR'));
  });
});

describe('the partner feed cursor', () => {
  it('reads back as the transaction and event it was written from, up to the largest bigint', () => {
    const max = 2n ** 63n - 1n;
    expect(eventFeedQuery.parse({ after: encodeFeedCursor(7_654_321n, 42n) }).after).toEqual({ txid: 7_654_321n, id: 42n });
    expect(eventFeedQuery.parse({ after: encodeFeedCursor(max, max) }).after).toEqual({ txid: max, id: max });
  });

  it('refuses a forged position naming `after`, and never takes another list’s cursor for one', () => {
    for (const forged of [b64('feed|1|x'), b64('feed|-1|2'), b64('feed|01|2'), b64(`feed|${2n ** 63n}|1`), b64('feed|1|2|3'), b64('page|1|2'), encodeTimeCursor(AT, ID), 'x'.repeat(300)]) {
      const parsed = eventFeedQuery.safeParse({ after: forged });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['after']);
    }
  });
});

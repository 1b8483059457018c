// The notices a step sends, without any server: one job per recipient body of the machine's notify actions,
// and the text of a missed deadline.
import { describe, expect, it } from '@jest/globals';
import { indiaTime, noticeJobs, overdueNotice } from '../src/notices.js';

const JAIPUR = { districtCode: 'RJ-JAIPUR', stateCode: 'RJ' };
const AJMER = { districtCode: 'RJ-AJMER', stateCode: 'RJ' };

describe('noticeJobs', () => {
  it('sends one job per body named by each notify action, keyed by case, step and body so a retry enqueues once', () => {
    const jobs = noticeJobs([{ type: 'notify', params: { to: ['CWC', 'DCPU'], about: 'final order' } }], 'c-1', JAIPUR, 4, 'Case c-1', 'final order passed: now restored');
    expect(jobs).toEqual([
      { dedupeKey: 'case-c-1-4-CWC', recipientBody: 'CWC', ...JAIPUR, caseId: 'c-1', kind: 'CASE_FINAL_ORDER', subject: 'Case c-1: final order', body: 'final order passed: now restored' },
      { dedupeKey: 'case-c-1-4-DCPU', recipientBody: 'DCPU', ...JAIPUR, caseId: 'c-1', kind: 'CASE_FINAL_ORDER', subject: 'Case c-1: final order', body: 'final order passed: now restored' },
    ]);
  });

  it('tells the DCPU of the home district where the case came from after a transfer', () => {
    const [home, here] = noticeJobs([{ type: 'notify', params: { to: ['HOME_DISTRICT_DCPU', 'DCPU'], about: 'transfer' } }], 'c-1', AJMER, 7, 's', 'b', JAIPUR);
    expect(home).toMatchObject({ recipientBody: 'DCPU', ...JAIPUR, dedupeKey: 'case-c-1-7-HOME_DISTRICT_DCPU' });
    expect(here).toMatchObject({ recipientBody: 'DCPU', ...AJMER });
  });

  it('ignores actions other than notify', () => {
    expect(noticeJobs([{ type: 'armDeadline' }, { type: 'notify' }], 'c-1', JAIPUR, 1, 's', 'b')).toEqual([]);
  });
});

describe('overdueNotice', () => {
  const deadline = { obligation: 'Produce the child before the CWC', dueAt: '2026-03-02T04:30:00.000Z', citation: 'JJ Act s.31(1)' };

  it('says what was due, when, under which provision, and how late', () => {
    expect(overdueNotice('A case at "Awaiting production"', deadline, '3 h')).toEqual({
      subject: 'Overdue by 3 h: Produce the child before the CWC',
      body: 'A case at "Awaiting production": "Produce the child before the CWC" was due 2 Mar 2026, 10:00 am IST (JJ Act s.31(1)) and is not met.',
    });
  });

  it('says a time in India time, as people read it', () => {
    expect(indiaTime('2026-03-02T04:30:00.000Z')).toBe('2 Mar 2026, 10:00 am IST');
    expect(indiaTime('2026-12-31T18:45:00Z')).toBe('1 Jan 2027, 12:15 am IST');
    expect(indiaTime('2026-06-15T07:05:00Z')).toBe('15 Jun 2026, 12:35 pm IST');
  });

  it('names the institution in the subject when the obligation is not a case’s', () => {
    expect(overdueNotice('Home A', deadline, '2 days', 'Home A').subject).toBe('Overdue by 2 days: Produce the child before the CWC (Home A)');
  });
});

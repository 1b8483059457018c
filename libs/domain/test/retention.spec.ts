import { describe, expect, it } from '@jest/globals';
import { isReportErasable, needsChildsName, RETENTION_RECORD_TYPES, RETENTION_SCHEDULE, retentionCutoff } from '../src/index.js';

describe('the retention schedule', () => {
  it('has one rule for every kind of record, each citing its law and saying why', () => {
    expect(RETENTION_SCHEDULE.map((r) => r.recordType).sort()).toEqual([...RETENTION_RECORD_TYPES].sort());
    for (const r of RETENTION_SCHEDULE) expect({ type: r.recordType, cites: /Act|Rules/.test(r.citation), why: r.why.length > 20 }).toEqual({ type: r.recordType, cites: true, why: true });
  });

  it('erases a closed report three years after closing, and never erases a case of a child in need of care or the audit trail by age', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(retentionCutoff('CHILD_REPORT', now)).toEqual(new Date(now.getTime() - 1095 * 86_400_000));
    expect(retentionCutoff('CASE_CNCP', now)).toBeNull();
    expect(retentionCutoff('AUDIT_TRAIL', now)).toBeNull();
    // a CICL case goes by the s.24(2) scan, not by age
    expect(retentionCutoff('CASE_CICL', now)).toBeNull();
  });

  it('lets a report be erased once closed or its child traced, not while the child is looked for', () => {
    expect(['PENDING_ACCEPTANCE', 'OPEN', 'TRACED', 'CLOSED'].filter(isReportErasable)).toEqual(['TRACED', 'CLOSED']);
  });
});

describe('who needs a child’s name (JJ Act s.74)', () => {
  it('monitors do not; a role that works cases does, even beside a monitor’s', () => {
    expect(needsChildsName(['STATE_MONITOR'])).toBe(false);
    expect(needsChildsName(['NATIONAL_MONITOR'])).toBe(false);
    expect(needsChildsName(['CWC_MEMBER'])).toBe(true);
    expect(needsChildsName(['STATE_MONITOR', 'DCPU_OFFICER'])).toBe(true);
  });
});

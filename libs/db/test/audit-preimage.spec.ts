// The database hashes a case step's audit entry from the text the repository sends it; that text
// must be, byte for byte, what auditHash (and so the verifier) hashes.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { auditHash, auditPreimage, GENESIS_HASH, type AuditRecord } from '../src/audit-chain.js';

const hashAsTheDatabaseDoes = (r: AuditRecord, position: number, prevHash: string) => {
  const { before, after } = auditPreimage(r);
  return createHash('sha256').update(`${before}${position},"prevHash":"${prevHash}"${after}`, 'utf8').digest('hex');
};

describe(auditPreimage.name, () => {
  const records: AuditRecord[] = [
    { chain: 'case:1', action: 'case.registered', actorId: 'u1', actorRole: 'CWC_MEMBER', subjectType: 'case', subjectId: '1', detail: { sequence: 0 }, at: new Date('2026-11-01T10:00:00Z') },
    { chain: 'case:2', action: 'case.event.X', actorId: null, subjectType: 'case', subjectId: '2', at: new Date('2026-11-01T10:00:00.123Z'),
      detail: { payload: { note: 'लक्ष्मी "quoted" \\ back\nline \u0000 \ud800', nested: [1, 2.5, -0, 1e21, null, { b: 1, a: undefined }], position: 0, prevHash: 'P'.repeat(64) }, from: null, to: 'x' } },
    { chain: 'case:"odd"', action: 'a', subjectType: 'case', subjectId: '"position":0', detail: {}, at: new Date(0) },
  ];

  it.each(records.map((r, i) => [i, r] as const))('gives the text auditHash hashes (record %i), at any position and after any hash', (_i, r) => {
    for (const [position, prevHash] of [[1, GENESIS_HASH], [42, 'ab'.repeat(32)]] as const) {
      const expected = auditHash({ ...r, actorId: r.actorId ?? null, actorRole: r.actorRole ?? null, position, prevHash });
      expect(hashAsTheDatabaseDoes(r, position, prevHash)).toBe(expected);
    }
  });
});

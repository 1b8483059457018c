import { attestationOf, auditEntryInput, auditHash, type EmptiedEntry, GENESIS_HASH, isDestroyedDetail, ATTESTING_ACTIONS, type AuditRecord } from '../audit-chain.js';
import type { Db, DbTransaction } from '../client.js';

export type { AuditRecord };

export interface ChainBreak {
  chain: string;
  position: number;
  reason: 'hash-mismatch' | 'broken-link' | 'missing-entry' | 'missing-tail' | 'emptied-unattested';
}

/** `chain#position` → the attestation a destruction entry gave of the entry it emptied (s.24(2)). */
export type Attestations = ReadonlyMap<string, string>;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends to the record's chain inside `tx`; the advisory lock serialises writers of one chain. */
  async append(tx: DbTransaction, record: AuditRecord): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${record.chain}, 0))`;
    await tx.$executeRaw`SELECT raksha_append_audit_entry(${JSON.stringify(auditEntryInput(record))}::jsonb)`;
  }

  /** Appends in a transaction of its own (an event that changes nothing else, e.g. a read). */
  record(record: AuditRecord): Promise<void> {
    return this.db.$transaction((tx) => this.append(tx, record));
  }

  /**
   * Recomputes every hash of a chain; reports each entry edited, deleted or re-linked.
   * `expectedLength`, when known (a case's steps), also catches entries deleted from the end.
   */
  async verifyChain(chain: string, expectedLength?: number, attestations?: Attestations): Promise<ChainBreak[]> {
    const attested = attestations ?? (await this.attestations());
    const entries = await this.db.auditEntry.findMany({ where: { chain }, orderBy: { position: 'asc' } });
    const breaks: ChainBreak[] = [];
    let prev = GENESIS_HASH;
    let expected = 1;
    for (const e of entries) {
      if (e.position !== expected) breaks.push({ chain, position: expected, reason: 'missing-entry' });
      if (e.prevHash !== prev) breaks.push({ chain, position: e.position, reason: 'broken-link' });
      if (isDestroyedDetail(e.detail)) {
        // Emptied under s.24(2): its hash cannot be recomputed without the detail; a destruction entry must attest it as it is.
        if (attested.get(`${chain}#${e.position}`) !== attestationOf(e, e.detail.detailDigest)) breaks.push({ chain, position: e.position, reason: 'emptied-unattested' });
      } else if (auditHash({ ...e, detail: e.detail }) !== e.hash) {
        breaks.push({ chain, position: e.position, reason: 'hash-mismatch' });
      }
      prev = e.hash;
      expected = e.position + 1;
    }
    if (expectedLength !== undefined && expected - 1 < expectedLength) {
      breaks.push({ chain, position: expected, reason: 'missing-tail' });
    }
    return breaks;
  }

  /** Verifies every chain; a case's chain must hold one entry per timeline step (sequence 0..n). */
  async verifyAll(): Promise<{ chains: number; breaks: ChainBreak[] }> {
    const caseSteps = new Map(
      (await this.db.case.findMany({ select: { id: true, sequence: true } })).map((c) => [`case:${c.id}`, c.sequence + 1]),
    );
    const chains = new Set([...(await this.chains()), ...caseSteps.keys()]);
    const attestations = await this.attestations();
    const breaks: ChainBreak[] = [];
    for (const chain of chains) breaks.push(...(await this.verifyChain(chain, caseSteps.get(chain), attestations)));
    return { chains: chains.size, breaks };
  }

  /**
   * What the destruction entries attest of the entries they emptied. Each destruction entry is itself verified on its
   * case's chain, so an attestation cannot be forged without breaking that chain.
   */
  async attestations(): Promise<Attestations> {
    const rows = await this.db.auditEntry.findMany({ where: { action: { in: ATTESTING_ACTIONS } }, select: { detail: true } });
    const map = new Map<string, string>();
    for (const r of rows) for (const e of ((r.detail as { emptied?: EmptiedEntry[] }).emptied ?? [])) map.set(`${e.chain}#${e.position}`, e.attestation);
    return map;
  }

  async chains(): Promise<string[]> {
    const rows = await this.db.auditEntry.findMany({ distinct: ['chain'], select: { chain: true }, orderBy: { chain: 'asc' } });
    return rows.map((r) => r.chain);
  }

  async forSubject(subjectType: string, subjectId: string) {
    return this.db.auditEntry.findMany({ where: { subjectType, subjectId }, orderBy: [{ chain: 'asc' }, { position: 'asc' }] });
  }
}

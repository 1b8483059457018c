import { auditHash, GENESIS_HASH } from '../audit-chain.js';
import type { Db, DbTransaction } from '../client.js';

export interface AuditRecord {
  chain: string;
  action: string;
  actorId?: string | null;
  actorRole?: string | null;
  subjectType: string;
  subjectId: string;
  detail: Record<string, unknown>;
  at: Date;
}

export interface ChainBreak {
  chain: string;
  position: number;
  reason: 'hash-mismatch' | 'broken-link' | 'missing-entry' | 'missing-tail';
}

/** Stable JSON, exactly as auditHash hashes it (libs/db/src/audit-chain.ts): keys sorted, undefined left out. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const PREV_HASH_PLACEHOLDER = 'P'.repeat(64);
const LINK_PLACEHOLDER = `"position":0,"prevHash":"${PREV_HASH_PLACEHOLDER}"`;

/**
 * The text auditHash hashes for `record`, less what only the chain's tail decides: the text
 * `before` + position + `,"prevHash":"` + prevHash + `"` + `after` is what it hashes. Lets the
 * database link and hash an entry in the statement that appends it (raksha_record_case_step).
 */
export function auditPreimage(record: AuditRecord): { before: string; after: string } {
  const text = canonicalJson({
    chain: record.chain,
    position: 0,
    action: record.action,
    actorId: record.actorId ?? null,
    actorRole: record.actorRole ?? null,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    detail: record.detail,
    at: record.at.toISOString(),
    prevHash: PREV_HASH_PLACEHOLDER,
  });
  // The top-level keys after "detail" are "position" and "prevHash", then strings whose quotes are escaped.
  const i = text.lastIndexOf(LINK_PLACEHOLDER);
  return { before: `${text.slice(0, i)}"position":`, after: text.slice(i + LINK_PLACEHOLDER.length) };
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends to the record's chain inside `tx`; the advisory lock serialises writers of one chain. */
  async append(tx: DbTransaction, record: AuditRecord): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${record.chain}, 0))`;
    const last = await tx.auditEntry.findFirst({
      where: { chain: record.chain },
      orderBy: { position: 'desc' },
      select: { position: true, hash: true },
    });
    const fields = {
      chain: record.chain,
      position: (last?.position ?? 0) + 1,
      action: record.action,
      actorId: record.actorId ?? null,
      actorRole: record.actorRole ?? null,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      detail: record.detail,
      at: record.at,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await tx.auditEntry.create({ data: { ...fields, detail: fields.detail as object, hash: auditHash(fields) } });
  }

  /** Appends in a transaction of its own (an event that changes nothing else, e.g. a read). */
  record(record: AuditRecord): Promise<void> {
    return this.db.$transaction((tx) => this.append(tx, record));
  }

  /**
   * Recomputes every hash of a chain; reports each entry edited, deleted or re-linked.
   * `expectedLength`, when known (a case's steps), also catches entries deleted from the end.
   */
  async verifyChain(chain: string, expectedLength?: number): Promise<ChainBreak[]> {
    const entries = await this.db.auditEntry.findMany({ where: { chain }, orderBy: { position: 'asc' } });
    const breaks: ChainBreak[] = [];
    let prev = GENESIS_HASH;
    let expected = 1;
    for (const e of entries) {
      if (e.position !== expected) breaks.push({ chain, position: expected, reason: 'missing-entry' });
      if (e.prevHash !== prev) breaks.push({ chain, position: e.position, reason: 'broken-link' });
      const recomputed = auditHash({ ...e, detail: e.detail });
      if (recomputed !== e.hash) breaks.push({ chain, position: e.position, reason: 'hash-mismatch' });
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
    const breaks: ChainBreak[] = [];
    for (const chain of chains) breaks.push(...(await this.verifyChain(chain, caseSteps.get(chain))));
    return { chains: chains.size, breaks };
  }

  async chains(): Promise<string[]> {
    const rows = await this.db.auditEntry.findMany({ distinct: ['chain'], select: { chain: true }, orderBy: { chain: 'asc' } });
    return rows.map((r) => r.chain);
  }

  async forSubject(subjectType: string, subjectId: string) {
    return this.db.auditEntry.findMany({ where: { subjectType, subjectId }, orderBy: [{ chain: 'asc' }, { position: 'asc' }] });
  }
}

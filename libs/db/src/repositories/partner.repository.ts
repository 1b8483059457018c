import type { Db } from '../client.js';
import type { PartnerClient } from '../generated/client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

export type PartnerClientRecord = PartnerClient;

export interface NewPartnerClient {
  id: string;
  name: string;
  kind: string;
  scopes: string[];
  level: 'NATIONAL' | 'STATE' | 'DISTRICT';
  stateCode: string | null;
  districtCode: string | null;
  requestsPerMinute: number;
  secretHash: string;
  createdBy: string;
  createdByBodyId: string | null;
  createdAt: Date;
}

/** A place filter: none (national), a state, or a district. */
export interface PartnerScopeFilter {
  stateCode?: string;
  districtCode?: string;
}

export interface PartnerEventRow {
  id: bigint;
  txid: bigint;
  type: string;
  subjectType: string;
  subjectId: string;
  /** the readable number of the case the event is about (none for a report's event) */
  caseNumber: string | null;
  stateCode: string;
  districtCode: string;
  data: unknown;
  occurredAt: Date;
}

export interface CaseSummaryRow {
  id: string;
  caseNumber: string | null;
  track: string;
  phase: string;
  state: string;
  stateCode: string;
  districtCode: string;
  registeredAt: Date;
  producedAt: Date | null;
  closedAt: Date | null;
  /** its records destroyed under JJ Act s.24(2): answered 410, never summarised */
  destroyedAt: Date | null;
  updatedAt: Date;
}

const partnerChain = (clientId: string) => `partner:${clientId}`;

/** Partner systems as OAuth clients, their hashed tokens, and the event feed's outbox. */
export class PartnerRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  /** Registers the client and audits it on its own chain (`partner:<id>`), in one transaction. */
  create(client: NewPartnerClient, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<PartnerClientRecord> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.partnerClient.create({ data: client });
      await this.audit.append(tx, { ...audit, chain: partnerChain(client.id), subjectType: 'partner-client', subjectId: client.id });
      return row;
    });
  }

  findById(id: string): Promise<PartnerClientRecord | null> {
    return this.db.partnerClient.findUnique({ where: { id } });
  }

  list(filter: PartnerScopeFilter): Promise<PartnerClientRecord[]> {
    return this.db.partnerClient.findMany({ where: filter, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  /** A new secret; every token issued before it ends at once. */
  rotateSecret(id: string, secretHash: string, at: Date, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<PartnerClientRecord> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.partnerClient.update({ where: { id }, data: { secretHash, secretRotatedAt: at } });
      await tx.partnerToken.deleteMany({ where: { clientId: id } });
      await this.audit.append(tx, { ...audit, chain: partnerChain(id), subjectType: 'partner-client', subjectId: id });
      return row;
    });
  }

  /** Revokes the client: its tokens are deleted in the same transaction, so none works a moment later. */
  revoke(id: string, at: Date, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<PartnerClientRecord> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.partnerClient.update({ where: { id }, data: { revokedAt: at } });
      await tx.partnerToken.deleteMany({ where: { clientId: id } });
      await this.audit.append(tx, { ...audit, chain: partnerChain(id), subjectType: 'partner-client', subjectId: id });
      return row;
    });
  }

  /** Keeps a token's hash; expired ones of the client are swept on the way. */
  async saveToken(t: { tokenHash: string; clientId: string; scopes: string[]; expiresAt: Date; createdAt: Date }): Promise<void> {
    await this.db.$transaction([
      this.db.partnerToken.deleteMany({ where: { clientId: t.clientId, expiresAt: { lt: t.createdAt } } }),
      this.db.partnerToken.create({ data: t }),
    ]);
  }

  /** The token with its client, by the token's hash. */
  findToken(tokenHash: string) {
    return this.db.partnerToken.findUnique({ where: { tokenHash }, include: { client: true } });
  }

  /** One entry on the client's own chain: a call it made, or one refused. */
  recordCall(clientId: string, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<void> {
    return this.audit.record({ ...audit, chain: partnerChain(clientId), subjectType: 'partner-client', subjectId: clientId });
  }

  history(clientId: string) {
    return this.db.auditEntry.findMany({ where: { chain: partnerChain(clientId) }, orderBy: { position: 'asc' } });
  }

  /**
   * The feed after (txid, id), in that order, of what every transaction older than this snapshot's oldest running one
   * wrote: a transaction still running may yet commit rows, and its txid is at least that horizon, so a page never
   * passes a row that appears later.
   */
  events(filter: PartnerScopeFilter & { subjectTypes: string[]; after: { txid: bigint; id: bigint } | undefined; limit: number }): Promise<PartnerEventRow[]> {
    const after = filter.after ?? { txid: -1n, id: -1n };
    return this.db.$queryRaw<PartnerEventRow[]>`
      SELECT e.id, e.txid, e.type, e."subjectType", e."subjectId"::text AS "subjectId", c."caseNumber", e."stateCode", e."districtCode", e.data, e."occurredAt"
      FROM "PartnerEvent" e
      LEFT JOIN "Case" c ON e."subjectType" = 'case' AND c.id = e."subjectId"
      WHERE (e.txid, e.id) > (${after.txid}::bigint, ${after.id}::bigint)
        AND e.txid < (pg_snapshot_xmin(pg_current_snapshot()))::text::bigint
        AND e."subjectType" = ANY(${filter.subjectTypes}::text[])
        AND (${filter.stateCode ?? null}::text IS NULL OR e."stateCode" = ${filter.stateCode ?? null}::text)
        AND (${filter.districtCode ?? null}::text IS NULL OR e."districtCode" = ${filter.districtCode ?? null}::text)
      ORDER BY e.txid, e.id
      LIMIT ${filter.limit}`;
  }

  /** Case summaries of the place, by registration then id, after the cursor: no child's name is read. */
  caseSummaries(filter: PartnerScopeFilter & { after: { at: Date; id: string } | undefined; limit: number }): Promise<CaseSummaryRow[]> {
    return this.db.case.findMany({
      where: {
        ...(filter.stateCode !== undefined && { stateCode: filter.stateCode }),
        ...(filter.districtCode !== undefined && { districtCode: filter.districtCode }),
        destroyedAt: null,
        ...(filter.after && { OR: [{ registeredAt: { gt: filter.after.at } }, { registeredAt: filter.after.at, id: { gt: filter.after.id } }] }),
      },
      select: { id: true, caseNumber: true, track: true, phase: true, state: true, stateCode: true, districtCode: true, registeredAt: true, producedAt: true, closedAt: true, destroyedAt: true, updatedAt: true },
      orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
      take: filter.limit,
    });
  }

  /** A case by its id or by its readable number. */
  caseSummary(idOrNumber: string): Promise<CaseSummaryRow | null> {
    const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber);
    return this.db.case.findUnique({
      where: byId ? { id: idOrNumber } : { caseNumber: idOrNumber },
      select: { id: true, caseNumber: true, track: true, phase: true, state: true, stateCode: true, districtCode: true, registeredAt: true, producedAt: true, closedAt: true, destroyedAt: true, updatedAt: true },
    });
  }
}

import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';

/** One audit entry as an access log shows it, with the names of who and which body. */
export interface AccessLogRow {
  seq: bigint;
  chain: string;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: Record<string, unknown>;
  at: Date;
  actor: { id: string; name: string; roles: string[] } | null;
  actorRole: string | null;
  body: { id: string; name: string } | null;
}

export interface AccessLogWindow {
  /** inclusive */
  from?: Date;
  /** exclusive */
  until?: Date;
  /** the page starts after this entry (newest first) */
  after?: { at: Date; seq: bigint };
  limit: number;
}

/** The record whose access log is read: its own chains, and the JSON keys of entries elsewhere that name it. */
export interface AccessedRecord {
  /** chains that are all about the record (`case:<id>`, `reads:case:<id>`, `efile:<id>`, `child-profile:<id>`) */
  chains: string[];
  /** a list read on a reader's chain names it in detail.shown (`{ type: 'case', ids: [...] }`) */
  shownType: string;
  /** other reads name it in a detail array (an institution's roster: detail.caseIds) */
  detailArrays: string[];
  id: string;
}

/** Reads of the audit trail for access logs: newest first, by day window, one page at a time. */
export class AccessLogRepository {
  constructor(private readonly db: Db) {}

  /** Every read and change of one record. */
  ofRecord(record: AccessedRecord, window: AccessLogWindow): Promise<AccessLogRow[]> {
    const naming: Prisma.AuditEntryWhereInput[] = [
      { chain: { in: record.chains } },
      { chain: { startsWith: 'reads:user:' }, detail: { path: ['shown', 'type'], equals: record.shownType }, AND: { detail: { path: ['shown', 'ids'], array_contains: [record.id] } } },
      ...record.detailArrays.map((key): Prisma.AuditEntryWhereInput => ({ chain: { startsWith: 'reads:' }, detail: { path: [key], array_contains: [record.id] } })),
    ];
    return this.page({ OR: naming }, window);
  }

  /** What a person read: every entry they made on a chain of reads. */
  readsBy(userId: string, window: AccessLogWindow): Promise<AccessLogRow[]> {
    return this.page({ actorId: userId, chain: { startsWith: 'reads:' } }, window);
  }

  private async page(where: Prisma.AuditEntryWhereInput, window: AccessLogWindow): Promise<AccessLogRow[]> {
    const and: Prisma.AuditEntryWhereInput[] = [where];
    if (window.from) and.push({ at: { gte: window.from } });
    if (window.until) and.push({ at: { lt: window.until } });
    if (window.after) and.push({ OR: [{ at: { lt: window.after.at } }, { at: window.after.at, id: { lt: window.after.seq } }] });
    const entries = await this.db.auditEntry.findMany({ where: { AND: and }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: window.limit });

    const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null && /^[0-9a-f-]{36}$/i.test(id)))];
    const users = new Map((await this.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true, roles: true } })).map((u) => [u.id, u]));
    const bodyIds = [...new Set(entries.map((e) => bodyIdOf(e.detail)).filter((id): id is string => id !== null))];
    const bodies = new Map((await this.db.body.findMany({ where: { id: { in: bodyIds } }, select: { id: true, name: true } })).map((b) => [b.id, b]));
    return entries.map((e) => {
      const user = e.actorId ? users.get(e.actorId) : undefined;
      const bodyId = bodyIdOf(e.detail);
      return {
        seq: e.id,
        chain: e.chain,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        detail: (e.detail ?? {}) as Record<string, unknown>,
        at: e.at,
        actor: user ? { id: user.id, name: user.displayName, roles: e.actorRole ? e.actorRole.split(',') : user.roles } : null,
        actorRole: e.actorRole,
        body: bodyId ? (bodies.get(bodyId) ?? { id: bodyId, name: bodyId }) : null,
      };
    });
  }
}

function bodyIdOf(detail: Prisma.JsonValue): string | null {
  const id = detail && typeof detail === 'object' && !Array.isArray(detail) ? detail['bodyId'] : undefined;
  return typeof id === 'string' ? id : null;
}

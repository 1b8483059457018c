import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@raksha/db';
import { auditedAction, type Principal } from './principal.js';

/** Records that carry a child's identity (and a person's access log), each with its own chain of reads (`reads:<type>:<id>`). */
export type ReadSubject = 'case' | 'report' | 'institution' | 'person';

/**
 * Who saw which child's data, and when: every read that shows a child's identity leaves an entry on the
 * hash-chained audit trail before the answer goes out (JJ Act s.74: identity disclosed only to the entitled).
 */
@Injectable()
export class ReadAudit {
  constructor(private readonly audit: AuditRepository) {}

  /** A read of one record (a case, a report, an institution's roster): an entry on that record's chain of reads. */
  record(principal: Principal, type: ReadSubject, id: string, action: string, detail: Record<string, unknown> = {}): Promise<void> {
    return this.audit.record({ chain: `reads:${type}:${id}`, subjectType: type, subjectId: id, ...auditedAction(principal, action, detail) });
  }

  /**
   * A list that showed children (cases with their names, reports): one entry on the reader's chain of reads,
   * naming every record it showed, so "who saw this child" finds it by id. A list that showed none is not a read.
   */
  async list(principal: Principal, action: string, type: ReadSubject, ids: readonly string[], detail: Record<string, unknown> = {}): Promise<void> {
    if (ids.length === 0) return;
    await this.audit.record({ chain: `reads:user:${principal.userId}`, subjectType: 'user', subjectId: principal.userId, ...auditedAction(principal, action, { ...detail, shown: { type, ids } }) });
  }
}

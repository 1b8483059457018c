import { Injectable } from '@nestjs/common';
import { encodeAuditCursor, type AccessEntryView, type AccessKind, type AccessLogQuery, type Page } from '@raksha/contracts';
import { AccessLogRepository, BodyRosterRepository, CaseRepository, PeopleRepository, ReportRepository, type AccessedRecord, type AccessLogRow, type AccessLogWindow } from '@raksha/db';
import { AccessPolicy } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { ReadAudit } from '../auth/read-audit.js';
import { notFound } from '../problem/domain-errors.js';
import { administers } from '@raksha/domain';

/** A day in India as the instant it starts (IST has no daylight saving). */
const startOfDayInIndia = (day: string) => new Date(`${day}T00:00:00+05:30`);
const nextDay = (day: string) => new Date(startOfDayInIndia(day).getTime() + 86_400_000);

/** The chains and detail keys that name a child's record, by the kind of record. */
const RECORDS = {
  case: (id: string): AccessedRecord => ({ id, chains: [`case:${id}`, `reads:case:${id}`, `efile:${id}`, `child-profile:${id}`], shownType: 'case', detailArrays: ['caseIds'] }),
  report: (id: string): AccessedRecord => ({ id, chains: [`report:${id}`, `reads:report:${id}`], shownType: 'report', detailArrays: ['reportIds'] }),
};

/**
 * Who read what: the access log of a child's record (each read and change, who, their role and body, when and
 * from which address) and of a person (what they read). Monitors and administrators read the logs of their own
 * jurisdiction (outside it, 404); each reading of a log is itself on the trail.
 */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly log: AccessLogRepository,
    private readonly cases: CaseRepository,
    private readonly reports: ReportRepository,
    private readonly people: PeopleRepository,
    private readonly bodies: BodyRosterRepository,
    private readonly access: AccessPolicy,
    private readonly reads: ReadAudit,
  ) {}

  async ofCase(principal: Principal, caseId: string, query: AccessLogQuery): Promise<Page<AccessEntryView>> {
    const found = await this.cases.findById(caseId);
    if (!found || !this.access.mayKnow(principal, found)) throw notFound('case', caseId);
    await this.reads.record(principal, 'case', caseId, 'case.access-log.read', window(query));
    return page(await this.log.ofRecord(RECORDS.case(caseId), pageWindow(query)), query.limit);
  }

  async ofReport(principal: Principal, reportId: string, query: AccessLogQuery): Promise<Page<AccessEntryView>> {
    const found = await this.reports.findById(reportId);
    if (!found || !this.access.mayKnow(principal, found)) throw notFound('report', reportId);
    await this.reads.record(principal, 'report', reportId, 'report.access-log.read', window(query));
    return page(await this.log.ofRecord(RECORDS.report(reportId), pageWindow(query)), query.limit);
  }

  /** What the person read; a person of a body outside the principal's jurisdiction is 404. */
  async ofPerson(principal: Principal, personId: string, query: AccessLogQuery): Promise<Page<AccessEntryView>> {
    const person = await this.people.findById(personId);
    const body = person?.bodyId ? await this.bodies.findById(person.bodyId) : null;
    // A person without a body (a citizen) is the nation's to look into.
    const place = body ?? { stateCode: null, districtCode: null };
    if (!person || !principal.body || (!body && principal.body.level !== 'NATIONAL') || !administers(principal.body, place)) throw notFound('person', personId);
    await this.reads.record(principal, 'person', personId, 'person.access-log.read', window(query));
    return page(await this.log.readsBy(personId, pageWindow(query)), query.limit);
  }
}

function window(query: AccessLogQuery): Record<string, string> {
  return { ...(query.from && { fromDay: query.from }), ...(query.to && { toDay: query.to }) };
}

/** One more than the page, to know whether another follows. */
function pageWindow(query: AccessLogQuery): AccessLogWindow {
  return {
    ...(query.from && { from: startOfDayInIndia(query.from) }),
    ...(query.to && { until: nextDay(query.to) }),
    ...(query.cursor && { after: query.cursor }),
    limit: query.limit + 1,
  };
}

function page(rows: AccessLogRow[], limit: number): Page<AccessEntryView> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(entryView), nextCursor: rows.length > limit && last ? encodeAuditCursor(last.at, last.seq) : null };
}

function kindOf(row: AccessLogRow): AccessKind {
  if (row.action.endsWith('.access-log.read')) return 'ACCESS_LOG';
  return row.chain.startsWith('reads:') ? 'READ' : 'CHANGE';
}

/** What a read was of: the record of its chain, or the list it showed. */
function recordOf(row: AccessLogRow): AccessEntryView['record'] {
  if (!row.chain.startsWith('reads:')) return null;
  const shown = row.detail['shown'] as { type?: unknown; ids?: unknown } | undefined;
  if (row.subjectType === 'user' && shown && typeof shown.type === 'string' && Array.isArray(shown.ids)) return { type: shown.type, id: null, count: shown.ids.length };
  return { type: row.subjectType, id: row.subjectId, count: 1 };
}

function entryView(row: AccessLogRow): AccessEntryView {
  const event = row.detail['event'];
  // A case's own steps (written by its workflow) keep the state the case left as `from`, the address as `address`.
  const from = row.chain.startsWith('case:') ? row.detail['address'] : row.detail['from'];
  return {
    at: row.at.toISOString(),
    kind: kindOf(row),
    action: row.action,
    event: typeof event === 'string' ? event : null,
    who: row.actor,
    body: row.body,
    from: typeof from === 'string' ? from : null,
    record: recordOf(row),
  };
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { isCaseEventType, maySend, type CaseContext } from '@raksha/case-machine';
import type { RakshaConfig } from '@raksha/config';
import { encodeTimeCursor, type CaseAssignmentBody, type CaseDetailView, type CaseEventBody, type CaseListQuery, type CasePage, type CaseQueueQuery, type CaseStatus, type CaseView, type EscalationView, type OpenDeadline, type RegisterCaseBody, type RegisteredCase, type TimelineEntryView } from '@raksha/contracts';
import { applyEventUpdate, assignCaseUpdate, caseContextQuery, type CaseRegistration, caseRegistrationQuery, caseStatusQuery, caseWorkflowId, registrationFingerprint, registrationUpdate } from '@raksha/contracts/temporal';
import { CaseRepository, GeographyRepository, PeopleRepository, UserRepository } from '@raksha/db';
import { idempotentId } from '../infrastructure/idempotency.js';
import { dayInIndia, hasPermission, IDEMPOTENCY_KEY_REUSED_MESSAGE, isSameRequest, needsChildsName, ROLES, TRACK_BODY, trackBefore, type Role, type Track } from '@raksha/domain';
import type { caseWorkflow } from '@raksha/workflows';
import { AccessPolicy } from '../auth/access.policy.js';
import { can, caseActor, type Principal } from '../auth/principal.js';
import { ReadAudit } from '../auth/read-audit.js';
import { EscalationsService } from '../escalations/escalations.service.js';
import { DeadlinePolicyService } from '../policy/deadline-policy.service.js';
import { callTemporal, caseEventRejections, executeUpdate, optionalWorkflowRead } from '../infrastructure/temporal-call.js';
import { RAKSHA_CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens.js';
import { caseClosed, forbidden, invalidField, notFound, problem, recordsDestroyed } from '../problem/domain-errors.js';
import { checkEventPayloadSize } from '../problem/request-body.js';
import { checkLocalPlaces } from '../places/local-place-check.js';
import { DuplicateFinder } from '../duplicates/duplicate-finder.js';
import { nameSearchKeys } from '@raksha/matching';
import { registeredAge } from './child-age.js';
import { ChildProfileRecorder } from './child-profile.recorder.js';
import { namedSigners } from './legally-free-signers.js';
import { PlacementCheck } from './placement-check.js';


type CaseRow = NonNullable<Awaited<ReturnType<CaseRepository['findById']>>>;



/** `named`: false for readers who need no child's name in a list (JJ Act s.74: monitors see case numbers). */
function caseView(c: CaseRow, now = new Date(), named = true): CaseView {
  return {
    id: c.id,
    caseNumber: c.caseNumber ?? '', // given by the database on insert: never null on a stored case
    track: c.track as Track,
    state: c.state,
    phase: c.phase,
    districtCode: c.districtCode,
    stateCode: c.stateCode,
    thanaCode: c.thanaCode,
    blockCode: c.blockCode,
    villageCode: c.villageCode,
    childName: named ? c.childName : null,
    version: c.sequence,
    registeredAt: c.registeredAt.toISOString(),
    nextDueAt: c.nextDueAt?.toISOString() ?? null,
    overdue: c.nextDueAt !== null && c.nextDueAt < now,
    openDeadlines: c.openDeadlines as unknown as OpenDeadline[], // written by the projection from the workflow's OpenDeadline[]
    assigneeId: c.assigneeId,
  };
}


@Injectable()
export class CasesService {
  constructor(
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly cases: CaseRepository,
    private readonly geography: GeographyRepository,
    private readonly escalationInbox: EscalationsService,
    private readonly access: AccessPolicy,
    private readonly reads: ReadAudit,
    private readonly deadlinePolicy: DeadlinePolicyService,
    private readonly users: UserRepository,
    private readonly duplicates: DuplicateFinder,
    private readonly people: PeopleRepository,
    private readonly placements: PlacementCheck,
    private readonly profiles: ChildProfileRecorder,
  ) {}

  /** Starts the case's workflow and answers once its registration is on record. */
  async register(principal: Principal, body: RegisterCaseBody, idempotencyKey?: string): Promise<RegisteredCase> {
    if (!can(principal, `case:register:${body.track}`)) throw forbidden(`your role may not register a ${body.track} case`);
    const district = await this.geography.findDistrict(body.districtCode);
    if (!district) throw invalidField('districtCode', `no district with code ${body.districtCode}`);
    const place = { stateCode: district.stateCode, districtCode: district.code };
    if (!this.access.mayKnow(principal, place)) throw forbidden(`district ${district.code} is outside your jurisdiction`);
    // A police station registers the children of its own area: its thana unless it names it.
    const station = principal.body?.level === 'THANA' ? principal.body.thanaCode : null;
    if (station && body.thanaCode && body.thanaCode !== station) throw invalidField('thanaCode', `your station registers the cases of its own area; the case of another station's area is that station's`);
    const thanaCode = body.thanaCode ?? station ?? undefined;
    const localPlaces = { thanaCode, blockCode: body.blockCode, villageCode: body.villageCode };
    await checkLocalPlaces(this.geography, district, localPlaces);
    const role = principal.roles.find((r) => can({ ...principal, roles: [r] }, `case:register:${body.track}`));
    const registeredAt = new Date();
    // The profile is checked whole before the workflow starts: a refused field leaves nothing behind.
    const age = registeredAge(body.child, registeredAt);
    await this.profiles.check(body.child, 'child.');
    const child = { ...(body.child.name && { name: body.child.name }), ...(body.child.gender && { gender: body.child.gender }), ...age.particulars };
    const deadlinePolicy = await this.deadlinePolicy.overridesFor(district.stateCode);
    const registration: CaseRegistration = {
      caseId: idempotencyKey ? idempotentId(principal.userId, idempotencyKey) : randomUUID(),
      track: body.track,
      districtCode: district.code,
      stateCode: district.stateCode,
      ...(thanaCode && { thanaCode }),
      ...(body.blockCode && { blockCode: body.blockCode }),
      ...(body.villageCode && { villageCode: body.villageCode }),
      child,
      registeredAt: registeredAt.toISOString(),
      registeredBy: caseActor(principal, role),
      ...(Object.keys(deadlinePolicy).length ? { deadlinePolicy } : {}),
    };
    const status = await callTemporal(async () => {
      try {
        const handle = await this.temporal.workflow.start<typeof caseWorkflow>('caseWorkflow', {
          taskQueue: this.config.temporal.taskQueue,
          workflowId: caseWorkflowId(registration.caseId),
          args: [registration],
        });
        return await handle.executeUpdate(registrationUpdate);
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        // A retry with the same Idempotency-Key: the same request gets the same case back.
        const handle = this.temporal.workflow.getHandle(caseWorkflowId(registration.caseId));
        const first = await handle.query(caseRegistrationQuery);
        if (!isSameRequest(registrationFingerprint(first), registrationFingerprint(registration))) throw problem('idempotency-key-reused', IDEMPOTENCY_KEY_REUSED_MESSAGE);
        return handle.executeUpdate(registrationUpdate);
      }
    });
    // Listed for review: the open cases of the state this child may already have (the form showed them before saving).
    await this.duplicates.recordForCase({ id: registration.caseId, stateCode: district.stateCode, districtCode: district.code, registeredAt: new Date(registration.registeredAt), child });
    // Version 1 of the child's profile; a retried registration finds it written.
    await this.profiles.recordRegistration(principal, registration.caseId, body.child, age.record, new Date());
    // The registration update answers once the case's row is written, and the database numbered it on that insert.
    const row = await this.cases.findById(registration.caseId);
    return { ...status, ...(row?.caseNumber && { caseNumber: row.caseNumber }) };
  }

  /** A case merged into another as a duplicate: its workflow ends (no deadline of it runs on); its record and timeline stay. */
  async retireMerged(principal: Principal, caseId: string, survivorId: string): Promise<void> {
    await callTemporal(async () => {
      try {
        await this.temporal.workflow.getHandle(caseWorkflowId(caseId)).terminate(`merged as a duplicate into case ${survivorId} by ${principal.username}`);
      } catch (err) {
        // a workflow that has ended already (a closed case) has nothing left to stop
        if ((err as Error).name !== 'WorkflowNotFoundError') throw err;
      }
    });
  }

  async applyEvent(principal: Principal, caseId: string, body: CaseEventBody, headers: { idempotencyKey?: string; expectedVersion?: number }): Promise<CaseStatus> {
    const found = await this.visibleCase(principal, caseId);
    if (found.phase === 'CLOSED') throw caseClosed(caseId);
    if (!isCaseEventType(body.type)) throw invalidField('type', `no such event: ${body.type}`);
    checkEventPayloadSize(body.payload);
    const type = body.type;
    const bodyType = principal.body?.type;
    const role = principal.roles.find((r): r is Role => (ROLES as readonly string[]).includes(r) && maySend(type, r, bodyType));
    if (!role) throw forbidden(`your role may not send ${type}`);
    // s.38(4): the members who signed, each on the roster of the sender's CWC (the case's) in term today, named on the record.
    const signed = type === 'LEGALLY_FREE_DECLARED' ? await namedSigners(body.payload, dayInIndia(), (ids) => this.people.seatsOf(principal.body!.id, ids)) : body.payload;
    // An order placing the child names a place that can take the child; refused here, nothing is stored.
    const payload = await this.placements.check(found, type, signed, () => this.machineContext(found.id));
    // found.id: a case merged as a duplicate leads to the one the child's record is in now; its own workflow has ended.
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(found.id));
    const request = {
      type,
      payload,
      idempotencyKey: headers.idempotencyKey ?? body.idempotencyKey ?? randomUUID(),
      actor: caseActor(principal, role),
      ...(headers.expectedVersion !== undefined ? { expectedSequence: headers.expectedVersion } : {}),
    };
    return executeUpdate(handle, applyEventUpdate, request, caseEventRejections);
  }

  /** The case, if the principal may know it exists; the read is audited (who viewed which child's record). */
  async get(principal: Principal, caseId: string): Promise<CaseDetailView> {
    const found = await this.visibleCase(principal, caseId, 'read');
    await this.auditRead(principal, caseId, 'case.read');
    // What the case can take now, from its workflow; null (not an error) when Temporal cannot be asked.
    const allowed = (await optionalWorkflowRead(this.temporal.connection, () => this.temporal.workflow.getHandle(caseWorkflowId(found.id)).query(caseStatusQuery)))?.allowedEvents ?? null;
    const bodyType = principal.body?.type;
    const mine = this.readOnly(principal, found) ? [] : (allowed?.filter((t) => isCaseEventType(t) && principal.roles.some((r) => (ROLES as readonly string[]).includes(r) && maySend(t, r, bodyType))) ?? null);
    return this.detail(principal, found, allowed, mine);
  }

  /**
   * Gives the case to a person of its body (its CWC or JJB, TRACK_BODY) to work, or to the principal to take it.
   * Only a member of that body may (case:assign); the assignment is a CASE_ASSIGNED step on the case's timeline.
   */
  async assign(principal: Principal, caseId: string, body: CaseAssignmentBody): Promise<CaseDetailView> {
    const found = await this.visibleCase(principal, caseId);
    if (!this.isOfCaseBody(principal, found)) throw forbidden(`only a member of the case's ${TRACK_BODY[found.track as Track]} assigns it`);
    if (found.phase === 'CLOSED') throw caseClosed(caseId);
    const assignee = await this.users.findById(body.userId);
    // The assignee must be an active person of the same body: anyone else is not one the case can be given to.
    if (!assignee || assignee.disabledAt || assignee.bodyId !== principal.body!.id || !hasPermission(assignee.roles as Role[], 'case:event')) {
      throw invalidField('userId', `no active person of your ${principal.body!.type} with that id works cases`);
    }
    const role = principal.roles.find((r) => can({ ...principal, roles: [r] }, 'case:assign'));
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(found.id));
    await callTemporal(() => handle.executeUpdate(assignCaseUpdate, { args: [{ assigneeId: assignee.id, assigneeName: assignee.displayName, actor: caseActor(principal, role) }] }));
    return this.detail(principal, (await this.cases.findById(found.id)) ?? found, null, null);
  }

  /**
   * A person stops working their body's cases (deactivated, or moved to another body or a role that works none):
   * each open case assigned to them goes to their body's head, if one is flagged and active, or back to the
   * body's queue. Each is a step on the case's timeline through its workflow (CASE_ASSIGNED or CASE_RELEASED,
   * with the reason), audited on the case's chain. A case reassigned since is left as it is.
   */
  async handOver(principal: Principal, leaver: { id: string; bodyId: string | null }, reason: 'ASSIGNEE_DEACTIVATED' | 'ASSIGNEE_MOVED'): Promise<number> {
    const open = await this.cases.openAssignmentsOf(leaver.id);
    if (open.length === 0) return 0;
    const head = leaver.bodyId ? await this.users.activeHeadOf(leaver.bodyId, leaver.id) : null;
    const worksCases = head && hasPermission(head.roles as Role[], 'case:event') ? head : null;
    for (const { id } of open) {
      const handle = this.temporal.workflow.getHandle(caseWorkflowId(id));
      await callTemporal(() =>
        handle.executeUpdate(assignCaseUpdate, {
          args: [{ assigneeId: worksCases?.id ?? null, assigneeName: worksCases?.displayName ?? null, actor: caseActor(principal), reason, fromAssigneeId: leaver.id }],
        }),
      );
    }
    return open.length;
  }

  /** "My cases": open cases assigned to the principal, latest assigned first, a page at a time. */
  async mine(principal: Principal, q: CaseQueueQuery): Promise<CasePage> {
    const rows = await this.cases.assignedTo({ assigneeId: principal.userId, ...(q.cursor && { after: { assignedAt: q.cursor.at, id: q.cursor.id } }), limit: q.limit + 1 });
    // A case moved out of the principal's jurisdiction (a transfer) is no longer theirs to see.
    const page = rows.slice(0, q.limit).filter((c) => this.access.mayWork(principal, c));
    await this.reads.list(principal, 'cases.mine.listed', 'case', page.map((c) => c.id));
    const last = rows[q.limit - 1];
    return { items: page.map((c) => caseView(c)), nextCursor: rows.length > q.limit && last?.assignedAt ? encodeTimeCursor(last.assignedAt, last.id) : null };
  }

  /** Whether the principal is a member of the body the case is before (its district's CWC or JJB) and may assign. */
  private isOfCaseBody(principal: Principal, c: CaseRow): boolean {
    const b = principal.body;
    return can(principal, 'case:assign') && b !== null && b.type === TRACK_BODY[c.track as Track] && b.districtCode === c.districtCode;
  }

  private async detail(principal: Principal, c: CaseRow, allowedEvents: string[] | null, yourEvents: string[] | null): Promise<CaseDetailView> {
    const assignee = c.assigneeId ? await this.users.findById(c.assigneeId) : null;
    const codes = [c.thanaCode, c.blockCode, c.villageCode].filter((x): x is string => !!x);
    const names = new Map((codes.length ? await this.geography.findLocalPlaces(codes) : []).map((p) => [p.code, p.name]));
    const nameOf = (code: string | null) => (code ? (names.get(code) ?? null) : null);
    return {
      ...caseView(c),
      allowedEvents,
      yourEvents,
      assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null,
      mayAssign: c.phase !== 'CLOSED' && this.isOfCaseBody(principal, c) && !this.readOnly(principal, c),
      placeNames: { district: (await this.geography.findDistrict(c.districtCode))?.name ?? null, thana: nameOf(c.thanaCode), block: nameOf(c.blockCode), village: nameOf(c.villageCode) },
    };
  }

  async list(principal: Principal, q: CaseListQuery): Promise<CasePage> {
    const scope = this.access.workScope(principal);
    if (scope === 'nothing') return { items: [], nextCursor: null };
    // A filter outside the principal's jurisdiction finds nothing, rather than telling what exists there.
    if (scope.stateCode !== undefined && q.stateCode !== undefined && q.stateCode !== scope.stateCode) return { items: [], nextCursor: null };
    if (scope.districtCode !== undefined && q.districtCode !== undefined && q.districtCode !== scope.districtCode) return { items: [], nextCursor: null };
    if (scope.thanaCode !== undefined && q.thanaCode !== undefined && q.thanaCode !== scope.thanaCode) return { items: [], nextCursor: null };
    const track = q.body ? trackBefore(q.body) : q.track;
    if (q.track && track !== q.track) return { items: [], nextCursor: null };
    // A name in any script finds the child by the matching library's keys; a name with no key (only a title) finds none.
    const nameKeys = q.name !== undefined ? nameSearchKeys([q.name]) : undefined;
    const guardianKeys = q.guardian !== undefined ? nameSearchKeys([q.guardian]) : undefined;
    if (nameKeys?.length === 0 || guardianKeys?.length === 0) return { items: [], nextCursor: null };
    const now = new Date();
    const rows = await this.cases.list({
      stateCode: scope.stateCode ?? q.stateCode,
      districtCode: scope.districtCode ?? q.districtCode,
      thanaCode: scope.thanaCode ?? q.thanaCode,
      blockCode: q.blockCode,
      ...(q.number && { caseNumber: q.number }),
      ...(nameKeys && { nameKeys }),
      ...(guardianKeys && { guardianKeys }),
      ...(track && { track }),
      ...(q.phase && { phase: q.phase }),
      ...(q.overdue && { overdueAt: now }),
      ...(q.registeredFrom && { registeredFrom: new Date(q.registeredFrom) }),
      ...(q.registeredTo && { registeredTo: new Date(q.registeredTo) }),
      ...(q.cursor && { after: { registeredAt: q.cursor.at, id: q.cursor.id } }),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    // A search by a child's or guardian's name is a read of identity like any list; the entry says what was searched by.
    const searchedBy = [...(q.name !== undefined ? ['name'] : []), ...(q.guardian !== undefined ? ['guardian'] : [])];
    await this.reads.list(principal, searchedBy.length ? 'cases.searched' : 'cases.listed', 'case', page.map((c) => c.id), searchedBy.length ? { searchedBy } : {});
    return { items: page.map((c) => caseView(c, now, needsChildsName(principal.roles))), nextCursor: rows.length > q.limit ? encodeTimeCursor(page[page.length - 1]!.registeredAt, page[page.length - 1]!.id) : null };
  }

  /** Cases awaiting the principal's body, soonest deadline first (a CWC sees CNCP cases, a JJB CICL), a page at a time. */
  async queue(principal: Principal, q: CaseQueueQuery): Promise<CasePage> {
    const scope = this.access.workScope(principal);
    if (scope === 'nothing') return { items: [], nextCursor: null };
    const track = trackBefore(principal.body?.type);
    const rows = await this.cases.queue({ ...scope, ...(track && { tracks: [track] }), ...(q.cursor && { after: { nextDueAt: q.cursor.at, id: q.cursor.id } }), limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    await this.reads.list(principal, 'cases.queue.listed', 'case', page.map((c) => c.id));
    const last = page[page.length - 1];
    return { items: page.map((c) => caseView(c)), nextCursor: rows.length > q.limit && last?.nextDueAt ? encodeTimeCursor(last.nextDueAt, last.id) : null };
  }

  async escalations(principal: Principal, caseId: string): Promise<EscalationView[]> {
    await this.visibleCase(principal, caseId, 'read');
    return this.escalationInbox.list(principal, { caseId, limit: 500 });
  }

  async timeline(principal: Principal, caseId: string): Promise<TimelineEntryView[]> {
    const survivor = (await this.visibleCase(principal, caseId, 'read')).id;
    await this.auditRead(principal, survivor, 'case.timeline.read');
    // A case merged into this one keeps its own steps: they are read with this case's, in time order.
    const merged = await this.duplicates.mergedCases(survivor);
    const entries = [...(await this.cases.timeline(survivor)).map((e) => ({ e, from: undefined as string | undefined })), ...(await Promise.all(merged.map(async (id) => (await this.cases.timeline(id)).map((e) => ({ e, from: id }))))).flat()];
    if (merged.length) entries.sort((a, b) => a.e.occurredAt.getTime() - b.e.occurredAt.getTime() || a.e.sequence - b.e.sequence);
    return entries.map(({ e, from }) => ({
      sequence: e.sequence,
      eventType: e.eventType,
      fromState: e.fromState,
      toState: e.toState,
      actor: { id: e.actorId, role: e.actorRole },
      payload: e.payload as Record<string, unknown>,
      deadlines: e.deadlines as TimelineEntryView['deadlines'],
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      ...(e.importedFrom !== null && { importedFrom: e.importedFrom }),
      ...(from && { mergedFromCaseId: from }),
    }));
  }

  /**
   * Sends a case an event another feature has authorised (a confirmed missing-child match), as the principal,
   * without the case-jurisdiction check: the case may lie in another district than theirs.
   */
  async applyOnBehalf(principal: Principal, caseId: string, type: string, payload: Record<string, unknown>, idempotencyKey: string): Promise<CaseStatus> {
    const row = await this.cases.findById(caseId);
    if (row?.destroyedAt) throw recordsDestroyed(row.caseNumber, row.destroyedAt);
    if (row?.phase === 'CLOSED') throw caseClosed(caseId);
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(caseId));
    return executeUpdate(handle, applyEventUpdate, { type, payload, idempotencyKey, actor: caseActor(principal) }, caseEventRejections);
  }

  /** The case row for another feature acting on it (admissions, eFile): 404 unless the principal may know it; 403 for a sender who only keeps sight of it. */
  visible(principal: Principal, caseId: string): Promise<CaseRow> {
    return this.visibleCase(principal, caseId);
  }

  /** The case row for another feature reading it (its admissions, eFile, care plan): a sender after a transfer (s.95) reads it too. */
  readable(principal: Principal, caseId: string): Promise<CaseRow> {
    return this.visibleCase(principal, caseId, 'read');
  }

  /** The case with this number, for another feature naming it as people do (a found report): null unless the principal may know it. */
  async visibleByNumber(principal: Principal, caseNumber: string): Promise<CaseRow | null> {
    const row = await this.cases.findByNumber(caseNumber);
    if (!row || row.destroyedAt) return null;
    // A merged duplicate keeps its number, and leads to the case the child's record is in now.
    const found = row.mergedIntoId ? await this.cases.findById(row.mergedIntoId) : row;
    return found && this.access.mayWork(principal, found) ? found : null;
  }

  /** The machine's context as the case workflow holds it now (orders in force, the child's age). */
  machineContext(caseId: string): Promise<CaseContext> {
    return callTemporal(() => this.queryMachineContext(caseId));
  }

  /** The machine's context if the workflow gives it promptly, else null: for views it only adds to. */
  machineContextIfPrompt(caseId: string): Promise<CaseContext | null> {
    return optionalWorkflowRead(this.temporal.connection, () => this.queryMachineContext(caseId));
  }

  private async queryMachineContext(caseId: string): Promise<CaseContext> {
    return (await this.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseContextQuery)) as unknown as CaseContext;
  }

  /** Timeline entries of some event types, oldest first, for views built from them (the care plan). */
  async entriesOf(principal: Principal, caseId: string, eventTypes: readonly string[]): Promise<TimelineEntryView[]> {
    return (await this.timeline(principal, caseId)).filter((e) => eventTypes.includes(e.eventType));
  }

  /**
   * 404 both for a case that does not exist and for one outside the principal's jurisdiction. A case a transfer
   * (s.95) moved out of it stays readable to those who keep sight of it (AccessPolicy.keepsSightOf): `read` answers
   * it, `work` refuses it with a 403 saying where the case is now.
   */
  private async visibleCase(principal: Principal, caseId: string, access: 'read' | 'work' = 'work'): Promise<CaseRow> {
    const row = await this.cases.findById(caseId);
    // A case merged into another as a duplicate leads to that one: the child's record is there now.
    const found = row?.mergedIntoId ? await this.cases.findById(row.mergedIntoId) : row;
    if (!found) throw notFound('case', caseId);
    const sight = await this.sightOf(principal, found);
    if (!sight) throw notFound('case', caseId);
    // JJ Act s.24(2): destroyed records answer 410 on every read and write of the case, never what they held,
    // to those who keep sight of it after a transfer as to its own bodies.
    if (found.destroyedAt) throw recordsDestroyed(found.caseNumber, found.destroyedAt);
    if (sight === 'work' || access === 'read') return found;
    const district = await this.geography.findDistrict(found.districtCode);
    const where = district ? `${district.name} district` : 'another district';
    throw forbidden(`this child was transferred to ${where} (s.95); your office keeps sight of the record, but only the bodies of ${where} act on it now`);
  }

  /** `work` within the principal's jurisdiction; `read` for an office that keeps sight of it after a transfer (s.95); null otherwise. */
  private async sightOf(principal: Principal, c: CaseRow): Promise<'work' | 'read' | null> {
    if (this.access.mayWork(principal, c)) return 'work';
    return this.access.keepsSightOf(principal, c, await this.cases.formerPlaces(c.id)) ? 'read' : null;
  }

  /** Whether the principal only keeps sight of the case (a transfer moved it out of their jurisdiction): they read it, nothing more. */
  private readOnly(principal: Principal, c: CaseRow): boolean {
    return !this.access.mayWork(principal, c);
  }

  /** 410 when the case's records were destroyed under s.24(2): for what was linked to it (its reports). */
  async refuseIfDestroyed(caseId: string): Promise<void> {
    const row = await this.cases.findById(caseId);
    if (row?.destroyedAt) throw recordsDestroyed(row.caseNumber, row.destroyedAt);
  }

  /** The case row, 404 unless the principal may know it (a sender after a transfer reads it too), whether or not its records were destroyed (the destruction status). */
  async visibleEvenDestroyed(principal: Principal, caseId: string): Promise<CaseRow> {
    const found = await this.cases.findById(caseId);
    if (!found || !(await this.sightOf(principal, found))) throw notFound('case', caseId);
    return found;
  }

  /** A read of the case's record that shows the child (the case, its timeline, its admissions), audited on the case's chain of reads. */
  auditRead(principal: Principal, caseId: string, action: string): Promise<void> {
    return this.reads.record(principal, 'case', caseId, action);
  }
}

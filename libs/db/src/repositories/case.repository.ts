import type { CaseMilestones, DeadlineChanges, Escalation, OpenDeadline } from '@raksha/domain';
import type { Db, DbTransaction } from '../client.js';
import { Prisma } from '../generated/client.js';
import { auditEntryInput, type AuditRecord } from '../audit-chain.js';
import { openedStepPayload, sealedStepPayload } from '../sealed-fields.js';
import type { Sealer } from '../sealing.js';
import { AdmissionRepository, type StayChangeRecord } from './admission.repository.js';

export interface CaseRegistrationRecord {
  track: string;
  districtCode: string;
  stateCode: string;
  thanaCode?: string | null;
  blockCode?: string | null;
  villageCode?: string | null;
  childName: string | null;
  /** the name search's keys of the child's name (libs/matching nameSearchKeys) */
  nameKeys?: string[];
  /** the child's name keys for the duplicate search (Case.childKeys) */
  childKeys?: string[];
  registeredAt: Date;
  registeredBy: string | null;
}

/** A deadline as the case row keeps it: the public shape of libs/domain. */
export type OpenDeadlineRecord = OpenDeadline;

/** What every timeline step carries; `(caseId, sequence)` makes a retried write a no-op. */
interface TimelineStep {
  caseId: string;
  sequence: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorRole: string | null;
  /** The body the actor acted for and their address, as the request recorded them: the access log shows both. */
  actorBodyId?: string;
  actorFrom?: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  deadlines?: DeadlineChanges;
  /** a step replayed from a legacy register when the case was imported: the register's name */
  importedFrom?: string;
}

/** One step of a case's life as the workflow decided it; sequence 0 is the registration. */
export interface TransitionRecord extends TimelineStep {
  phase: string;
  /** Where the case stands after the step: a hand-off changes the track, an escorted transfer the district. */
  jurisdiction?: { track: string; districtCode: string; stateCode: string };
  /** Where an escorted transfer moved the case from: kept as a former place of the case (CaseFormerPlace). */
  movedFrom?: { districtCode: string; stateCode: string };
  openDeadlines: OpenDeadlineRecord[];
  deadlines?: DeadlineChanges;
  milestones?: CaseMilestones<Date>;
  registration?: CaseRegistrationRecord;
  /** The admission or discharge the step's order brings: written in the step's transaction. */
  stay?: StayChangeRecord;
}

/** A missed deadline raised to one rung of the ladder. */
export interface EscalationRecord extends TimelineStep {
  escalation: Escalation<Date>;
}

export interface EscalationActionRecord extends TimelineStep {
  escalationId: string;
  action: 'ACKNOWLEDGE' | 'RESOLVE';
  note: string | null;
}

/** Who in the case's body works it now (CASE_ASSIGNED on the timeline); null: released to its queue (CASE_RELEASED). */
export interface AssignmentRecord extends TimelineStep {
  assigneeId: string | null;
}

export interface CaseListFilter {
  /** the case's readable number */
  caseNumber?: string;
  /** cases whose child's names carry every one of these name-search keys (libs/matching nameSearchKeys) */
  nameKeys?: string[];
  /** cases with a guardian whose name carries every one of these keys */
  guardianKeys?: string[];
  stateCode?: string;
  districtCode?: string;
  thanaCode?: string;
  blockCode?: string;
  track?: string;
  phase?: string;
  /** only cases with a deadline due before this time */
  overdueAt?: Date;
  registeredFrom?: Date;
  registeredTo?: Date;
  after?: { registeredAt: Date; id: string };
  limit: number;
}

type StepKind = 'registration' | 'transition' | 'escalation' | 'escalationAction' | 'assignment';

/** PostgreSQL's unique_violation, as Prisma reports it from a model query (P2002) or a raw one (P2010). */
function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === 'P2002') return true;
  const meta = JSON.stringify(err.meta ?? {});
  return err.code === 'P2010' && (meta.includes('23505') || meta.includes('UniqueConstraintViolation'));
}

export class CaseRepository {
  private readonly admissions: AdmissionRepository;

  /** `sealer`: seals a CICL case's offence details on its timeline (SEALED_STEP_FIELDS, docs/sealed-fields.md). */
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {
    this.admissions = new AdmissionRepository(db);
  }

  /** Case row, timeline entry and audit entry in one transaction; false when already written. */
  recordTransition(t: TransitionRecord): Promise<boolean> {
    const nextDueAt = t.openDeadlines.map((d) => d.dueAt).sort()[0] ?? null;
    const projection = { state: t.toState, phase: t.phase, nextDueAt, openDeadlines: t.openDeadlines };
    const { milestones, stay, ...step } = t;
    if (t.registration) {
      const r = t.registration;
      return this.writeStep('registration', step, 'case.registered', {
        case: {
          ...projection,
          track: r.track,
          districtCode: r.districtCode,
          stateCode: r.stateCode,
          thanaCode: r.thanaCode ?? null,
          blockCode: r.blockCode ?? null,
          villageCode: r.villageCode ?? null,
          childName: r.childName,
          ...(r.nameKeys && { nameKeys: r.nameKeys }),
          childKeys: r.childKeys ?? [],
          registeredAt: r.registeredAt,
          registeredBy: r.registeredBy,
        },
      });
    }
    const { movedFrom, ...transition } = step;
    // The database also marks the case's unmet escalations whose deadline is no longer open as met (metAt).
    // What a transition brings along is written in the step's transaction and only with it, so a retry writes neither twice:
    // the admission an order's placement makes or ends, and the place a transfer moved the case from.
    const alongside = stay || movedFrom
      ? async (tx: DbTransaction) => {
          if (stay) await this.admissions.followOrder(tx, transition, stay);
          if (movedFrom) await tx.caseFormerPlace.create({ data: { caseId: t.caseId, sequence: t.sequence, ...movedFrom, movedAt: t.occurredAt } });
        }
      : undefined;
    return this.writeStep('transition', transition, `case.event.${t.eventType}`, { case: { ...projection, ...t.jurisdiction, milestones: milestones ?? {} } }, alongside);
  }

  /** The places a case was in before transfers moved it, oldest first. */
  formerPlaces(caseId: string): Promise<{ stateCode: string; districtCode: string }[]> {
    return this.db.caseFormerPlace.findMany({ where: { caseId }, select: { stateCode: true, districtCode: true }, orderBy: { sequence: 'asc' } });
  }

  /** Escalation row, timeline entry and audit entry in one transaction; false when already written. */
  recordEscalation(e: EscalationRecord): Promise<boolean> {
    return this.writeStep('escalation', e, 'case.escalated', { escalation: e.escalation });
  }

  /** Acknowledgement or resolution of an escalation; the miss itself stays as it was recorded. */
  recordEscalationAction(a: EscalationActionRecord): Promise<boolean> {
    return this.writeStep('escalationAction', a, `escalation.${a.action.toLowerCase()}`, {
      action: { escalationId: a.escalationId, action: a.action, note: a.note },
    });
  }

  /** The case's assignee, its timeline entry and audit entry in one transaction; false when already written. */
  recordAssignment(a: AssignmentRecord): Promise<boolean> {
    return this.writeStep('assignment', a, a.assigneeId ? 'case.assigned' : 'case.released', { assignment: { assigneeId: a.assigneeId } });
  }

  /**
   * One statement, one round trip: raksha_record_case_step (prisma/sql/functions/raksha_record_case_step.sql)
   * writes the projection, the timeline entry and the next link of the case's audit chain in one
   * transaction, under the chain's advisory lock, and nothing when (caseId, sequence) is on record.
   * The case row's sequence counts every timeline step, so the audit verifier knows the chain's length.
   */
  private async writeStep(kind: StepKind, step: TimelineStep, auditAction: string, projection: Record<string, unknown>, alongside?: (tx: DbTransaction) => Promise<void>): Promise<boolean> {
    // Offence details sealed on the timeline, and left out of the audit chain (which can never be re-sealed).
    const payload = sealedStepPayload(this.sealer, step);
    const audit: AuditRecord = {
      chain: `case:${step.caseId}`,
      action: auditAction,
      actorId: step.actorId,
      actorRole: step.actorRole,
      subjectType: 'case',
      subjectId: step.caseId,
      // `from` is the state the case left; the actor's address goes as `address` (AccessLogRow.address).
      detail: {
        sequence: step.sequence,
        event: step.eventType,
        from: step.fromState,
        to: step.toState,
        payload: payload.audited,
        ...(step.actorBodyId && { bodyId: step.actorBodyId }),
        ...(step.actorFrom && { address: step.actorFrom }),
        ...(step.importedFrom !== undefined && { importedFrom: step.importedFrom }),
      },
      at: step.occurredAt,
    };
    const input = {
      kind,
      caseId: step.caseId,
      sequence: step.sequence,
      timeline: {
        eventType: step.eventType,
        fromState: step.fromState,
        toState: step.toState,
        actorId: step.actorId,
        actorRole: step.actorRole,
        payload: payload.stored,
        deadlines: step.deadlines,
        occurredAt: step.occurredAt,
        ...(step.importedFrom !== undefined && { importedFrom: step.importedFrom }),
      },
      audit: auditEntryInput(audit),
      ...projection,
    };
    const write = async (db: Db | DbTransaction) => {
      const rows = await db.$queryRaw<{ written: boolean }[]>`SELECT raksha_record_case_step(${JSON.stringify(input)}::jsonb) AS written`;
      return rows[0]?.written === true;
    };
    try {
      if (!alongside) return await write(this.db);
      // What the step brings along (an admission) is written only with the step, so a retry writes neither twice.
      return await this.db.$transaction(async (tx) => {
        const written = await write(tx);
        if (written) await alongside(tx);
        return written;
      });
    } catch (err) {
      // A concurrent write of the same step won the unique (caseId, sequence) or the case's id: already written.
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** A page of cases, newest registration first; `after` is the last row of the previous page. */
  list(f: CaseListFilter) {
    return this.db.case.findMany({
      where: {
        // a case merged into another as a duplicate is listed as that one; one whose records were destroyed (s.24(2)) not at all
        mergedIntoId: null,
        destroyedAt: null,
        ...(f.caseNumber !== undefined && { caseNumber: f.caseNumber }),
        ...(f.nameKeys && { nameKeys: { hasEvery: f.nameKeys } }),
        ...(f.guardianKeys && { guardianKeys: { hasEvery: f.guardianKeys } }),
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.thanaCode !== undefined && { thanaCode: f.thanaCode }),
        ...(f.blockCode !== undefined && { blockCode: f.blockCode }),
        ...(f.track && { track: f.track }),
        ...(f.phase && { phase: f.phase }),
        ...(f.overdueAt && { nextDueAt: { lt: f.overdueAt } }),
        ...((f.registeredFrom || f.registeredTo) && {
          registeredAt: { ...(f.registeredFrom && { gte: f.registeredFrom }), ...(f.registeredTo && { lt: f.registeredTo }) },
        }),
        ...(f.after && {
          OR: [{ registeredAt: { lt: f.after.registeredAt } }, { registeredAt: f.after.registeredAt, id: { lt: f.after.id } }],
        }),
      },
      orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
    });
  }

  /** Open cases with a deadline running, soonest due first: what a body must act on next. `after` is the last row of the previous page. */
  queue(f: { stateCode?: string; districtCode?: string; thanaCode?: string; tracks?: string[]; after?: { nextDueAt: Date; id: string }; limit: number }) {
    return this.db.case.findMany({
      where: {
        // a case merged into another as a duplicate is listed as that one
        mergedIntoId: null,
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.thanaCode !== undefined && { thanaCode: f.thanaCode }),
        ...(f.tracks && { track: { in: f.tracks } }),
        nextDueAt: { not: null },
        phase: { not: 'CLOSED' },
        ...(f.after && {
          OR: [{ nextDueAt: { gt: f.after.nextDueAt } }, { nextDueAt: f.after.nextDueAt, id: { gt: f.after.id } }],
        }),
      },
      orderBy: [{ nextDueAt: 'asc' }, { id: 'asc' }],
      take: f.limit,
    });
  }

  /** Open cases assigned to a person, latest assigned first; `after` is the last row of the previous page. */
  assignedTo(f: { assigneeId: string; after?: { assignedAt: Date; id: string }; limit: number }) {
    return this.db.case.findMany({
      where: {
        assigneeId: f.assigneeId,
        phase: { not: 'CLOSED' },
        ...(f.after && {
          OR: [{ assignedAt: { lt: f.after.assignedAt } }, { assignedAt: f.after.assignedAt, id: { lt: f.after.id } }],
        }),
      },
      orderBy: [{ assignedAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
    });
  }

  findById(caseId: string) {
    return this.db.case.findUnique({ where: { id: caseId } });
  }

  /** Named cases without name keys (registered before cases kept them), in id order after `after`: what keying reads. */
  unkeyed(after: string | null, limit: number) {
    return this.db.case.findMany({
      where: { childKeys: { isEmpty: true }, childName: { not: null }, ...(after !== null && { id: { gt: after } }) },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, childName: true, stateCode: true, districtCode: true, registeredAt: true },
    });
  }

  /** Writes cases' name keys in one statement; a case keyed meanwhile (by another worker, the same keys) is left alone. */
  async setChildKeys(rows: readonly { id: string; childKeys: readonly string[] }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.$executeRawUnsafe(
      `UPDATE "Case" AS c SET "childKeys" = string_to_array(u.keys, '|') FROM unnest($1::uuid[], $2::text[]) AS u(id, keys)
       WHERE c.id = u.id AND c."childKeys" = '{}'`,
      rows.map((r) => r.id),
      // '|' joins a case's keys into one text per row (unnest flattens arrays of arrays); keys are letters only.
      rows.map((r) => r.childKeys.join('|')),
    );
  }

  /** The case with this readable number (RJ/JAIPUR/2026/123; unique, given once). */
  /** Cases registered before the name search kept keys: a named child with no profile and no keys, by id after `after`. */
  unkeyedNames(after: string | null, limit: number) {
    return this.db.case.findMany({
      where: { childName: { not: null }, profileVersion: 0, nameKeys: { isEmpty: true }, ...(after && { id: { gt: after } }) },
      select: { id: true, childName: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  /** The name search's keys of a case's child, where they were never written. */
  async setNameKeys(id: string, nameKeys: string[]): Promise<void> {
    await this.db.case.updateMany({ where: { id, profileVersion: 0 }, data: { nameKeys } });
  }

  findByNumber(caseNumber: string) {
    return this.db.case.findUnique({ where: { caseNumber } });
  }

  /** A person's open assignments, whatever their jurisdiction: what is released when they leave their body. */
  openAssignmentsOf(assigneeId: string) {
    return this.db.case.findMany({ where: { assigneeId, phase: { not: 'CLOSED' } }, select: { id: true }, orderBy: { id: 'asc' } });
  }

  /** The case's steps, oldest first, their sealed details opened. */
  async timeline(caseId: string) {
    const rows = await this.db.timelineEntry.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } });
    return rows.map((r) => ({ ...r, payload: openedStepPayload(this.sealer, r) as Prisma.JsonValue }));
  }

  escalations(caseId: string) {
    return this.db.escalation.findMany({ where: { caseId }, orderBy: [{ raisedAt: 'asc' }, { rung: 'asc' }] });
  }
}

import { auditEntryInput } from '../audit-chain.js';
import type { Db, DbTransaction } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository } from './audit.repository.js';
import type { BodyRecord } from './body.repository.js';

export interface CapacityRecord {
  gender: string;
  ageBand: string;
  sanctioned: number;
}

/** A child care institution: its Body row, its Institution row and its capacities; dates as YYYY-MM-DD. */
export interface InstitutionRecord {
  id: string;
  type: string;
  level: string;
  name: string;
  stateCode: string;
  districtCode: string;
  address: string | null;
  phone: string | null;
  kind: string;
  management: string;
  registrationNo: string | null;
  registeredFrom: string | null;
  registeredUntil: string | null;
  infrastructure: Record<string, boolean>;
  capacities: CapacityRecord[];
  version: number;
}

export type NewInstitution = Omit<InstitutionRecord, 'type' | 'level' | 'version'>;
/** What a change may touch: never the id or the place. */
export type InstitutionChanges = Partial<Omit<NewInstitution, 'id' | 'stateCode' | 'districtCode'>>;

export interface InstitutionFilter {
  stateCode?: string;
  districtCode?: string;
  kind?: string;
  management?: string;
  /** registrations whose last valid day is before this date (YYYY-MM-DD) */
  registeredUntilBefore?: string;
  /** the last id of the previous page */
  afterId?: string;
  limit: number;
}

export interface MemberRecord {
  id: string;
  name: string;
  designation: string;
  termFrom: string;
  termTo: string | null;
  /** the account of the seat's holder (their term of office is this seat's), or null */
  userId: string | null;
}

export interface BodyRosterRecord extends BodyRecord {
  address: string | null;
  phone: string | null;
  sittingDays: string[];
  members: MemberRecord[];
  /** ISO time the body was deactivated, or null */
  deactivatedAt: string | null;
  version: number;
}

/** A body an administrator creates (a CCI is created through the institutions registry instead). */
export interface NewBody extends BodyRecord {
  address: string | null;
  phone: string | null;
}

/** What an administrator's edit may change. */
export type BodyChanges = Partial<Pick<NewBody, 'name' | 'address' | 'phone'>>;

export interface BodyFilter {
  type?: string;
  stateCode?: string;
  districtCode?: string;
  /** bodies serving this district, and the state and national bodies above it */
  servingDistrict?: { stateCode: string; districtCode: string };
  afterId?: string;
  limit: number;
}

/** Who changed the registry, for the audit entry the change writes in the same transaction. */
export interface RegistryChange {
  action: string;
  actorId: string;
  actorRole: string;
  at: Date;
}

export type CreateOutcome = { ok: true; created: InstitutionRecord[] } | { ok: false; reason: 'DUPLICATE_ID'; ids: string[] };
export type ChangeOutcome<T> = { ok: true; before: T; after: T } | { ok: false; reason: 'NOT_FOUND' } | { ok: false; reason: 'STALE_VERSION'; version: number };

export interface RegistryAuditEntry {
  position: number;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  at: Date;
  detail: unknown;
}

/** The audit chain of one body's registry record: every change to it, with before and after. */
export const registryChain = (bodyId: string) => `registry:${bodyId}`;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const dateOf = (s: string | null | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

const institutionInclude = { body: true, capacities: { orderBy: [{ gender: 'asc' }, { ageBand: 'asc' }] } } satisfies Prisma.InstitutionInclude;
type InstitutionRow = Prisma.InstitutionGetPayload<{ include: typeof institutionInclude }>;

function institutionRecord(row: InstitutionRow): InstitutionRecord {
  return {
    id: row.bodyId,
    type: row.body.type,
    level: row.body.level,
    name: row.body.name,
    stateCode: row.body.stateCode ?? '',
    districtCode: row.body.districtCode ?? '',
    address: row.body.address,
    phone: row.body.phone,
    kind: row.kind,
    management: row.management,
    registrationNo: row.registrationNo,
    registeredFrom: day(row.registeredFrom),
    registeredUntil: day(row.registeredUntil),
    infrastructure: (row.infrastructure ?? {}) as Record<string, boolean>,
    capacities: row.capacities.map((c) => ({ gender: c.gender, ageBand: c.ageBand, sanctioned: c.sanctioned })),
    version: row.body.version,
  };
}

const bodyInclude = { members: { orderBy: [{ termFrom: 'asc' }, { name: 'asc' }] } } satisfies Prisma.BodyInclude;
type BodyRow = Prisma.BodyGetPayload<{ include: typeof bodyInclude }>;

function rosterRecord(row: BodyRow): BodyRosterRecord {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    level: row.level,
    stateCode: row.stateCode,
    districtCode: row.districtCode,
    thanaCode: row.thanaCode,
    address: row.address,
    phone: row.phone,
    sittingDays: row.sittingDays,
    members: row.members.map((m) => ({ id: m.id, name: m.name, designation: m.designation, termFrom: day(m.termFrom)!, termTo: day(m.termTo), userId: m.userId })),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    version: row.version,
  };
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/** Bumps the body's version if it is still `expected`; false when it has moved on. */
async function bumpVersion(tx: DbTransaction, id: string, expected: number): Promise<boolean> {
  const { count } = await tx.body.updateMany({ where: { id, version: expected }, data: { version: { increment: 1 } } });
  return count === 1;
}

/** Child care institutions as the registry keeps them; every change audited with before and after. */
export class InstitutionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  async findById(id: string, tx: DbTransaction | Db = this.db): Promise<InstitutionRecord | null> {
    const row = await tx.institution.findUnique({ where: { bodyId: id }, include: institutionInclude });
    return row ? institutionRecord(row) : null;
  }

  /** Ordered by id; pass the last id of a page as `afterId` for the next. */
  async list(f: InstitutionFilter): Promise<InstitutionRecord[]> {
    const rows = await this.db.institution.findMany({
      where: {
        ...(f.kind && { kind: f.kind }),
        ...(f.management && { management: f.management }),
        ...(f.registeredUntilBefore && { registeredUntil: { lt: dateOf(f.registeredUntilBefore)! } }),
        ...(f.afterId && { bodyId: { gt: f.afterId } }),
        body: { ...(f.stateCode !== undefined && { stateCode: f.stateCode }), ...(f.districtCode !== undefined && { districtCode: f.districtCode }) },
      },
      include: institutionInclude,
      orderBy: { bodyId: 'asc' },
      take: f.limit,
    });
    return rows.map(institutionRecord);
  }

  /** Which of these ids some body (an institution or not) already has. */
  async takenIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.body.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** The bodies already holding these ids, with what tells an institution on record from another body under its id. */
  bodiesHolding(ids: string[]): Promise<{ id: string; type: string; name: string; districtCode: string | null }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.body.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, name: true, districtCode: true } });
  }

  /** Creates every institution (body, institution, capacities, audit entry) or none. */
  async create(institutions: NewInstitution[], change: RegistryChange): Promise<CreateOutcome> {
    try {
      const created = await this.db.$transaction(
        async (tx) => {
          const bodies = institutions.map((i) => ({
            id: i.id,
            type: 'CCI',
            name: i.name,
            level: 'DISTRICT',
            stateCode: i.stateCode,
            districtCode: i.districtCode,
            address: i.address,
            phone: i.phone,
          }));
          await tx.body.createMany({ data: bodies });
          await tx.institution.createMany({
            data: institutions.map((i) => ({
              bodyId: i.id,
              kind: i.kind,
              management: i.management,
              registrationNo: i.registrationNo,
              registeredFrom: dateOf(i.registeredFrom),
              registeredUntil: dateOf(i.registeredUntil),
              infrastructure: i.infrastructure,
            })),
          });
          await tx.institutionCapacity.createMany({ data: institutions.flatMap((i) => i.capacities.map((c) => ({ institutionId: i.id, ...c }))) });
          const rows = await tx.institution.findMany({ where: { bodyId: { in: institutions.map((i) => i.id) } }, include: institutionInclude });
          const byId = new Map(rows.map((r) => [r.bodyId, institutionRecord(r)]));
          const records = institutions.map((i) => byId.get(i.id)!);
          await this.appendCreations(tx, records, change);
          return records;
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
      return { ok: true, created };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return { ok: false, reason: 'DUPLICATE_ID', ids: await this.takenIds(institutions.map((i) => i.id)) };
    }
  }

  /** Applies the changes if the institution is still at `expectedVersion`, bumping it; audited. */
  update(id: string, expectedVersion: number, changes: InstitutionChanges, change: RegistryChange): Promise<ChangeOutcome<InstitutionRecord>> {
    return this.db.$transaction(async (tx) => {
      const before = await this.findById(id, tx);
      if (!before) return { ok: false, reason: 'NOT_FOUND' };
      if (before.version !== expectedVersion || !(await bumpVersion(tx, id, expectedVersion))) {
        return { ok: false, reason: 'STALE_VERSION', version: (await this.findById(id, tx))?.version ?? before.version };
      }
      const c = changes;
      await tx.body.update({
        where: { id },
        data: { ...(c.name !== undefined && { name: c.name }), ...(c.address !== undefined && { address: c.address }), ...(c.phone !== undefined && { phone: c.phone }) },
      });
      await tx.institution.update({
        where: { bodyId: id },
        data: {
          ...(c.kind !== undefined && { kind: c.kind }),
          ...(c.management !== undefined && { management: c.management }),
          ...(c.registrationNo !== undefined && { registrationNo: c.registrationNo }),
          ...(c.registeredFrom !== undefined && { registeredFrom: dateOf(c.registeredFrom) }),
          ...(c.registeredUntil !== undefined && { registeredUntil: dateOf(c.registeredUntil) }),
          ...(c.infrastructure !== undefined && { infrastructure: c.infrastructure }),
        },
      });
      if (c.capacities !== undefined) {
        await tx.institutionCapacity.deleteMany({ where: { institutionId: id } });
        await tx.institutionCapacity.createMany({ data: c.capacities.map((cap) => ({ institutionId: id, ...cap })) });
      }
      const after = (await this.findById(id, tx))!;
      await this.appendChange(tx, id, 'institution', change, before, after);
      return { ok: true, before, after };
    });
  }

  /**
   * One audit entry per new institution. A new body's chain is almost always new too, so its first entries
   * are written at once (thousands in an import); a chain left from an earlier body of that id is appended to.
   */
  private async appendCreations(tx: DbTransaction, records: InstitutionRecord[], change: RegistryChange): Promise<void> {
    const chains = records.map((r) => registryChain(r.id));
    const used = new Set((await tx.auditEntry.findMany({ where: { chain: { in: chains } }, distinct: ['chain'], select: { chain: true } })).map((e) => e.chain));
    const first = records
      .filter((r) => !used.has(registryChain(r.id)))
      .map((after) => auditEntryInput({ chain: registryChain(after.id), ...change, subjectType: 'institution', subjectId: after.id, detail: { before: null, after } }));
    // Each a chain's first entry: no lock to take, the unique (chain, position) stops a concurrent first writer.
    await tx.$executeRaw`SELECT raksha_append_audit_entry(e) FROM jsonb_array_elements(${JSON.stringify(first)}::jsonb) AS e`;
    for (const after of records.filter((r) => used.has(registryChain(r.id)))) await this.appendChange(tx, after.id, 'institution', change, null, after);
  }

  /** The registry's audit chain of a body, oldest first. */
  async history(bodyId: string): Promise<RegistryAuditEntry[]> {
    const rows = await this.db.auditEntry.findMany({ where: { chain: registryChain(bodyId) }, orderBy: { position: 'asc' } });
    return rows.map((r) => ({ position: r.position, action: r.action, actorId: r.actorId, actorRole: r.actorRole, at: r.at, detail: r.detail }));
  }

  appendChange(tx: DbTransaction, bodyId: string, subjectType: string, change: RegistryChange, before: unknown, after: unknown): Promise<void> {
    return this.audit.append(tx, {
      chain: registryChain(bodyId),
      action: change.action,
      actorId: change.actorId,
      actorRole: change.actorRole,
      subjectType,
      subjectId: bodyId,
      detail: { before, after } as Record<string, unknown>,
      at: change.at,
    });
  }
}

/** The bodies of the system as the registry shows them: their members and sitting days. */
export class BodyRosterRepository {
  constructor(
    private readonly db: Db,
    private readonly institutions = new InstitutionRepository(db),
  ) {}

  async findById(id: string, tx: DbTransaction | Db = this.db): Promise<BodyRosterRecord | null> {
    const row = await tx.body.findUnique({ where: { id }, include: bodyInclude });
    return row ? rosterRecord(row) : null;
  }

  async list(f: BodyFilter): Promise<BodyRosterRecord[]> {
    const serving = f.servingDistrict;
    const rows = await this.db.body.findMany({
      where: {
        ...(f.type && { type: f.type }),
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.afterId && { id: { gt: f.afterId } }),
        ...(serving && {
          OR: [{ districtCode: serving.districtCode }, { level: 'STATE', stateCode: serving.stateCode }, { level: 'NATIONAL' }],
        }),
      },
      include: bodyInclude,
      orderBy: { id: 'asc' },
      take: f.limit,
    });
    return rows.map(rosterRecord);
  }

  /** Of these accounts, those of the body's active people in `role`: who may hold a seat on its roster. */
  async seatableAccounts(bodyId: string, role: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.db.user.findMany({ where: { id: { in: ids }, bodyId, disabledAt: null, roles: { has: role } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Replaces the body's members if it is still at `expectedVersion` (any, when undefined); audited. */
  replaceMembers(
    id: string,
    expectedVersion: number | undefined,
    members: (Omit<MemberRecord, 'id'> & { id: string })[],
    change: RegistryChange,
  ): Promise<ChangeOutcome<BodyRosterRecord>> {
    return this.change(id, expectedVersion, change, async (tx) => {
      await tx.bodyMember.deleteMany({ where: { bodyId: id } });
      await tx.bodyMember.createMany({
        data: members.map((m) => ({ id: m.id, bodyId: id, name: m.name, designation: m.designation, termFrom: dateOf(m.termFrom)!, termTo: dateOf(m.termTo), userId: m.userId })),
      });
    });
  }

  replaceSittingDays(id: string, expectedVersion: number | undefined, sittingDays: string[], change: RegistryChange): Promise<ChangeOutcome<BodyRosterRecord>> {
    return this.change(id, expectedVersion, change, async (tx) => {
      await tx.body.update({ where: { id }, data: { sittingDays } });
    });
  }

  /** Creates the body with its first audit entry; null when a body of this id exists already. */
  async create(body: NewBody, change: RegistryChange): Promise<BodyRosterRecord | null> {
    try {
      return await this.db.$transaction(async (tx) => {
        await tx.body.create({ data: body });
        const after = (await this.findById(body.id, tx))!;
        await this.institutions.appendChange(tx, body.id, 'body', change, null, after);
        return after;
      });
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /** Name, address or phone, if the body is still at `expectedVersion` (any, when undefined); audited. */
  update(id: string, expectedVersion: number | undefined, changes: BodyChanges, change: RegistryChange): Promise<ChangeOutcome<BodyRosterRecord>> {
    return this.change(id, expectedVersion, change, async (tx) => {
      await tx.body.update({ where: { id }, data: changes });
    });
  }

  /** Marks the body deactivated (its record, members and history stay); audited. */
  deactivate(id: string, expectedVersion: number | undefined, at: Date, change: RegistryChange): Promise<ChangeOutcome<BodyRosterRecord>> {
    return this.change(id, expectedVersion, change, async (tx) => {
      await tx.body.update({ where: { id }, data: { deactivatedAt: at } });
    });
  }

  /** How many people of the body can still sign in (or are invited to): a body with any is not deactivated. */
  activePeople(id: string): Promise<number> {
    return this.db.user.count({ where: { bodyId: id, disabledAt: null } });
  }

  private change(id: string, expectedVersion: number | undefined, change: RegistryChange, apply: (tx: DbTransaction) => Promise<void>): Promise<ChangeOutcome<BodyRosterRecord>> {
    return this.db.$transaction(async (tx) => {
      let before: BodyRosterRecord | null;
      if (expectedVersion === undefined) {
        // No If-Match: last writer wins, but one at a time (the bump locks the row before it is read).
        const { count } = await tx.body.updateMany({ where: { id }, data: { version: { increment: 1 } } });
        if (count === 0) return { ok: false, reason: 'NOT_FOUND' };
        const locked = (await this.findById(id, tx))!;
        before = { ...locked, version: locked.version - 1 };
      } else {
        before = await this.findById(id, tx);
        if (!before) return { ok: false, reason: 'NOT_FOUND' };
        if (before.version !== expectedVersion || !(await bumpVersion(tx, id, expectedVersion))) {
          return { ok: false, reason: 'STALE_VERSION', version: (await this.findById(id, tx))?.version ?? before.version };
        }
      }
      await apply(tx);
      const after = (await this.findById(id, tx))!;
      await this.institutions.appendChange(tx, id, 'body', change, before, after);
      return { ok: true, before, after };
    });
  }
}

import type { Db } from '../client.js';
import type { Sealer } from '../sealing.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

/** A version of the child's profile to add: the whole profile (sealed before it is stored) and what changed. */
export interface NewChildProfileVersion {
  caseId: string;
  version: number;
  profile: Record<string, unknown>;
  changedFields: string[];
  reason: string | null;
  changedBy: string;
  changedRole: string;
  changedAt: Date;
  /** the name written on the case row for lists (the profile's name) and the name search's keys */
  childName: string | null;
  nameKeys: string[];
  guardianKeys: string[];
}

export interface ChildProfileVersionRecord {
  caseId: string;
  version: number;
  changedFields: string[];
  reason: string | null;
  changedBy: string;
  changedRole: string;
  changedAt: Date;
}

/** The sealed profile opens only on its own case and version: copied to another row, it does not. */
const boundTo = (caseId: string, version: number) => `child-profile:${caseId}:${version}`;

/**
 * The child's profile, version by version: each change adds a sealed version, updates the case's name and search
 * keys, and leaves an entry on the profile's audit chain (`child-profile:<case id>`), in one transaction; nothing is
 * altered or removed.
 */
export class ChildProfileRepository {
  private readonly audit: AuditRepository;

  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {
    this.audit = new AuditRepository(db);
  }

  /** False when the case's profile is no longer at `version - 1` (another change came first): nothing is written. */
  add(v: NewChildProfileVersion, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId' | 'at'>): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const moved = await tx.case.updateMany({
        where: { id: v.caseId, profileVersion: v.version - 1 },
        data: { profileVersion: v.version, childName: v.childName, nameKeys: v.nameKeys, guardianKeys: v.guardianKeys },
      });
      if (moved.count === 0) return false;
      await tx.childProfileVersion.create({
        data: {
          caseId: v.caseId,
          version: v.version,
          sealed: this.sealer.seal(v.profile, boundTo(v.caseId, v.version)),
          changedFields: v.changedFields,
          reason: v.reason,
          changedBy: v.changedBy,
          changedRole: v.changedRole,
          changedAt: v.changedAt,
        },
      });
      // Its own chain, beside the case's steps (`case:<id>`, which the partner feed reads as steps); the case's access log reads both.
      await this.audit.append(tx, { ...audit, chain: `child-profile:${v.caseId}`, subjectType: 'case', subjectId: v.caseId, at: v.changedAt });
      return true;
    });
  }

  /** The current version, opened; null for a case registered before profiles were kept. */
  async current(caseId: string): Promise<(ChildProfileVersionRecord & { profile: Record<string, unknown> }) | null> {
    const row = await this.db.childProfileVersion.findFirst({ where: { caseId }, orderBy: { version: 'desc' } });
    if (!row) return null;
    const { sealed, ...rest } = row;
    return { ...rest, profile: this.sealer.open(sealed, boundTo(caseId, row.version)) as Record<string, unknown> };
  }

  /** Every version, newest first: who changed which fields, when and why (the values stay sealed). */
  versions(caseId: string): Promise<ChildProfileVersionRecord[]> {
    return this.db.childProfileVersion.findMany({
      where: { caseId },
      orderBy: { version: 'desc' },
      select: { caseId: true, version: true, changedFields: true, reason: true, changedBy: true, changedRole: true, changedAt: true },
    });
  }
}

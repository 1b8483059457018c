// Face descriptors of report photos: biometric data in a table of their own (FaceDescriptor). Only the matcher holds this
// repository; no API service does, so no route can return a descriptor.
import type { Db } from '../client.js';
import { prismaMatchingSql, type MatchingSql } from '../matching-sql.js';
import { openedBytes, sealedBytes, sealedFieldBinding } from '../sealed-fields.js';
import type { Sealer } from '../sealing.js';
import type { CandidateRow } from './report.repository.js';

export type FaceStatus = 'DESCRIBED' | 'NO_FACE' | 'UNREADABLE';

export interface FaceDescriptorRecord {
  reportId: string;
  kind: 'MISSING' | 'FOUND';
  status: FaceStatus;
  /** 128 numbers when DESCRIBED */
  descriptor: number[] | null;
  model: string;
  detectionScore: number | null;
  faces: number;
  reason: string | null;
  describeMs: number | null;
  computedAt: Date;
}

/** What the photo route searches: reports of the other kind that can be the subject's child, in its state. */
export interface PhotoSearch {
  kind: 'MISSING' | 'FOUND';
  model: string;
  gender: string;
  /** birth years the subject allows, widened by the tolerance; null: no age block */
  birthYearMin: number | null;
  birthYearMax: number | null;
  /** a missing report's last seen date: found reports on or after it; a found report's date: missing reports on or before it */
  occurredAt: Date;
  stateCode: string;
}

/** A descriptor's 128 float32 as stored before descriptors were sealed. */
export const RAW_DESCRIPTOR_BYTES = 512;

/** A stored descriptor: float32 little-endian, 4 bytes a number. */
export function descriptorBytes(descriptor: readonly number[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(descriptor.length * 4);
  const view = new DataView(bytes.buffer);
  descriptor.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

export function descriptorOf(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

const CANDIDATE_SELECT = `r.id, r.kind, r.description, r."occurredAt", r."stateCode", r."districtCode", r."placeText", r.lat, r.lon, r."policeRef", r."caseId"`;

/**
 * Descriptors are sealed at rest like the photos they come from (docs/sealed-fields.md), each bound to its report: a
 * descriptor is as identifying as the face, and none is ever searched by the database (the matcher compares them in
 * Node, docs/faces.md).
 */
export class FaceRepository {
  private readonly sql: MatchingSql;

  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
    sql?: MatchingSql,
  ) {
    this.sql = sql ?? prismaMatchingSql(db);
  }

  private sealed(reportId: string, descriptor: readonly number[]): Uint8Array<ArrayBuffer> {
    return sealedBytes(this.sealer, descriptorBytes(descriptor), sealedFieldBinding.faceDescriptor(reportId));
  }

  /** A descriptor stored before sealing is 512 bytes of floats (a sealed one is longer): it passes through. */
  private opened(reportId: string, stored: Uint8Array): number[] {
    return descriptorOf(stored.length === RAW_DESCRIPTOR_BYTES ? stored : openedBytes(this.sealer, stored, sealedFieldBinding.faceDescriptor(reportId)));
  }

  /** Writes a report's descriptor (or why it has none); a second write for the same report replaces the first. */
  async save(r: FaceDescriptorRecord): Promise<void> {
    const data = {
      kind: r.kind,
      status: r.status,
      descriptor: r.descriptor ? this.sealed(r.reportId, r.descriptor) : null,
      model: r.model,
      detectionScore: r.detectionScore,
      faces: r.faces,
      reason: r.reason,
      describeMs: r.describeMs,
      computedAt: r.computedAt,
    };
    await this.db.faceDescriptor.upsert({ where: { reportId: r.reportId }, create: { reportId: r.reportId, ...data }, update: data });
  }

  async find(reportId: string): Promise<FaceDescriptorRecord | null> {
    const row = await this.db.faceDescriptor.findUnique({ where: { reportId } });
    if (!row) return null;
    return { ...row, kind: row.kind as FaceDescriptorRecord['kind'], status: row.status as FaceStatus, descriptor: row.descriptor ? this.opened(reportId, row.descriptor) : null };
  }

  /** The descriptors of these reports computed by `model`, by report id (reports without one are absent). */
  async descriptorsOf(reportIds: readonly string[], model: string): Promise<Map<string, number[]>> {
    if (reportIds.length === 0) return new Map();
    const rows = await this.sql.query<{ reportId: string; descriptor: Uint8Array }>(
      `SELECT "reportId", descriptor FROM "FaceDescriptor" WHERE "reportId" = ANY($1::uuid[]) AND model = $2 AND status = 'DESCRIBED'`,
      [[...reportIds], model],
    );
    return new Map(rows.map((r) => [r.reportId, this.opened(r.reportId, r.descriptor)]));
  }

  /**
   * Every open report of the other kind with a described face that can be the subject's child (gender, age, dates, the
   * same state), with its descriptor: the matcher keeps the nearest. Brute force within the block (docs/faces.md).
   */
  async photoCandidates(s: PhotoSearch): Promise<(CandidateRow & { descriptor: number[] })[]> {
    const rows = await this.sql.query<CandidateRow & { descriptor: Uint8Array }>(
      `SELECT ${CANDIDATE_SELECT}, f.descriptor FROM "FaceDescriptor" f JOIN "ChildReport" r ON r.id = f."reportId"
       WHERE f.kind = $1 AND f.model = $2 AND f.status = 'DESCRIBED' AND r.status = 'OPEN' AND r."stateCode" = $3
         AND ($4::text IN ('UNKNOWN', 'TRANSGENDER') OR r.gender IN ($4::text, 'UNKNOWN', 'TRANSGENDER'))
         AND ($5::int IS NULL OR r."birthYearMax" IS NULL OR (r."birthYearMax" >= $5::int AND r."birthYearMin" <= $6::int))
         AND (CASE WHEN $1::text = 'FOUND' THEN r."occurredAt" >= date_trunc('day', $7::timestamptz)
                   ELSE r."occurredAt" < date_trunc('day', $7::timestamptz) + interval '1 day' END)`,
      [s.kind, s.model, s.stateCode, s.gender, s.birthYearMin, s.birthYearMax, s.occurredAt],
    );
    return rows.map((r) => ({ ...r, descriptor: this.opened(r.id, r.descriptor) }));
  }
}

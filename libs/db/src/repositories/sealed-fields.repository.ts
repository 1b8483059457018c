// Every sealed field, as the re-seal job walks them after a key rotation (docs/sealed-fields.md): values wrapped by a
// retired key are rewrapped with the current one, values of the first format (v1) become envelopes, and values stored in
// clear before the field was sealed are sealed.
import type { Db } from '../client.js';
import { isSealedBytes, sealedFieldBinding as bound } from '../sealed-fields.js';
import { Sealer } from '../sealing.js';
import { RAW_DESCRIPTOR_BYTES } from './face.repository.js';

type Stored = string | Uint8Array | Record<string, unknown> | unknown[];

interface SealedColumn {
  /** how docs/sealed-fields.md names it: Table.column */
  name: string;
  table: string;
  column: string;
  kind: 'text' | 'json' | 'bytes';
  /** the row's key columns, in the order the walk goes */
  key: readonly string[];
  bind: (key: readonly unknown[]) => string;
  /** rows the walk leaves alone (a TOTP secret not yet confirmed: its enrolment compares it as it was written) */
  only?: string;
  /** rows a batch holds: photos are up to 400 kB each */
  batch: number;
  /** bytes of this length are a value stored before sealing (a raw face descriptor), whatever they start with */
  clearLength?: number;
}

const str = (v: unknown) => String(v);

/** The sealed columns of the database. Timeline steps' sealed details (case-step) go by their payload's `sealed` key. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { name: 'ChildReport.reporterContact', table: 'ChildReport', column: 'reporterContact', kind: 'json', key: ['id'], bind: ([id]) => bound.reportContact(str(id)), batch: 200 },
  { name: 'ChildReport.placeText', table: 'ChildReport', column: 'placeText', kind: 'text', key: ['id'], bind: ([id]) => bound.reportPlace(str(id)), batch: 200 },
  { name: 'ChildReport.photo', table: 'ChildReport', column: 'photo', kind: 'bytes', key: ['id'], bind: ([id]) => bound.reportPhoto(str(id)), batch: 20 },
  { name: 'FaceDescriptor.descriptor', table: 'FaceDescriptor', column: 'descriptor', kind: 'bytes', key: ['reportId'], bind: ([id]) => bound.faceDescriptor(str(id)), batch: 200, clearLength: RAW_DESCRIPTOR_BYTES },
  { name: 'ChildProfileVersion.sealed', table: 'ChildProfileVersion', column: 'sealed', kind: 'text', key: ['caseId', 'version'], bind: ([caseId, version]) => bound.childProfile(str(caseId), Number(version)), batch: 100 },
  { name: 'EFileEntry.sealed', table: 'EFileEntry', column: 'sealed', kind: 'text', key: ['id'], bind: ([id]) => bound.efileDetails(str(id)), batch: 200 },
  { name: 'User.totpSecret', table: 'User', column: 'totpSecret', kind: 'text', key: ['id'], bind: ([id]) => bound.totpSecret(str(id)), only: `"totpEnabledAt" IS NOT NULL`, batch: 200 },
  {
    name: 'TimelineEntry.payload.sealed',
    table: 'TimelineEntry',
    column: 'payload',
    kind: 'json',
    key: ['caseId', 'sequence'],
    bind: ([caseId, sequence]) => bound.caseStep(str(caseId), Number(sequence)),
    only: `payload ? 'sealed'`,
    batch: 200,
  },
];

export interface ResealOutcome {
  /** values moved to the current key (or sealed for the first time), by column */
  resealed: Record<string, number>;
  /** values that did not open with any key held (a key dropped from the ring too early), by column: left as they are */
  unopened: Record<string, number>;
}

/** The count of stored values by column and by the key that wraps them (`clear`: stored before the field was sealed). */
export type KeyCensus = Record<string, Record<string, number>>;

const q = (c: string) => `"${c}"`;

/** Re-seals stored values under the current key; finds them by SQL, so a run with nothing to do costs a few index-less scans of key prefixes. */
export class SealedFieldsRepository {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {}

  /** Every column walked once, in key order, batch by batch; a value that changed meanwhile is left for the next run. */
  async resealAll(options: { stopped?: () => boolean } = {}): Promise<ResealOutcome> {
    const outcome: ResealOutcome = { resealed: {}, unopened: {} };
    for (const col of SEALED_COLUMNS) {
      let after: unknown[] | null = null;
      for (;;) {
        if (options.stopped?.()) return outcome;
        const rows = await this.staleRows(col, after);
        if (rows.length === 0) break;
        for (const row of rows) {
          const key = col.key.map((k) => row[k]);
          const stored = row.value as Stored;
          let next: string | Uint8Array;
          try {
            next = this.resealed(col, stored, col.bind(key));
          } catch {
            outcome.unopened[col.name] = (outcome.unopened[col.name] ?? 0) + 1;
            continue;
          }
          if (await this.replace(col, key, stored, next)) outcome.resealed[col.name] = (outcome.resealed[col.name] ?? 0) + 1;
        }
        after = col.key.map((k) => rows.at(-1)![k]);
      }
    }
    return outcome;
  }

  /** How many values each key wraps, column by column: a retired key may leave the ring when no column names it. */
  async census(): Promise<KeyCensus> {
    const out: KeyCensus = {};
    for (const col of SEALED_COLUMNS) {
      const text = this.textOf(col);
      const rows = await this.db.$queryRawUnsafe<{ key: string; n: bigint }[]>(
        `SELECT CASE WHEN ${text} ~ '^v[12][.][0-9a-f]{8}[.]' THEN substring(${text} from 1 for 11) ELSE 'clear' END AS key, count(*) AS n
         FROM ${q(col.table)} WHERE ${q(col.column)} IS NOT NULL ${col.kind === 'json' ? `AND jsonb_typeof(${q(col.column)}) <> 'null'` : ''} ${col.only ? `AND ${col.only}` : ''} GROUP BY 1`,
      );
      out[col.name] = Object.fromEntries(rows.map((r) => [r.key === 'clear' ? 'clear' : `${r.key.slice(0, 2)} ${r.key.slice(3)}`, Number(r.n)]));
    }
    return out;
  }

  /** The column's stored value's first characters as text, for the key prefix test. */
  private textOf(col: SealedColumn): string {
    const c = q(col.column);
    if (col.kind === 'bytes') return `encode(substring(${c} from 1 for 12), 'escape')`;
    if (col.table === 'TimelineEntry') return `(${c} ->> 'sealed')`;
    return col.kind === 'json' ? `(${c} #>> '{}')` : c;
  }

  private async staleRows(col: SealedColumn, after: unknown[] | null): Promise<Record<string, unknown>[]> {
    const current = `v2.${this.sealer.keyId}.`;
    const keyList = col.key.map(q).join(', ');
    const params: unknown[] = [current];
    const stale =
      col.kind === 'bytes'
        ? `substring(${q(col.column)} from 1 for ${current.length}) <> convert_to($1::text, 'UTF8')`
        : `left(${this.textOf(col)}, ${current.length}) IS DISTINCT FROM $1::text`;
    let from = '';
    if (after) {
      const placeholders = after.map((v) => {
        params.push(v);
        return `$${params.length}${typeof v === 'number' ? '::int' : '::uuid'}`;
      });
      from = `AND (${keyList}) > (${placeholders.join(', ')})`;
    }
    return this.db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT ${keyList}, ${q(col.column)} AS value FROM ${q(col.table)}
       WHERE ${q(col.column)} IS NOT NULL ${col.kind === 'json' ? `AND jsonb_typeof(${q(col.column)}) <> 'null'` : ''} ${col.only ? `AND ${col.only}` : ''} AND (${stale}) ${from}
       ORDER BY ${keyList} LIMIT ${col.batch}`,
      ...params,
    );
  }

  private resealed(col: SealedColumn, stored: Stored, boundTo: string): string | Uint8Array {
    if (col.kind === 'bytes') {
      const b = Buffer.from(stored as Uint8Array);
      const sealed = b.length !== col.clearLength && isSealedBytes(b);
      const text = sealed ? this.sealer.reseal(b.toString('utf8'), boundTo) : this.sealer.sealBytes(b, boundTo);
      return new Uint8Array(Buffer.from(text, 'utf8'));
    }
    if (col.table === 'TimelineEntry') {
      const payload = stored as Record<string, unknown>;
      return JSON.stringify({ ...payload, sealed: this.sealer.reseal(String(payload.sealed), boundTo) });
    }
    if (col.kind === 'json') {
      if (typeof stored === 'string' && Sealer.isSealed(stored)) return JSON.stringify(this.sealer.reseal(stored, boundTo));
      return JSON.stringify(this.sealer.seal(stored, boundTo));
    }
    const text = stored as string;
    return Sealer.isSealed(text) ? this.sealer.reseal(text, boundTo) : this.sealer.sealText(text, boundTo);
  }

  /** Writes the re-sealed value only where the row still holds what was read. */
  private async replace(col: SealedColumn, key: readonly unknown[], was: Stored, next: string | Uint8Array): Promise<boolean> {
    const cast = col.kind === 'bytes' ? 'bytea' : col.kind === 'json' ? 'jsonb' : 'text';
    const params: unknown[] = [next, col.kind === 'json' ? JSON.stringify(was) : was];
    const where = col.key.map((k, i) => {
      params.push(key[i]);
      return `${q(k)} = $${params.length}${typeof key[i] === 'number' ? '::int' : '::uuid'}`;
    });
    const n = await this.db.$executeRawUnsafe(
      `UPDATE ${q(col.table)} SET ${q(col.column)} = $1::${cast} WHERE ${where.join(' AND ')} AND ${q(col.column)} = $2::${cast}`,
      ...params,
    );
    return n === 1;
  }
}

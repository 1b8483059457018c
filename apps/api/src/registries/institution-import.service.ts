import { Injectable } from '@nestjs/common';
import { GeographyRepository, InstitutionRepository, type NewInstitution } from '@raksha/db';
import { AGE_BANDS, CAPACITY_GENDERS } from '@raksha/domain';
import { AccessPolicy } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';
import { csvLine } from './csv.js';
import { readImportFile } from './import-file.js';
import { newInstitution } from './institution-records.js';
import { createInstitutionBody, describeIssues, INFRASTRUCTURE_ITEMS, type ImportOutcome, type ImportRejection } from '@raksha/contracts';
import { importRejected } from '../problem/domain-errors.js';
import { RegistrationWatch } from './registration-watch.js';
import { registryChange } from './registry-change.js';

const capacityColumn = (gender: string, ageBand: string) => `capacity_${gender}_${ageBand}`;
const CAPACITY_COLUMNS = CAPACITY_GENDERS.flatMap((g) => AGE_BANDS.map((b) => ({ column: capacityColumn(g, b), gender: g, ageBand: b })));
const PLAIN_COLUMNS = ['id', 'name', 'districtCode', 'kind', 'management', 'registrationNo', 'registeredFrom', 'registeredUntil', 'address', 'phone', 'infrastructure'] as const;
/** Every column an import file may have, in the template's order; any order is accepted. */
export const IMPORT_COLUMNS: readonly string[] = [...PLAIN_COLUMNS, ...CAPACITY_COLUMNS.map((c) => c.column)];
const REQUIRED_COLUMNS = ['name', 'districtCode', 'kind', 'management'] as const;

interface ValidRow {
  line: number;
  institution: NewInstitution;
  /** the column the id came from: `id`, or `name` when generated from it */
  idColumn: 'id' | 'name';
}

/** Bulk import of institutions from CSV: every row valid and written in one transaction, or nothing written; idempotent by id. */
@Injectable()
export class InstitutionImportService {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly geography: GeographyRepository,
    private readonly access: AccessPolicy,
    private readonly watch: RegistrationWatch,
  ) {}

  template(): string {
    return `${csvLine(IMPORT_COLUMNS)}\r\n`;
  }

  async import(principal: Principal, csv: string, dryRun: boolean): Promise<ImportOutcome> {
    const { columns, rows } = readImportFile(csv, { columns: IMPORT_COLUMNS, required: REQUIRED_COLUMNS, template: '/institutions/import/template' });

    const rejected: ImportRejection[] = [];
    const parsed: { line: number; body: ReturnType<typeof createInstitutionBody.parse> }[] = [];
    for (const row of rows) {
      const result = this.readRow(columns, row.fields, row.line);
      if ('problems' in result) rejected.push(...result.problems);
      else parsed.push({ line: row.line, body: result.body });
    }

    // Districts: known, and inside the importer's jurisdiction (looked up once per district named).
    const codes = [...new Set(parsed.map((p) => p.body.districtCode))];
    const districts = new Map((await Promise.all(codes.map((c) => this.geography.findDistrict(c)))).filter((d) => d !== null).map((d) => [d.code, d]));
    const valid: ValidRow[] = [];
    for (const p of parsed) {
      const district = districts.get(p.body.districtCode);
      if (!district) {
        rejected.push({ row: p.line, column: 'districtCode', reason: `no district with code ${p.body.districtCode}` });
      } else if (!this.access.mayKnow(principal, { stateCode: district.stateCode, districtCode: district.code })) {
        rejected.push({ row: p.line, column: 'districtCode', reason: `district ${district.code} is outside your jurisdiction` });
      } else {
        valid.push({ line: p.line, institution: newInstitution(p.body, district), idColumn: p.body.id ? 'id' : 'name' });
      }
    }

    // Ids: unique within the file and not taken by any body already.
    const firstLineOf = new Map<string, number>();
    for (const v of valid) {
      const first = firstLineOf.get(v.institution.id);
      if (first !== undefined) rejected.push({ row: v.line, column: v.idColumn, reason: `id ${v.institution.id} is also the id of line ${first}` });
      else firstLineOf.set(v.institution.id, v.line);
    }
    // Idempotent by id: an institution on record under the row's id, in its district and by its name, is the same one
    // (a file imported again); it is left as it is (an edit is PATCH /institutions/:id). Any other body there refuses the row.
    const holding = new Map((await this.institutions.bodiesHolding([...firstLineOf.keys()])).map((b) => [b.id, b]));
    const fresh: ValidRow[] = [];
    for (const v of valid) {
      const b = holding.get(v.institution.id);
      if (!b) fresh.push(v);
      else if (b.type !== 'CCI' || b.districtCode !== v.institution.districtCode || b.name !== v.institution.name) {
        rejected.push(...this.takenRows([v], [b.id]));
      }
    }

    if (rejected.length) throw importRejected(rows.length, rejected.sort((a, b) => a.row - b.row));
    const ids = valid.map((v) => v.institution.id);
    if (dryRun) return { dryRun: true, imported: 0, valid: valid.length, ids };
    if (fresh.length === 0) return { dryRun: false, imported: 0, valid: valid.length, ids };

    const outcome = await this.institutions.create(
      fresh.map((v) => v.institution),
      registryChange(principal, 'institution.imported'),
    );
    // Another import or create took an id between the check and the write.
    if (!outcome.ok) throw importRejected(rows.length, this.takenRows(fresh, outcome.ids));
    // Starting thousands of watches takes minutes on a small Temporal: they start after the answer.
    void this.watch.tell(outcome.created.filter((i) => i.registeredUntil !== null));
    return { dryRun: false, imported: outcome.created.length, valid: valid.length, ids };
  }

  /** One line as the create request it stands for, or what is wrong with it, column by column. */
  private readRow(columns: string[], fields: string[], line: number): { body: ReturnType<typeof createInstitutionBody.parse> } | { problems: ImportRejection[] } {
    if (fields.length !== columns.length) return { problems: [{ row: line, reason: `the line has ${fields.length} fields, the header ${columns.length}` }] };
    const cell = new Map(columns.map((c, i) => [c, fields[i]!.trim()]));
    const value = (c: string) => cell.get(c) || undefined;
    const problems: ImportRejection[] = [];

    const capacities = CAPACITY_COLUMNS.flatMap(({ column, gender, ageBand }) => {
      const v = value(column);
      if (v === undefined) return [];
      if (!/^\d{1,5}$/.test(v)) {
        problems.push({ row: line, column, reason: `"${v}" is not a whole number of places` });
        return [];
      }
      return [{ gender, ageBand, sanctioned: Number(v) }];
    });
    const infrastructure: Record<string, boolean> = {};
    for (const item of (value('infrastructure') ?? '').split(';').map((s) => s.trim()).filter(Boolean)) {
      if ((INFRASTRUCTURE_ITEMS as readonly string[]).includes(item)) infrastructure[item] = true;
      else problems.push({ row: line, column: 'infrastructure', reason: `unknown item ${item}; the items are ${INFRASTRUCTURE_ITEMS.join(', ')}` });
    }
    const registered = ['registrationNo', 'registeredFrom', 'registeredUntil'].some((c) => value(c) !== undefined);
    const candidate = {
      ...(value('id') !== undefined && { id: value('id') }),
      name: value('name') ?? '',
      districtCode: value('districtCode') ?? '',
      kind: value('kind') ?? '',
      management: value('management') ?? '',
      registration: registered ? { no: value('registrationNo') ?? '', from: value('registeredFrom') ?? '', until: value('registeredUntil') ?? '' } : null,
      address: value('address') ?? null,
      phone: value('phone') ?? null,
      infrastructure,
      capacities,
    };
    const parsed = createInstitutionBody.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ row: line, column: columnOf(issue.path), reason: describeIssues([issue])[0]!.message });
    }
    if (problems.length || !parsed.success) return { problems };
    return { body: parsed.data };
  }

  private takenRows(valid: ValidRow[], taken: string[]): ImportRejection[] {
    const set = new Set(taken);
    return valid.filter((v) => set.has(v.institution.id)).map((v) => ({ row: v.line, column: v.idColumn, reason: `a body with id ${v.institution.id} exists already` }));
  }
}

/** The CSV column a validation issue of the create request is about. */
function columnOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'registration') return second === 'no' ? 'registrationNo' : second === 'from' ? 'registeredFrom' : second === 'until' ? 'registeredUntil' : 'registrationNo';
  if (first === 'capacities') return 'capacity';
  return String(first ?? 'row');
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { csvLine, type ImportJobView, type ImportOutcome, type ImportRejection, LOCAL_PLACE_IMPORT_COLUMNS, LOCAL_PLACE_KINDS, LOCAL_PLACE_REQUIRED_COLUMNS, type LocalPlace, localPlaceCode, type LocalPlaceKind, PLACES_IMPORT_ROWS, startsLikeFormula } from '@raksha/contracts';
import { GeographyRepository } from '@raksha/db';
import { administers } from '@raksha/domain';
import type { Principal } from '../auth/principal.js';
import { ImportJobsService } from '../imports/import-jobs.service.js';
import { importRejected, notFound } from '../problem/domain-errors.js';
import { readImportFile } from '../registries/import-file.js';
import { registryChange } from '../registries/registry-change.js';

type Row = { line: number; code: string; kind: LocalPlaceKind; name: string; districtCode: string; stateCode: string; blockCode: string | null };
type Place = Omit<Row, 'line'>;

const KIND_WORDS: Record<string, string> = { BLOCK: 'block', POLICE_STATION: 'police station', VILLAGE: 'village' };

/**
 * Blocks, police stations and (optionally) villages under each district, imported from CSV the way institutions
 * are: a dry run, every bad row named, all rows or none. Idempotent by code: a row already on record as it is
 * writes nothing. A village names its block (blockCode), in the same file or imported before. A state's police
 * stations (thousands) are written by a job, 1,000 a chunk, once the whole file is checked.
 */
@Injectable()
export class LocalPlacesService implements OnModuleInit {
  constructor(
    private readonly geography: GeographyRepository,
    private readonly imports: ImportJobsService,
  ) {}

  onModuleInit(): void {
    this.imports.register('PLACES', { inline: 2000, chunk: 1000, write: (principal, rows) => this.write(principal, rows as Place[]) });
  }

  async list(districtCode: string, kind?: LocalPlaceKind, blockCode?: string): Promise<LocalPlace[]> {
    if (!(await this.geography.findDistrict(districtCode))) throw notFound('district', districtCode);
    return (await this.geography.localPlacesOf(districtCode, kind, blockCode)) as LocalPlace[]; // only LOCAL_PLACE_KINDS are written
  }

  template(): string {
    return `${csvLine(LOCAL_PLACE_IMPORT_COLUMNS)}\r\n`;
  }

  async import(principal: Principal, csv: string, dryRun: boolean): Promise<ImportOutcome | ImportJobView> {
    const { columns, rows } = readImportFile(csv, { columns: LOCAL_PLACE_IMPORT_COLUMNS, required: LOCAL_PLACE_REQUIRED_COLUMNS, template: '/places/import/template', maxRows: PLACES_IMPORT_ROWS });

    const rejected: ImportRejection[] = [];
    const districts = new Map<string, Awaited<ReturnType<GeographyRepository['findDistrict']>>>();
    const valid: Row[] = [];
    const firstLineOf = new Map<string, number>();
    for (const { line, fields } of rows) {
      const cell = (c: string) => (columns.includes(c) ? (fields[columns.indexOf(c)] ?? '') : '').trim();
      const problems: ImportRejection[] = [];
      const [districtCode, kind, code, name, block] = [cell('districtCode'), cell('kind'), cell('code'), cell('name'), cell('blockCode')];
      if (!districts.has(districtCode)) districts.set(districtCode, await this.geography.findDistrict(districtCode));
      const district = districts.get(districtCode);
      if (!district) problems.push({ row: line, column: 'districtCode', reason: `no district with code ${districtCode || '(empty)'}`, key: 'import.noDistrict' });
      else if (!principal.body || !administers(principal.body, { stateCode: district.stateCode, districtCode: district.code })) {
        problems.push({ row: line, column: 'districtCode', reason: `district ${district.code} is outside your jurisdiction`, key: 'import.districtOutside' });
      }
      if (!(LOCAL_PLACE_KINDS as readonly string[]).includes(kind)) problems.push({ row: line, column: 'kind', reason: `kind is ${LOCAL_PLACE_KINDS.join(' or ')}`, key: 'import.placeKind' });
      if (!localPlaceCode.safeParse(code).success) problems.push({ row: line, column: 'code', reason: 'an LGD-style code: capitals, digits, hyphens, up to 16', key: 'import.placeCode' });
      if (name.length === 0 || name.length > 200 || startsLikeFormula(name)) problems.push({ row: line, column: 'name', reason: 'a name of 1 to 200 characters, not starting with = + - or @', key: 'import.placeName' });
      if (kind === 'VILLAGE' && !localPlaceCode.safeParse(block).success) problems.push({ row: line, column: 'blockCode', reason: "a village names its block's code (as the block's row gives it)", key: 'import.villageBlock' });
      if (kind !== 'VILLAGE' && block) problems.push({ row: line, column: 'blockCode', reason: 'only a village names a block', key: 'import.blockOnlyVillage' });
      if (problems.length || !district) {
        rejected.push(...problems);
        continue;
      }
      const full = `${district.code}-${code}`;
      const first = firstLineOf.get(full);
      if (first !== undefined) {
        rejected.push({ row: line, column: 'code', reason: `code ${code} is also the code of line ${first} in ${district.code}`, key: 'import.sameKeyAbove', params: { line: first } });
        continue;
      }
      firstLineOf.set(full, line);
      const blockCode = kind === 'VILLAGE' ? (block.startsWith(`${district.code}-`) ? block : `${district.code}-${block}`) : null;
      valid.push({ line, code: full, kind: kind as LocalPlaceKind, name, districtCode: district.code, stateCode: district.stateCode, blockCode });
    }
    // A code already on record as another kind is a different place under the same code: refused, not renamed.
    const blockCodes = valid.flatMap((v) => (v.blockCode ? [v.blockCode] : []));
    const existing = new Map((await this.geography.findLocalPlaces([...valid.map((v) => v.code), ...blockCodes])).map((p) => [p.code, p]));
    const kindIn = new Map(valid.map((v) => [v.code, v.kind]));
    for (const v of valid) {
      const e = existing.get(v.code);
      if (e && e.kind !== v.kind) rejected.push({ row: v.line, column: 'code', reason: `${v.code} is already a ${KIND_WORDS[e.kind] ?? e.kind}`, key: 'import.codeOtherKind' });
      // A village's block: a block of the file or of the record, in the village's own district (its code says so).
      if (v.blockCode && (kindIn.get(v.blockCode) ?? existing.get(v.blockCode)?.kind) !== 'BLOCK') {
        rejected.push({ row: v.line, column: 'blockCode', reason: `no block of ${v.districtCode} has the code ${v.blockCode}`, key: 'import.noBlock' });
      }
    }
    if (rejected.length) throw importRejected(rows.length, rejected.sort((a, b) => a.row - b.row));
    const ids = valid.map((v) => v.code);
    const changed = valid.filter((v) => existing.get(v.code)?.name !== v.name || (existing.get(v.code)?.blockCode ?? null) !== v.blockCode);
    if (dryRun) return { dryRun: true, imported: 0, valid: valid.length, ids };
    const written = await this.imports.write(principal, 'PLACES', changed.map(({ line: _line, ...p }) => p), { valid: valid.length, ids });
    return 'job' in written ? written.job : written.outcome;
  }

  /** Creates or renames the places, in one transaction with its audit entry; a place already as it is writes nothing. */
  private async write(principal: Principal, places: Place[]): Promise<{ imported: number; rejected: ImportRejection[] }> {
    const change = registryChange(principal, 'places.imported');
    const written = await this.geography.upsertLocalPlaces(places, { chain: 'places', subjectType: 'places', subjectId: principal.body?.id ?? 'places', detail: {}, ...change });
    return { imported: written.length, rejected: [] };
  }
}

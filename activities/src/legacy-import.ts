// Porting a legacy register: an export is staged row by row (LegacyImport), then taken in batches by the worker's import
// job. Each batch is one transaction that also records the position reached, so a worker killed mid-import resumes at
// the first batch not on record; a report's id comes from (source, source record id), so no record is imported twice.
// Imported reports are matched on the backfill queue (BACKFILL_MATCHING_QUEUE), throttled apart from live matching.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { legacySourceMapping, mapCciChildRecord, mapCiclChildRecord, mapLegacyRecord, missingColumns, readLegacyExport, type CciChildCase, type CciRef, type LegacyDryRun, type LegacyPlaces, type LegacyProblem, type LegacyRecord, type LegacySourceMapping, type MappedCciChild, type MappedLegacyRecord } from '@raksha/contracts';
import type { CaseRegistration } from '@raksha/contracts/temporal';
import type { DeadlinePolicyRepository, GeographyRepository, LegacyImportRepository, PortedReport, RowOutcome } from '@raksha/db';
import { deadlineOverridesOf, type DeadlinePolicyOverrides } from '@raksha/case-machine';
import type { Actor, BodyType, Permission } from '@raksha/domain';
import { childReportOf, storedKeys } from '@raksha/matching';

/** Where the sources' mappings live: porting/sources/<source>.json (docs/porting.md). */
export const LEGACY_SOURCES_DIR = new URL('../../porting/sources/', import.meta.url);

/** Rows per batch: a crash loses at most one batch's work, redone on resume. */
export const IMPORT_BATCH = 500;

/** Rows mapped between two turns of the event loop. */
const YIELD_EVERY = 20;

export class LegacySourceError extends Error {}

/** A source's mapping, checked; a file of one's own may be given instead of a named source. */
export function loadLegacySource(source: string, file?: string): LegacySourceMapping {
  if (!file && !/^[a-z0-9][a-z0-9-]{1,40}$/.test(source)) throw new LegacySourceError(`no source is named “${source}”`);
  let text: string;
  try {
    text = readFileSync(file ?? new URL(`${source}.json`, LEGACY_SOURCES_DIR), 'utf8');
  } catch {
    throw new LegacySourceError(`no mapping for the source “${source}” (porting/sources/${source}.json)`);
  }
  const parsed = legacySourceMapping.safeParse(JSON.parse(text));
  if (!parsed.success) throw new LegacySourceError(`the mapping of “${source}” is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** What importing this source takes: a CCI register's children become cases, which the importer must be able to register. */
export function importPermissions(mapping: LegacySourceMapping): Permission[] {
  if (mapping.kind === 'CCI_CHILD') return ['legacy:import', 'case:register:CNCP'];
  if (mapping.kind === 'CICL_CHILD') return ['legacy:import', 'case:register:CICL'];
  return ['legacy:import'];
}

/** Whether a source's records become cases (a CCI's or an observation home's children), not reports. */
export const importsCases = (mapping: LegacySourceMapping) => mapping.kind === 'CCI_CHILD' || mapping.kind === 'CICL_CHILD';

/** Who the imported reports are filed as: the person running the import. */
export interface Importer {
  userId: string;
  role: string;
  bodyId: string | null;
  /** a police station files missing reports into its missing diary */
  isPolice: boolean;
}

/**
 * Starts an imported child's case: the case workflow the API's registration starts, with the registration it
 * gives, plus the history to replay. 'STARTED_BEFORE': a case of this record was started by another import (one this
 * import started in a batch a crash cut short counts as STARTED).
 */
export interface CaseStarter {
  start(registration: CaseRegistration & { imported: NonNullable<CaseRegistration['imported']> }): Promise<'STARTED' | 'STARTED_BEFORE'>;
}

/** Cases started at once while a batch of CCI children is imported. */
const CASE_STARTS_AT_ONCE = 8;

export interface LegacyImportDeps {
  imports: LegacyImportRepository;
  /** starts imported CCI children's cases; a process without it cannot run a CCI register's import */
  cases?: CaseStarter;
  /** the states' own deadline periods, which an imported case starts with as a registered one does */
  policies?: Pick<DeadlinePolicyRepository, 'forState'>;
  geography: Pick<GeographyRepository, 'states' | 'allDistricts'>;
  /** the backfill matching queue */
  matching: { addBulk(jobs: { name: string; data: { reportId: string }; opts: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number }; removeOnComplete: number | boolean; removeOnFail: boolean } }[]): Promise<unknown> };
}

export async function legacyPlaces(geography: LegacyImportDeps['geography']): Promise<LegacyPlaces> {
  const [states, districts] = await Promise.all([geography.states(), geography.allDistricts()]);
  return { states, districts };
}

/** The id a source record's report has, whichever import writes it: the same record always names the same report. */
export function legacyReportId(source: string, recordId: string): string {
  return legacyUuid('legacy', source, recordId);
}

/** The id of the case a CCI child's record becomes, whichever import starts it: the same record, the same case. */
export function legacyCaseId(source: string, recordId: string): string {
  return legacyUuid('legacy-case', source, recordId);
}

function legacyUuid(kind: string, source: string, recordId: string): string {
  const h = createHash('sha256').update(`${kind}\n${source}\n${recordId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An export's records, or why it cannot be read at all (no rows; not CSV / JSON; columns the mapping needs are missing). */
export function readExport(mapping: LegacySourceMapping, text: string, format: 'csv' | 'json'): LegacyRecord[] {
  let records: LegacyRecord[];
  try {
    records = readLegacyExport(text, format);
  } catch (err) {
    throw new LegacySourceError(`the file is not valid ${format.toUpperCase()}: ${(err as Error).message}`);
  }
  if (records.length === 0) throw new LegacySourceError('the file has no records');
  if (format === 'csv') {
    const missing = missingColumns(mapping, Object.keys(records[0]!.values));
    if (missing.length) throw new LegacySourceError(`the file has no column ${missing.map((c) => `“${c}”`).join(', ')}, which the mapping of ${mapping.source} reads`);
  }
  return records;
}

const recordIdOf = (mapping: LegacySourceMapping, r: LegacyRecord) => r.values[mapping.fields.recordId!.column]?.trim() || null;

/** A dry run: every record mapped and checked, and those imported before counted; nothing is stored. */
export async function dryRunLegacyImport(deps: Pick<LegacyImportDeps, 'imports' | 'geography' | 'policies'>, mapping: LegacySourceMapping, records: readonly LegacyRecord[], scope: ImportScope): Promise<LegacyDryRun> {
  if (importsCases(mapping)) return dryRunCciImport(deps, mapping, records, scope);
  const places = await legacyPlaces(deps.geography);
  const rejected: LegacyDryRun['rejected'] = [];
  const firstLine = new Map<string, number>();
  const valid: string[] = [];
  for (const r of records) {
    const mapped = mapLegacyRecord(mapping, r, places);
    const problems = mapped.ok ? [...outsideScope(mapping, mapped, scope, places), ...repeated(mapped.recordId, r.line, firstLine)] : mapped.problems;
    if (problems.length) rejected.push(...problems.map((p) => ({ line: r.line, recordId: mapped.recordId, ...p })));
    else valid.push((mapped as { recordId: string }).recordId);
  }
  let alreadyImported = 0;
  for (let i = 0; i < valid.length; i += 5000) alreadyImported += (await deps.imports.imported(mapping.source, valid.slice(i, i + 5000))).size;
  return { dryRun: true, source: mapping.source, total: records.length, wouldImport: valid.length - alreadyImported, alreadyImported, rejected };
}

/** The importer's jurisdiction: a record of a district outside it is refused, as a person's filing would be. */
export interface ImportScope {
  stateCode: string | null;
  districtCode: string | null;
  /** the type of the importer's body, as an imported case's steps name who recorded them */
  bodyType?: string | null;
}

/** Every CCI in Raksha: one outside the importer's jurisdiction is named as such, not as unknown. */
const allCcis = (deps: Pick<LegacyImportDeps, 'imports'>) => deps.imports.ccis({ stateCode: null, districtCode: null });

/** The deadline policies of the states the importer's CCIs are in (the statutory defaults without a repository). */
async function statePolicies(deps: Pick<LegacyImportDeps, 'policies'>, ccis: readonly CciRef[], scope: ImportScope): Promise<Map<string, DeadlinePolicyOverrides>> {
  const states = [...new Set(ccis.filter((c) => !scope.stateCode || c.stateCode === scope.stateCode).map((c) => c.stateCode))];
  const policies = deps.policies;
  if (!policies) return new Map();
  return new Map(await Promise.all(states.map(async (s) => [s, deadlineOverridesOf(await policies.forState(s))] as const)));
}

/**
 * A CCI's or an observation home's child's record, mapped and its history checked against the machine; refused outside
 * the importer's jurisdiction.
 */
function checkCciChild(mapping: LegacySourceMapping, record: LegacyRecord, ccis: readonly CciRef[], scope: ImportScope, seen: Map<string, number>, policies: ReadonlyMap<string, DeadlinePolicyOverrides>, now?: Date): MappedCciChild {
  const map = mapping.kind === 'CICL_CHILD' ? mapCiclChildRecord : mapCciChildRecord;
  const mapped = map(mapping, record, { ccis, deadlinePolicy: (s) => policies.get(s), ...(now && { now }) });
  if (!mapped.ok) return mapped;
  const { cci, recordId } = mapped.value;
  const inside = (!scope.stateCode || cci.stateCode === scope.stateCode) && (!scope.districtCode || cci.districtCode === scope.districtCode);
  const column = mapping.fields.cci?.column;
  const problems = [...(inside ? [] : [{ field: 'cci', ...(column && { column }), message: `${cci.name} is outside your jurisdiction` }]), ...repeated(recordId, record.line, seen)];
  return problems.length ? { ok: false, recordId, problems } : mapped;
}

async function dryRunCciImport(deps: Pick<LegacyImportDeps, 'imports' | 'policies'>, mapping: LegacySourceMapping, records: readonly LegacyRecord[], scope: ImportScope): Promise<LegacyDryRun> {
  const ccis = await allCcis(deps);
  const policies = await statePolicies(deps, ccis, scope);
  const rejected: LegacyDryRun['rejected'] = [];
  const seen = new Map<string, number>();
  const valid: string[] = [];
  for (const r of records) {
    const mapped = checkCciChild(mapping, r, ccis, scope, seen, policies);
    if (mapped.ok) valid.push(legacyCaseId(mapping.source, mapped.value.recordId));
    else rejected.push(...mapped.problems.map((p) => ({ line: r.line, recordId: mapped.recordId, ...p })));
  }
  let alreadyImported = 0;
  for (let i = 0; i < valid.length; i += 5000) alreadyImported += (await deps.imports.existingCases(valid.slice(i, i + 5000))).size;
  return { dryRun: true, source: mapping.source, total: records.length, wouldImport: valid.length - alreadyImported, alreadyImported, rejected };
}

function outsideScope(mapping: LegacySourceMapping, mapped: Extract<MappedLegacyRecord, { ok: true }>, scope: ImportScope, places: LegacyPlaces): LegacyProblem[] {
  const code = mapped.body.place.districtCode;
  const district = places.districts.find((d) => d.code === code);
  const inside = (!scope.stateCode || district?.stateCode === scope.stateCode) && (!scope.districtCode || code === scope.districtCode);
  if (inside) return [];
  const column = mapping.fields['place.district']?.column;
  return [{ field: 'place.district', ...(column && { column }), message: `${district?.name ?? code} is outside your jurisdiction` }];
}

/** A record id seen earlier in the same file is refused (the first one is imported). */
function repeated(recordId: string, line: number, firstLine: Map<string, number>): LegacyProblem[] {
  const first = firstLine.get(recordId);
  if (first === undefined) {
    firstLine.set(recordId, line);
    return [];
  }
  return [{ field: 'recordId', message: `the record id ${recordId} appears again in the file (first at line ${first}); only the first is imported` }];
}

/** Stages an import (its rows in order) and queues its job; answers the import's id. */
export async function stageLegacyImport(
  deps: Pick<LegacyImportDeps, 'imports'> & { jobs: { add(name: string, data: { importId: string }, opts: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number }; removeOnComplete: boolean; removeOnFail: boolean }): Promise<unknown> } },
  mapping: LegacySourceMapping,
  records: readonly LegacyRecord[],
  meta: { fileName: string; importer: Importer; at?: Date },
): Promise<string> {
  const id = randomUUID();
  const at = meta.at ?? new Date();
  await deps.imports.stage(
    { id, source: mapping.source, kind: mapping.kind ?? 'MIXED', fileName: meta.fileName, total: records.length, importedBy: meta.importer.userId, importedByRole: meta.importer.role, importedByBody: meta.importer.bodyId, createdAt: at },
    records.map((r, position) => ({ position, line: r.line, sourceRecordId: recordIdOf(mapping, r), record: r.values })),
    { action: 'legacy-import.staged', actorId: meta.importer.userId, actorRole: meta.importer.role, detail: { source: mapping.source, fileName: meta.fileName, total: records.length }, at },
  );
  await enqueueLegacyImport(deps.jobs, id);
  return id;
}

/** One job per import (its id): re-adding an import's job while it runs or waits changes nothing. */
export function enqueueLegacyImport(jobs: Parameters<typeof stageLegacyImport>[0]['jobs'], importId: string) {
  return jobs.add('import', { importId }, { jobId: `legacy-import-${importId}`, attempts: 10, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: false });
}

const matchingJob = (reportId: string) => ({
  name: 'match',
  data: { reportId },
  opts: { jobId: `match-${reportId}-import`, attempts: 5, backoff: { type: 'exponential' as const, delay: 2000 }, removeOnComplete: true, removeOnFail: false },
});

export interface ImportRunOptions {
  batchSize?: number;
  /** a pause between batches (tests use it to stop a worker mid-import) */
  pauseMs?: number;
  /** told after each batch */
  onBatch?: (processed: number) => void;
}

export function createLegacyImporter(deps: LegacyImportDeps, loadSource: (source: string) => LegacySourceMapping = (s) => loadLegacySource(s)) {
  async function queueMatching(importId: string, from: number, to: number): Promise<void> {
    const ids = await deps.imports.importedBetween(importId, from, to);
    if (ids.length) await deps.matching.addBulk(ids.map(matchingJob));
    await deps.imports.matchQueued(importId, to);
  }

  return {
    /** Runs (or resumes) an import to its end; returns the import as it finished. */
    async runImport(importId: string, options: ImportRunOptions = {}) {
      const batchSize = options.batchSize ?? IMPORT_BATCH;
      let imp = await deps.imports.find(importId);
      if (!imp || imp.status === 'DONE' || imp.status === 'FAILED') return imp;
      let mapping: LegacySourceMapping;
      try {
        mapping = loadSource(imp.source);
      } catch (err) {
        await deps.imports.finish(importId, new Date(), (err as Error).message);
        return deps.imports.find(importId);
      }
      await deps.imports.start(importId, new Date());
      if (importsCases(mapping)) {
        if (!deps.cases) {
          await deps.imports.finish(importId, new Date(), 'this process cannot start cases: a register of children in homes is imported by the worker');
          return deps.imports.find(importId);
        }
        await runCciImport(deps, deps.cases, imp, mapping, options, batchSize);
        await deps.imports.finish(importId, new Date());
        return deps.imports.find(importId);
      }
      // Reports a crashed run wrote but did not queue for matching are queued first.
      if (imp.matchQueued < imp.processed) await queueMatching(importId, imp.matchQueued, imp.processed);
      const places = await legacyPlaces(deps.geography);
      const scope = await deps.imports.bodyScope(imp.importedByBody);
      const stateOf = new Map(places.districts.map((d) => [d.code, d.stateCode]));
      const importer: Importer = { userId: imp.importedBy, role: imp.importedByRole, bodyId: imp.importedByBody, isPolice: /POLICE|SJPU|STATION/.test(imp.importedByRole) };
      let position = imp.processed;
      while (position < imp.total) {
        const rows = await deps.imports.rowsFrom(importId, position, batchSize);
        if (rows.length === 0) break;
        const now = new Date();
        const reports: PortedReport[] = [];
        const outcomes: RowOutcome[] = [];
        const inBatch = new Map<string, number>();
        for (const [i, row] of rows.entries()) {
          // Mapping and keying are CPU work on the worker's event loop: let live case work in between.
          if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
          const mapped = mapLegacyRecord(mapping, { line: row.line, values: row.record as Record<string, string> }, places, now);
          const problems = mapped.ok ? [...outsideScope(mapping, mapped, scope, places), ...repeated(mapped.recordId, row.line, inBatch)] : mapped.problems;
          if (!mapped.ok || problems.length) {
            outcomes.push({ position: row.position, outcome: 'REJECTED', problems });
            continue;
          }
          const report = portedReport(mapping.source, mapped, importer, stateOf, now);
          reports.push(report);
          outcomes.push({ position: row.position, outcome: 'IMPORTED', reportId: report.id });
        }
        const next = rows.at(-1)!.position + 1;
        const written = await deps.imports.commitBatch(
          importId,
          { reports, outcomes, next },
          { action: 'legacy-import.batch', actorId: importer.userId, actorRole: importer.role, detail: { source: mapping.source, from: position }, at: now },
        );
        if (written.length) await deps.matching.addBulk(written.map(matchingJob));
        await deps.imports.matchQueued(importId, next);
        position = next;
        options.onBatch?.(position);
        if (options.pauseMs) await sleep(options.pauseMs);
      }
      await deps.imports.finish(importId, new Date());
      imp = await deps.imports.find(importId);
      return imp;
    },
  };
}

export type LegacyImporter = ReturnType<typeof createLegacyImporter>;

/**
 * A CCI register's import, batch by batch from the position on record: each valid child's case is started (its
 * history replayed by its workflow, each step marked imported) and the batch's outcomes committed with the position.
 * A case's id comes from its source record, so a batch redone after a crash starts nothing twice.
 */
async function runCciImport(deps: LegacyImportDeps, cases: CaseStarter, imp: NonNullable<Awaited<ReturnType<LegacyImportRepository['find']>>>, mapping: LegacySourceMapping, options: ImportRunOptions, batchSize: number): Promise<void> {
  const ccis = await allCcis(deps);
  const scope = await deps.imports.bodyScope(imp.importedByBody);
  const policies = await statePolicies(deps, ccis, scope);
  const registeredBy = { id: imp.importedBy, role: imp.importedByRole as Actor, body: (scope.bodyType ?? 'PUBLIC') as BodyType, ...(imp.importedByBody && { bodyId: imp.importedByBody }) };
  const register = mapping.register ?? mapping.title;
  let position = imp.processed;
  while (position < imp.total) {
    const rows = await deps.imports.rowsFrom(imp.id, position, batchSize);
    if (rows.length === 0) break;
    const now = new Date();
    const seen = new Map<string, number>();
    const outcomes: RowOutcome[] = [];
    const valid: { position: number; caseId: string; value: CciChildCase }[] = [];
    for (const [i, row] of rows.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
      const mapped = checkCciChild(mapping, { line: row.line, values: row.record as Record<string, string> }, ccis, scope, seen, policies, now);
      if (mapped.ok) valid.push({ position: row.position, caseId: legacyCaseId(mapping.source, mapped.value.recordId), value: mapped.value });
      else outcomes.push({ position: row.position, outcome: 'REJECTED', problems: mapped.problems });
    }
    const existing = valid.length ? await deps.imports.existingCases(valid.map((v) => v.caseId)) : new Map<string, string | null>();
    for (let i = 0; i < valid.length; i += CASE_STARTS_AT_ONCE) {
      const started = await Promise.all(
        valid.slice(i, i + CASE_STARTS_AT_ONCE).map(async ({ position: at, caseId, value }): Promise<RowOutcome> => {
          // Started by this import in a batch a crash cut short: imported, by this import.
          if (existing.has(caseId)) return { position: at, outcome: existing.get(caseId) === imp.id ? 'IMPORTED' : 'ALREADY_IMPORTED', caseId };
          const outcome = await cases.start({
            caseId,
            track: value.track,
            districtCode: value.cci.districtCode,
            stateCode: value.cci.stateCode,
            child: value.child,
            registeredAt: value.registeredAt,
            registeredBy,
            ...(Object.keys(policies.get(value.cci.stateCode) ?? {}).length ? { deadlinePolicy: policies.get(value.cci.stateCode)! } : {}),
            imported: { register, source: mapping.source, recordId: value.recordId, importId: imp.id, importedAt: now.toISOString(), history: value.history },
          });
          return { position: at, outcome: outcome === 'STARTED' ? 'IMPORTED' : 'ALREADY_IMPORTED', caseId };
        }),
      );
      outcomes.push(...started);
    }
    outcomes.sort((a, b) => a.position - b.position);
    const next = rows.at(-1)!.position + 1;
    await deps.imports.commitBatch(imp.id, { reports: [], outcomes, next }, { action: 'legacy-import.batch', actorId: imp.importedBy, actorRole: imp.importedByRole, detail: { source: mapping.source, from: position, caseIds: outcomes.flatMap((o) => (o.outcome === 'IMPORTED' && o.caseId ? [o.caseId] : [])) }, at: now });
    await deps.imports.matchQueued(imp.id, next);
    position = next;
    options.onBatch?.(position);
    if (options.pauseMs) await sleep(options.pauseMs);
  }
}

/** A mapped record as a report filed by the importer, with its matching keys. */
function portedReport(source: string, mapped: Extract<MappedLegacyRecord, { ok: true }>, importer: Importer, stateOf: ReadonlyMap<string, string>, now: Date): PortedReport {
  const id = legacyReportId(source, mapped.recordId);
  const body = mapped.body;
  const occurredAt = mapped.kind === 'MISSING' ? (body as { lastSeenAt: string }).lastSeenAt : (body as { foundAt: string }).foundAt;
  const district = body.place.districtCode;
  const stateCode = stateOf.get(district)!;
  const place = { stateCode, districtCode: district, ...(body.place.text && { text: body.place.text }), ...(body.place.lat !== undefined && { lat: body.place.lat }), ...(body.place.lon !== undefined && { lon: body.place.lon }) };
  const keys = storedKeys(childReportOf({ id, kind: mapped.kind, description: body.child, occurredAt, place }));
  const policeRef = mapped.kind === 'MISSING' ? ((body as { policeRef?: string }).policeRef ?? null) : null;
  return {
    id,
    kind: mapped.kind,
    status: 'OPEN',
    policeRef,
    stationId: mapped.kind === 'MISSING' && importer.isPolice ? importer.bodyId : null,
    filedBy: importer.userId,
    filedByRole: importer.role,
    filedByBodyId: importer.bodyId,
    reporterContact: null,
    description: body.child,
    occurredAt: new Date(occurredAt),
    stateCode,
    districtCode: district,
    thanaCode: null,
    blockCode: null,
    villageCode: null,
    placeText: body.place.text ?? null,
    lat: body.place.lat ?? null,
    lon: body.place.lon ?? null,
    photo: null,
    photoType: null,
    caseId: null,
    ...keys,
    createdAt: now,
    legacySource: source,
    legacyRecordId: mapped.recordId,
  };
}

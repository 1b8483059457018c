import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { dryRunLegacyImport, importPermissions, LegacySourceError, loadLegacySource, readExport, stageLegacyImport, type Importer } from '@raksha/activities';
import type { LegacyDryRun, LegacyImportQuery, LegacyImportStatus, LegacyRejection } from '@raksha/contracts';
import { DeadlinePolicyRepository, GeographyRepository, LegacyImportRepository, type LegacyImportRecord } from '@raksha/db';
import { hasRoleIn, type Permission } from '@raksha/domain';
import { can, type Principal } from '../auth/principal.js';
import { forbidden, invalidField, notFound, problem } from '../problem/domain-errors.js';
import { importText } from '../registries/import-body.js';
import { LEGACY_IMPORT_JOBS } from './legacy-imports.tokens.js';

type Jobs = Parameters<typeof stageLegacyImport>[0]['jobs'];

/** The rejected rows an import's status shows; the rest are paged at …/rejections. */
const REJECTIONS_SHOWN = 20;

/** Legacy imports over HTTP: a dry run answered at once, a real import staged and run by the worker's import job. */
@Injectable()
export class LegacyImportsService {
  constructor(
    private readonly imports: LegacyImportRepository,
    private readonly geography: GeographyRepository,
    private readonly policies: DeadlinePolicyRepository,
    @Inject(LEGACY_IMPORT_JOBS) private readonly jobs: Jobs,
  ) {}

  async start(principal: Principal, q: LegacyImportQuery, req: Request): Promise<LegacyDryRun | LegacyImportStatus> {
    if (!can(principal, 'legacy:import')) throw forbidden('your role may not import legacy registers');
    let mapping;
    try {
      mapping = loadLegacySource(q.source);
    } catch (err) {
      throw invalidField('source', (err as Error).message);
    }
    // A home's register's children become cases: the importer must be able to register them (a CCI's: the DCPU; an
    // observation home's, children in conflict with law: the police, who register an apprehension).
    if (!importPermissions(mapping).every((p) => can(principal, p))) {
      throw forbidden(mapping.kind === 'CICL_CHILD' ? 'your role may not import an observation home’s register: its children become cases of children in conflict with law, which the police register' : 'your role may not import a CCI register: its children become cases, which the DCPU registers');
    }
    const text = q.format === 'json' ? JSON.stringify(req.body) : await importText(req);
    let records;
    try {
      records = readExport(mapping, text, q.format);
    } catch (err) {
      if (err instanceof LegacySourceError) throw problem('legacy-import-rejected', err.message);
      throw err;
    }
    if (q.dryRun) return dryRunLegacyImport({ imports: this.imports, geography: this.geography, policies: this.policies }, mapping, records, await this.imports.bodyScope(principal.body?.id ?? null));
    const id = await stageLegacyImport({ imports: this.imports, jobs: this.jobs }, mapping, records, { fileName: q.fileName, importer: importerOf(principal, importPermissions(mapping)) });
    return this.status(principal, id);
  }

  async status(principal: Principal, id: string): Promise<LegacyImportStatus> {
    const imp = await this.visible(principal, id);
    return view(imp, await this.rejectionRows(id, 0, REJECTIONS_SHOWN));
  }

  async rejections(principal: Principal, id: string, offset: number, limit: number): Promise<{ items: LegacyRejection[]; offset: number; limit: number }> {
    await this.visible(principal, id);
    return { items: await this.rejectionRows(id, offset, limit), offset, limit };
  }

  private async rejectionRows(id: string, offset: number, limit: number): Promise<LegacyRejection[]> {
    const rows = await this.imports.rejections(id, offset, limit);
    return rows.flatMap((r) => ((r.problems ?? []) as { field: string; column?: string; message: string }[]).map((p) => ({ line: r.line, recordId: r.sourceRecordId, ...p })));
  }

  /** The importer and the people of their body see an import; anyone else is told it does not exist. */
  private async visible(principal: Principal, id: string): Promise<LegacyImportRecord> {
    const imp = await this.imports.find(id);
    if (!imp || !(imp.importedBy === principal.userId || (imp.importedByBody !== null && imp.importedByBody === principal.body?.id))) throw notFound('legacy-import', id);
    return imp;
  }
}

/** The person the imported reports are filed as, in the role that may import. */
export function importerOf(principal: Principal, permissions: readonly Permission[] = ['legacy:import']): Importer {
  const role = principal.roles.find((r) => permissions.every((p) => can({ ...principal, roles: [r] }, p))) ?? principal.roles[0]!;
  return { userId: principal.userId, role, bodyId: principal.body?.id ?? null, isPolice: hasRoleIn([role], 'police') };
}

function view(imp: LegacyImportRecord, rejections: LegacyRejection[]): LegacyImportStatus {
  return {
    id: imp.id,
    source: imp.source,
    kind: imp.kind,
    fileName: imp.fileName,
    status: imp.status as LegacyImportStatus['status'],
    total: imp.total,
    processed: imp.processed,
    imported: imp.imported,
    alreadyImported: imp.alreadyImported,
    rejected: imp.rejected,
    queuedForMatching: imp.matchQueued,
    createdAt: imp.createdAt.toISOString(),
    startedAt: imp.startedAt?.toISOString() ?? null,
    finishedAt: imp.finishedAt?.toISOString() ?? null,
    failure: imp.failure,
    rejections,
  };
}

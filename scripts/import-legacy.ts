// `npm run import:legacy -- <file> --source <name> --as <username> [--dry-run] [--format csv|json] [--here]`
// Ports a legacy register's export (docs/porting.md): a dry run prints what would be imported and the rejected rows;
// otherwise the import is staged and run by the worker's import job (or in this process with --here), and its
// progress is printed until it ends. Run it again after a crash: nothing is imported twice.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Client, Connection } from '@temporalio/client';
import { createLegacyImporter, dryRunLegacyImport, importPermissions, importsCases, LegacySourceError, loadLegacySource, readExport, stageLegacyImport } from '@raksha/activities';
import { loadConfig, redisConnectionOptions, requireDataKeys } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { caseStarter } from '@raksha/worker/case-starter';
import { BACKFILL_MATCHING_QUEUE, LEGACY_IMPORT_QUEUE, type LegacyImportJob, type LegacyRejection } from '@raksha/contracts';
import { createDb, DeadlinePolicyRepository, DuplicateRepository, GeographyRepository, LegacyImportRepository, Sealer } from '@raksha/db';
import { hasPermission, hasRoleIn, type Role } from '@raksha/domain';

const USAGE = 'usage: npm run import:legacy -- <file.csv|file.json> --source <zipnet|trackchild|…> --as <username> [--dry-run] [--format csv|json] [--mapping <file.json>] [--here]';
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    as: { type: 'string' },
    format: { type: 'string' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    here: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (args.help || !file || !args.source || !args.as) {
  console.error(USAGE);
  process.exit(2);
}

const config = loadConfig();
const db = createDb(config.databaseUrl);
const imports = new LegacyImportRepository(db, new Sealer(requireDataKeys(config)));
const geography = new GeographyRepository(db);
const fail = (message: string) => {
  console.error(`import:legacy: ${message}`);
  process.exitCode = 1;
};

function table(rows: readonly LegacyRejection[]): void {
  if (rows.length === 0) return;
  console.log('\nRejected rows:');
  console.log(['line', 'record', 'field (column)', 'why'].join('\t'));
  for (const r of rows) console.log([r.line, r.recordId ?? '-', `${r.field}${r.column ? ` (${r.column})` : ''}`, r.message].join('\t'));
}

try {
  const user = await db.user.findUnique({ where: { username: args.as }, select: { id: true, roles: true, bodyId: true, disabledAt: true } });
  const mapping = loadLegacySource(args.source, args.mapping);
  const cases = importsCases(mapping);
  const role = user?.roles.find((r) => importPermissions(mapping).every((p) => hasPermission([r as Role], p)));
  if (!user || user.disabledAt || !role) throw new LegacySourceError(mapping.kind === 'CICL_CHILD' ? `${args.as} is not an active person whose role may import an observation home’s register (the police: its children become cases of children in conflict with law)` : cases ? `${args.as} is not an active person whose role may import a CCI register (the DCPU: its children become cases)` : `${args.as} is not an active person whose role may import legacy registers (a station officer, the DCPU or the SCPS)`);
  const format = (args.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv')) as 'csv' | 'json';
  const records = readExport(mapping, readFileSync(file, 'utf8'), format);
  const scope = await imports.bodyScope(user.bodyId);
  if (args['dry-run']) {
    const dry = await dryRunLegacyImport({ imports, geography, policies: new DeadlinePolicyRepository(db) }, mapping, records, scope);
    console.log(`Dry run of ${basename(file)} (${mapping.title}): ${dry.total} records; ${dry.wouldImport} would be imported, ${dry.alreadyImported} were imported before, ${new Set(dry.rejected.map((r) => r.line)).size} rejected. Nothing was stored.`);
    table(dry.rejected);
  } else {
    const redis = redisConnectionOptions(config.redisUrl);
    const jobs = new Queue<LegacyImportJob>(LEGACY_IMPORT_QUEUE, { connection: redis });
    const matching = new Queue<{ reportId: string }>(BACKFILL_MATCHING_QUEUE, { connection: redis });
    try {
      const importer = { userId: user.id, role, bodyId: user.bodyId, isPolice: hasRoleIn([role as Role], 'police') };
      const id = await stageLegacyImport({ imports, jobs }, mapping, records, { fileName: basename(file), importer });
      console.log(`Import ${id}: ${records.length} records of ${mapping.title}. Progress also at GET /imports/legacy/${id}`);
      const started = Date.now();
      const show = (processed: number, total: number, imported: number, before: number, rejected: number) =>
        process.stdout.write(`\r${String(Math.floor((processed / total) * 100)).padStart(3)} %  ${processed}/${total} rows: ${imported} imported, ${before} imported before, ${rejected} rejected  (${Math.round((Date.now() - started) / 1000)} s)   `);
      if (args.here) {
        // In this process: the worker's job finds the import done and ends at once. A CCI register's cases are
        // started from here too; the worker replays their histories.
        const connection = cases ? await Connection.connect({ address: config.temporal.address }) : undefined;
        try {
          const starter = connection && caseStarter(new Client({ connection, namespace: config.temporal.namespace, dataConverter: caseDataConverter(requireDataKeys(config)) }), config.temporal.taskQueue);
          await createLegacyImporter({ imports, geography, matching, policies: new DeadlinePolicyRepository(db), duplicates: new DuplicateRepository(db), ...(starter && { cases: starter }) }).runImport(id, { onBatch: () => undefined });
        } finally {
          await connection?.close();
        }
      }
      for (let quiet = 0; ; ) {
        const imp = (await imports.find(id))!;
        show(imp.processed, imp.total, imp.imported, imp.alreadyImported, imp.rejected);
        if (imp.status === 'DONE' || imp.status === 'FAILED') {
          process.stdout.write('\n');
          if (imp.failure) fail(imp.failure);
          break;
        }
        quiet = imp.status === 'QUEUED' ? quiet + 1 : 0;
        if (quiet === 10) process.stdout.write('\n(waiting for the worker: is `npm start` or `npm run worker` running? --here imports in this process)\n');
        await new Promise((r) => setTimeout(r, 1000));
      }
      const rejections = await imports.rejections(id, 0, 200);
      table(rejections.flatMap((r) => ((r.problems ?? []) as { field: string; column?: string; message: string }[]).map((p) => ({ line: r.line, recordId: r.sourceRecordId, ...p }))));
      console.log(cases ? '\nEach imported child’s case replays its history on the worker: it reads back in the web app within seconds.' : `\nImported reports are matched in the background (${config.worker.importMatchingPerSecond} a second at most).`);
    } finally {
      await jobs.close();
      await matching.close();
    }
  }
} catch (err) {
  if (err instanceof LegacySourceError) fail(err.message);
  else throw err;
} finally {
  await db.$disconnect();
}

// A consistent backup of everything Raksha keeps: PostgreSQL (the cases' records, audit chains), the Temporal server's
// store (the running workflows and their timers), Redis (queued notifications) and the documents' files (orders' PDFs,
// uploads), into one directory with a manifest and checksums. docs/backups.md says why it is consistent and how to restore.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export const run = promisify(execFile);

/** Where the Temporal server keeps its state: the dev server's SQLite file, or the cluster's PostgreSQL databases. */
export type TemporalStore = { kind: 'sqlite'; file: string } | { kind: 'postgres'; databases: { name: string; url: string }[] };

export interface BackupSources {
  databaseUrl: string;
  temporal: TemporalStore;
  /** Redis, whose RDB snapshot holds the queued notifications and matching jobs; undefined to leave it out. */
  redisUrl?: string;
  /** The documents' directory (RAKSHA_DOCUMENTS_DIR): the files whose hashes the database records; undefined to leave it out. */
  documentsDir?: string;
}

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: 1;
  takenAt: string;
  postgres: { database: string; file: string };
  temporal: { kind: 'sqlite'; file: string } | { kind: 'postgres'; databases: { name: string; file: string }[] };
  redis: { file: string } | null;
  /** the documents' files, as a tar of the directory (absent in backups taken before documents were kept) */
  documents?: { file: string; count: number } | null;
  /** how long PostgreSQL's writers waited while the stores were copied at one instant */
  writesPausedMs: number;
  files: ManifestFile[];
}

export const MANIFEST = 'manifest.json';
export const CHECKSUMS = 'SHA256SUMS';

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Takes the backup into `<root>/raksha-<UTC time>/`. Consistency across the stores: Raksha's tables are locked against
 * writes (SHARE: reads go on) and PostgreSQL's snapshot is exported under that lock; the Temporal store and Redis are
 * copied while it holds, and writes resume as soon as they are. An activity cannot commit a write while the lock holds, so the Temporal copy records no
 * completed activity whose write is missing from the database; an activity that wrote before the lock and had not yet
 * reported is run again after a restore, and activities are idempotent. pg_dump then dumps the exported snapshot.
 */
export async function takeBackup(sources: BackupSources, root: string, now = new Date()): Promise<{ dir: string; manifest: Manifest }> {
  const dir = join(root, `raksha-${now.toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Two sessions: `lock` holds the write lock only while the Temporal store and Redis are copied; `snapshot` keeps the
  // exported snapshot open for pg_dump, which may take longer, without holding writers back.
  const documentsStaging = sources.documentsDir ? join(dirname(sources.documentsDir), `.${basename(sources.documentsDir)}-backup-${process.pid}-${now.getTime()}`) : undefined;
  const lock = new pg.Client({ connectionString: sources.databaseUrl });
  const snapshot = new pg.Client({ connectionString: sources.databaseUrl });
  await Promise.all([lock.connect(), snapshot.connect()]);
  let writesPausedMs: number;
  let documents: { file: string; count: number } | null = null;
  try {
    const tables = (await lock.query<{ name: string }>("SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.name);
    if (tables.length === 0) throw new Error(`database ${databaseName(sources.databaseUrl)} has no tables: nothing to back up (is it migrated?)`);
    await lock.query("SET lock_timeout = '60s'");
    await lock.query('BEGIN');
    const paused = Date.now();
    await lock.query(`LOCK TABLE ${tables.join(', ')} IN SHARE MODE`);
    // Taken after the lock: it holds every write committed before it, and none can commit until the lock goes.
    await snapshot.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const snapshotId = (await snapshot.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const dump = run('pg_dump', ['-Fc', `--snapshot=${snapshotId}`, '-d', sources.databaseUrl, '-f', join(dir, 'postgres.dump')], { maxBuffer: 64 << 20 });
    dump.catch(() => undefined); // awaited below; a failure is not unhandled while the copies run
    const copies: Promise<unknown>[] = [];
    if (sources.temporal.kind === 'sqlite') {
      // SQLite's online backup: a consistent copy while the Temporal server keeps writing (WAL included).
      copies.push(run('sqlite3', [sources.temporal.file, `.backup '${join(dir, 'temporal.sqlite').replaceAll("'", "''")}'`]));
    } else {
      // each pg_dump takes its snapshot as it starts, under the lock
      for (const t of sources.temporal.databases) copies.push(run('pg_dump', ['-Fc', '-d', t.url, '-f', join(dir, `temporal-${t.name}.dump`)], { maxBuffer: 64 << 20 }));
    }
    if (sources.redisUrl) copies.push(run('redis-cli', ['-u', sources.redisUrl, '--rdb', join(dir, 'redis.rdb')]));
    // Documents' files are never changed in place (each is named by its hash), so hard links taken under the lock are
    // a copy of that instant at no cost: a file whose row is in the snapshot was written before its row committed,
    // and a destruction (s.24) that removes one after the lock does not remove it from the links.
    if (documentsStaging && sources.documentsDir) copies.push(linkDocuments(sources.documentsDir, documentsStaging));
    await Promise.all(copies);
    await lock.query('COMMIT');
    writesPausedMs = Date.now() - paused;
    await dump;
    await snapshot.query('COMMIT');
    if (documentsStaging) documents = await tarDocuments(documentsStaging, join(dir, 'documents.tar'));
  } catch (err) {
    await Promise.all([lock.query('ROLLBACK'), snapshot.query('ROLLBACK')].map((p) => p.catch(() => undefined)));
    await rm(dir, { recursive: true, force: true });
    throw err;
  } finally {
    await Promise.all([lock.end(), snapshot.end()]);
    if (documentsStaging) await rm(documentsStaging, { recursive: true, force: true });
  }
  if (sources.temporal.kind === 'sqlite') {
    const { stdout } = await run('sqlite3', [join(dir, 'temporal.sqlite'), 'PRAGMA integrity_check']);
    if (stdout.trim() !== 'ok') throw new Error(`the copy of the Temporal store is not intact: ${stdout.trim()}`);
  }
  const files: ManifestFile[] = [];
  for (const name of (await readdir(dir)).sort()) {
    files.push({ name, bytes: (await stat(join(dir, name))).size, sha256: await sha256(join(dir, name)) });
  }
  const manifest: Manifest = {
    format: 1,
    takenAt: now.toISOString(),
    postgres: { database: databaseName(sources.databaseUrl), file: 'postgres.dump' },
    temporal:
      sources.temporal.kind === 'sqlite'
        ? { kind: 'sqlite', file: 'temporal.sqlite' }
        : { kind: 'postgres', databases: sources.temporal.databases.map((t) => ({ name: t.name, file: `temporal-${t.name}.dump` })) },
    redis: sources.redisUrl ? { file: 'redis.rdb' } : null,
    documents,
    writesPausedMs,
    files,
  };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  // `sha256sum -c SHA256SUMS` checks the files by hand, with nothing of Raksha's installed
  await writeFile(join(dir, CHECKSUMS), files.map((f) => `${f.sha256}  ${f.name}\n`).join(''), { mode: 0o600 });
  return { dir, manifest };
}

/** Hard-links every file of the documents' directory into `staging` (same file system: a sibling directory). */
async function linkDocuments(documentsDir: string, staging: string): Promise<void> {
  await mkdir(documentsDir, { recursive: true, mode: 0o700 });
  // a directory that is a mount point of its own cannot be linked from its parent: copied, under the same lock
  await run('cp', ['-al', documentsDir, staging]).catch(async () => {
    await rm(staging, { recursive: true, force: true });
    await run('cp', ['-a', documentsDir, staging]);
  });
}

/** Writes the staged documents as one tar, leaving out the temporary files of writes not finished at the lock. */
async function tarDocuments(staging: string, file: string): Promise<{ file: string; count: number }> {
  await run('tar', ['-cf', file, '--exclude=*.tmp', '-C', staging, '.']);
  const { stdout } = await run('tar', ['-tf', file], { maxBuffer: 256 << 20 });
  return { file: basename(file), count: stdout.split('\n').filter((l) => l && !l.endsWith('/')).length };
}

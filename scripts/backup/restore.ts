// Restores a backup taken by takeBackup into fresh places: a new database, a new Temporal store, a new Redis directory.
// It never writes over data: a target that holds something already is refused.
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { CHECKSUMS, MANIFEST, type Manifest, run, sha256 } from './backup.js';

export interface RestoreTargets {
  /** the database to create and fill (it must not exist, or be empty) */
  databaseUrl: string;
  /** the dev server's store to write, or the cluster's databases by the names the manifest lists */
  temporal: { kind: 'sqlite'; file: string } | { kind: 'postgres'; urls: Record<string, string> };
  /** where Redis is to start from (its --dir): dump.rdb is written there; undefined to leave Redis out */
  redisDir?: string;
  /** the documents' directory to fill (it must not exist, or be empty); undefined to leave the documents out */
  documentsDir?: string;
}

export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';
}

/** Reads the manifest and checks every file against its checksum; a backup that does not check is not restored. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  if (manifest.format !== 1) throw new RestoreRefused(`backup format ${String(manifest.format)} is not one this version reads`);
  const sums = await readFile(join(dir, CHECKSUMS), 'utf8');
  for (const f of manifest.files) {
    if (!sums.includes(`${f.sha256}  ${f.name}\n`)) throw new RestoreRefused(`${f.name}: its checksum in ${CHECKSUMS} differs from the manifest's`);
    if ((await sha256(join(dir, f.name))) !== f.sha256) throw new RestoreRefused(`${f.name} does not match its checksum: the backup is damaged`);
  }
  return manifest;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Creates the database (through the server's `postgres` database) unless it exists; refuses one that holds tables. */
async function freshDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    const tables = await target.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    if (tables.rows[0].n > 0) throw new RestoreRefused(`database ${name} already holds tables; restore into a new database`);
  } finally {
    await target.end();
  }
}

const pgRestore = (file: string, url: string) => run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '-d', url, file], { maxBuffer: 64 << 20 });

export async function restoreBackup(dir: string, targets: RestoreTargets): Promise<Manifest> {
  const manifest = await verifyBackup(dir);
  if (manifest.temporal.kind !== targets.temporal.kind) {
    throw new RestoreRefused(`the backup holds a Temporal ${manifest.temporal.kind === 'sqlite' ? 'dev server store' : 'cluster'}; restore it into the same kind`);
  }
  // Refuse before anything is written.
  if (targets.temporal.kind === 'sqlite' && (await exists(targets.temporal.file))) throw new RestoreRefused(`${targets.temporal.file} exists; restore into a new file`);
  const rdb = targets.redisDir && manifest.redis ? join(targets.redisDir, 'dump.rdb') : undefined;
  if (rdb && (await exists(rdb))) throw new RestoreRefused(`${rdb} exists; restore Redis into a new directory`);
  const documents = targets.documentsDir && manifest.documents ? targets.documentsDir : undefined;
  if (documents && (await readdir(documents).catch(() => [])).length > 0) throw new RestoreRefused(`${documents} holds files; restore the documents into a new directory`);

  await freshDatabase(targets.databaseUrl);
  await pgRestore(join(dir, manifest.postgres.file), targets.databaseUrl);
  if (manifest.temporal.kind === 'sqlite' && targets.temporal.kind === 'sqlite') {
    await mkdir(dirname(targets.temporal.file), { recursive: true, mode: 0o700 });
    await copyFile(join(dir, manifest.temporal.file), targets.temporal.file);
  } else if (manifest.temporal.kind === 'postgres' && targets.temporal.kind === 'postgres') {
    for (const t of manifest.temporal.databases) {
      const url = targets.temporal.urls[t.name];
      if (!url) throw new RestoreRefused(`no target given for the Temporal database ${t.name}`);
      await freshDatabase(url);
      await pgRestore(join(dir, t.file), url);
    }
  }
  if (rdb && manifest.redis) {
    await mkdir(dirname(rdb), { recursive: true, mode: 0o700 });
    await copyFile(join(dir, manifest.redis.file), rdb);
    await appendOnlyFromSnapshot(dirname(rdb));
  }
  if (documents && manifest.documents) {
    await mkdir(documents, { recursive: true, mode: 0o700 });
    await run('tar', ['-xf', join(dir, manifest.documents.file), '-C', documents]);
  }
  return manifest;
}

/**
 * Redis started with appendonly (as scripts/services.sh starts it) ignores a dump.rdb that has no AOF beside it and
 * starts empty. So a Redis of our own, on a socket in the directory, loads the snapshot and writes the AOF from it.
 */
async function appendOnlyFromSnapshot(redisDir: string): Promise<void> {
  const socket = join(redisDir, 'restore.sock');
  await run('redis-server', ['--daemonize', 'yes', '--port', '0', '--unixsocket', socket, '--dir', redisDir, '--appendonly', 'no', '--save', '', '--pidfile', join(redisDir, 'restore.pid')]);
  const cli = (...args: string[]) => run('redis-cli', ['-s', socket, ...args]).then((r) => r.stdout);
  try {
    for (let i = 0; !(await cli('ping').catch(() => '')).includes('PONG'); i++) {
      if (i > 100) throw new Error('the Redis that rewrites the restored snapshot did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    await cli('config', 'set', 'appendonly', 'yes');
    for (let i = 0; ; i++) {
      const info = await cli('info', 'persistence');
      if (/aof_enabled:1/.test(info) && /aof_rewrite_in_progress:0/.test(info) && /aof_rewrite_scheduled:0/.test(info)) break;
      if (i > 600) throw new Error('Redis did not write its AOF from the restored snapshot within a minute');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await cli('shutdown').catch(() => undefined);
  }
}

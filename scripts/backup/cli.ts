// `npm run backup [-- --out DIR]` and `npm run restore -- <backup dir> [--database NAME] [--temporal-file FILE]
// [--redis-dir DIR] [--documents-dir DIR]`, with the environment of scripts/env.sh (scripts/backup.sh sources it). docs/backups.md.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@raksha/config';
import { type TemporalStore, takeBackup } from './backup.js';
import { restoreBackup, RestoreRefused } from './restore.js';

const env = process.env;
const home = env.RAKSHA_HOME ?? join(env.HOME ?? '.', '.cache/raksha');
const config = loadConfig();
const { values, positionals } = parseArgs({
  args: process.argv.slice(3),
  allowPositionals: true,
  options: {
    out: { type: 'string', default: env.RAKSHA_BACKUP_DIR ?? join(home, 'backups') },
    database: { type: 'string', default: `${env.RAKSHA_DB ?? 'raksha'}_restored` },
    'temporal-file': { type: 'string', default: join(home, 'restored', 'temporal.sqlite') },
    'redis-dir': { type: 'string', default: join(home, 'restored', 'redis') },
    'documents-dir': { type: 'string', default: join(home, 'restored', 'documents') },
    'temporal-suffix': { type: 'string', default: '_restored' },
  },
});

/** The cluster's databases, as scripts/services.sh names them and connects to them. */
function clusterDatabase(name: string): { name: string; url: string } {
  const url = new URL(config.databaseUrl);
  url.username = encodeURIComponent(env.TEMPORAL_CLUSTER_DB_USER ?? 'temporal');
  url.password = encodeURIComponent(env.TEMPORAL_CLUSTER_DB_PASSWORD ?? 'temporal');
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}
const clusterDatabases = () => [env.TEMPORAL_CLUSTER_DB ?? 'temporal_cluster', env.TEMPORAL_CLUSTER_VISIBILITY_DB ?? 'temporal_cluster_visibility'].map(clusterDatabase);

const temporal: TemporalStore =
  env.RAKSHA_TEMPORAL === 'cluster'
    ? { kind: 'postgres', databases: clusterDatabases() }
    : { kind: 'sqlite', file: env.TEMPORAL_DB_FILE ?? join(home, 'data', 'temporal.sqlite') };

try {
  if (process.argv[2] === 'backup') {
    const { dir, manifest } = await takeBackup({ databaseUrl: config.databaseUrl, temporal, redisUrl: config.redisUrl, documentsDir: config.documents.dir }, values.out);
    const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
    console.log(`[backup] ${dir}: ${manifest.files.map((f) => f.name).join(', ')} (${(bytes / 1048576).toFixed(1)} MB); writes paused ${manifest.writesPausedMs} ms`);
  } else if (process.argv[2] === 'restore' && positionals.length === 1) {
    const database = Object.assign(new URL(config.databaseUrl), { pathname: `/${values.database}` }).toString();
    const manifest = await restoreBackup(positionals[0]!, {
      databaseUrl: database,
      temporal:
        temporal.kind === 'sqlite'
          ? { kind: 'sqlite', file: values['temporal-file'] }
          : { kind: 'postgres', urls: Object.fromEntries(temporal.databases.map((t) => [t.name, clusterDatabase(t.name + values['temporal-suffix']).url])) },
      redisDir: values['redis-dir'],
      documentsDir: values['documents-dir'],
    });
    console.log(`[restore] the backup of ${manifest.takenAt} is restored. Start Raksha on it (services stopped first: npm run services down):`);
    const vars = [`RAKSHA_DB=${values.database}`];
    if (temporal.kind === 'sqlite') vars.push(`TEMPORAL_DB_FILE=${values['temporal-file']}`);
    else vars.push(`TEMPORAL_CLUSTER_DB=${temporal.databases[0]!.name}${values['temporal-suffix']} TEMPORAL_CLUSTER_VISIBILITY_DB=${temporal.databases[1]!.name}${values['temporal-suffix']}`);
    if (manifest.redis) vars.push(`REDIS_DIR=${values['redis-dir']}`);
    if (manifest.documents) vars.push(`RAKSHA_DOCUMENTS_DIR=${values['documents-dir']}`);
    console.log(`  ${vars.join(' ')} npm start`);
  } else {
    console.error('usage: npm run backup [-- --out DIR] | npm run restore -- <backup dir> [--database NAME] [--temporal-file FILE] [--redis-dir DIR] [--documents-dir DIR]');
    process.exitCode = 2;
  }
} catch (err) {
  console.error(`[${process.argv[2]}] ${err instanceof RestoreRefused ? 'refused: ' : ''}${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}

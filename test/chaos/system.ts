// The fault suite's own Raksha: PostgreSQL, Redis, the Temporal dev server, the worker and the API, each a process of
// its own on free ports in a temporary directory, so that killing one never touches the machine's shared services
// (other people's tests run on those). Each can be killed outright (a crash, not a clean stop) and started again.
import { execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { loadConfig, TEST_DATA_KEY, type RakshaConfig } from '@raksha/config';
import { createDb, type Db } from '@raksha/db';
import { applyMigrations } from '@raksha/prisma/migrations-lib';
import { seed } from '@raksha/prisma/seed';
import { startAppProcess } from '@raksha/test-support/app-process';
import { freePort, startTemporalDevServer, type TemporalDevServer } from '@raksha/test-support/temporal-dev-server';

const run = promisify(execFile);

/** What the suite kills and starts again, one at a time. */
export const FAULTS = ['worker', 'temporal', 'postgres', 'redis', 'api'] as const;
export type Fault = (typeof FAULTS)[number];

export interface Process {
  readonly name: Fault;
  /** Kills it as a crash would: SIGKILL (PostgreSQL: an immediate shutdown, which recovers from its WAL on start). */
  kill(): Promise<void>;
  /** Starts it again on the same ports and data; resolves once it serves. */
  start(): Promise<void>;
}

/** A worker or API that has not said it is ready by then never will: the run fails instead of waiting for ever. */
const START_BOUND_MS = 180_000;

export interface ProcessExit {
  name: Fault;
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChaosSystem {
  dir: string;
  apiUrl: string;
  config: RakshaConfig;
  /** a client of the suite's own database, for the checks after recovery (reconnects after PostgreSQL's restart) */
  db: Db;
  processes: Record<Fault, Process>;
  /** the worker or API ending by itself (not killed by the suite): each is a defect */
  exits: ProcessExit[];
  stop(): Promise<void>;
}

/** Debian's PostgreSQL server binaries (initdb and pg_ctl are not on PATH), the newest version installed. */
async function postgresBin(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).sort((a, b) => Number(a) - Number(b));
  if (!versions.length) throw new Error('PostgreSQL is not installed (scripts/services.sh up installs it)');
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
}

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres user, who owns the data directory. */
const asRoot = process.getuid?.() === 0;
const pgCommand = (bin: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args));

async function startPostgres(dir: string): Promise<{ port: number; process: Process }> {
  const bin = await postgresBin();
  const data = join(dir, 'postgres');
  const sockets = join(dir, 'sockets');
  await mkdir(data, { recursive: true });
  await mkdir(sockets, { recursive: true });
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    for (const d of [data, sockets]) await chown(d, Number(stdout.trim()), Number(gid.trim()));
  }
  await pgCommand(`${bin}/initdb`, ['-D', data, '-U', 'raksha', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=64MB -c max_connections=200`;
  const start = async () => {
    await pgCommand(`${bin}/pg_ctl`, ['-D', data, '-o', options, '-l', join(sockets, 'postgres.log'), '-w', '-t', '120', 'start']);
  };
  await start();
  return {
    port,
    process: {
      name: 'postgres',
      // -m immediate: every server process quits at once without a checkpoint, as in a crash; the next start replays the WAL
      kill: async () => void (await pgCommand(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop'])),
      start,
    },
  };
}

/** A child process the suite started, killed with SIGKILL; `exited` resolves when it is gone. */
function killChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

async function startRedis(dir: string, port: number): Promise<{ port: number; process: Process }> {
  const data = join(dir, 'redis');
  await mkdir(data, { recursive: true });
  let child: ChildProcess | undefined;
  const start = async () => {
    // appendonly, as scripts/services.sh runs it: queued notifications outlive a crash
    child = spawn('redis-server', ['--port', `${port}`, '--bind', '127.0.0.1', '--dir', data, '--appendonly', 'yes', '--save', '', '--logfile', join(data, 'redis.log')], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      const pong = await run('redis-cli', ['-p', `${port}`, 'ping']).then((r) => r.stdout.includes('PONG')).catch(() => false);
      if (pong) return;
      if (child.exitCode !== null || i > 300) throw new Error(`redis-server on port ${port} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await start();
  return { port, process: { name: 'redis', kill: () => killChild(child), start } };
}

export interface ChaosOptions {
  /** extra environment for the API and the worker */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/** Starts the whole system in a fresh temporary directory: migrated, seeded, serving. */
export async function startChaosSystem(options: ChaosOptions = {}): Promise<ChaosSystem> {
  const dir = await mkdtemp(join(tmpdir(), 'raksha-chaos-'));
  await chmod(dir, 0o755); // the postgres user reaches its data directory inside
  const stops: (() => Promise<void>)[] = [];
  const log = options.log ?? (() => undefined);
  try {
    // The three services start side by side (each on ports chosen now), then the database is migrated and seeded.
    const [redisPort, apiPort, temporalPorts] = [await freePort(), await freePort(), { port: await freePort(), httpPort: await freePort(), metricsPort: await freePort() }];
    const temporalFile = join(dir, 'temporal.sqlite');
    const [postgres, redis, firstTemporal] = await Promise.all([
      startPostgres(dir).then((p) => (stops.push(() => p.process.kill().catch(() => undefined)), p)),
      startRedis(dir, redisPort).then((r) => (stops.push(() => r.process.kill()), r)),
      startTemporalDevServer(temporalFile, temporalPorts),
    ]);
    let temporal: TemporalDevServer = firstTemporal;
    stops.push(() => temporal.kill());
    log('PostgreSQL, Redis and Temporal up');

    const admin = new pg.Client({ connectionString: `postgresql://raksha@127.0.0.1:${postgres.port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE raksha').finally(() => admin.end());
    const databaseUrl = `postgresql://raksha:raksha@127.0.0.1:${postgres.port}/raksha`;
    const setup = new pg.Client({ connectionString: databaseUrl });
    await setup.connect();
    await setup.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').finally(() => setup.end());
    await applyMigrations(databaseUrl);
    log('database migrated');

    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redis.port}/0`,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'raksha-chaos',
      API_HOST: '127.0.0.1',
      API_PORT: `${apiPort}`,
      RAKSHA_PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      RAKSHA_TOKEN_SECRET: 'chaos-only-token-secret-not-for-any-deployment',
      RAKSHA_DATA_KEY: TEST_DATA_KEY,
      RAKSHA_RETIRED_DATA_KEYS: '',
      RAKSHA_DOCUMENTS_DIR: join(dir, 'documents'),
      // one load generator makes hundreds of requests a minute from one address
      RATE_LIMIT_PER_MINUTE: '1000000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      NOTIFY_CHANNELS: '',
      WORKER_WATCHES_DUTIES: 'false',
      WORKER_ROLLS_UP_TRENDS: 'false',
      WORKER_DELIVERS_NOTIFICATIONS: 'true',
      // the start lines the suite waits for ('[api] http', '[worker] polling') are logged at level `log`
      LOG_LEVEL: 'log',
      ...options.env,
    };
    const config = loadConfig({ ...process.env, ...env });
    const db = createDb(databaseUrl);
    stops.push(() => db.$disconnect());

    const exits: ProcessExit[] = [];
    const child = (entry: string, ready: string, name: Fault): Process & { child?: ChildProcess } => {
      const p: Process & { child?: ChildProcess } = {
        name,
        kill: () => killChild(p.child),
        start: async () => {
          let timer: NodeJS.Timeout | undefined;
          const starting = startAppProcess(entry, env, ready);
          const child = await Promise.race([
            starting,
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`the ${name} did not start within ${START_BOUND_MS / 1000} s`)), START_BOUND_MS);
            }),
          ]).finally(() => clearTimeout(timer));
          const log = createWriteStream(join(dir, `${name}.log`), { flags: 'a' });
          child.stdout!.pipe(log);
          child.stderr!.pipe(log);
          // a process that ends on its own (not killed by the suite) is a finding: it is logged and counted
          child.once('exit', (code, signal) => {
            if (p.child === child && signal !== 'SIGKILL') exits.push({ name, at: Date.now(), code, signal });
          });
          p.child = child;
        },
      };
      return p;
    };
    const worker = child('apps/worker/src/main.ts', '[worker] polling', 'worker');
    const api = child('apps/api/src/main.ts', '[api] http', 'api');
    // The worker bundles its workflow code and both compile on start (half a minute on a busy machine): meanwhile the
    // database is seeded. Neither reads the seed's rows before a request or a workflow asks.
    const starting = Promise.all([worker.start(), api.start()]);
    stops.push(() => worker.kill(), () => api.kill());
    await seed(db, config).then(() => log('database seeded'));
    await starting;
    log('worker and API up');

    const processes: Record<Fault, Process> = {
      worker,
      api,
      postgres: postgres.process,
      redis: redis.process,
      temporal: {
        name: 'temporal',
        kill: () => temporal.kill(),
        start: async () => {
          temporal = await startTemporalDevServer(temporalFile, temporalPorts);
        },
      },
    };
    return {
      dir,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      config,
      db,
      processes,
      exits,
      async stop() {
        for (const stop of stops.reverse()) await stop();
        if (!process.env.CHAOS_KEEP) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

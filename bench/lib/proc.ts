// Worker child processes (so their memory can be read on their own) and VmRSS from /proc.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export interface ProcStatus {
  /** Resident set size now, KiB. */
  rssKiB: number;
  /** Peak resident set size since the process started, KiB. */
  hwmKiB: number;
}

/** VmRSS / VmHWM of a process, or undefined if it is gone (or /proc is unreadable). */
export function procStatus(pid: number): ProcStatus | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const rssKiB = kib('VmRSS');
    // A zombie (exited, not yet reaped) has a status file but no memory lines.
    return Number.isFinite(rssKiB) ? { rssKiB, hwmKiB: kib('VmHWM') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Temporal server's pid as scripts/services.sh records it: the production-shaped server's with
 * RAKSHA_TEMPORAL=cluster, else the dev server's (or the running `temporal server start-dev`).
 */
export function temporalServerPid(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const home = env.RAKSHA_HOME ?? join(homedir(), '.cache', 'raksha');
  const cluster = env.RAKSHA_TEMPORAL === 'cluster';
  try {
    const pid = Number(readFileSync(join(home, cluster ? 'temporal-cluster.pid' : 'temporal.pid'), 'utf8').trim());
    if (Number.isInteger(pid) && procStatus(pid)) return pid;
  } catch {
    // no pid file: look for the process
  }
  if (cluster) return undefined;
  // The recorded pid can be stale (a restart by hand); the dev server is the one process running start-dev.
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (/temporal/.test(argv[0] ?? '') && argv[1] === 'server' && argv[2] === 'start-dev' && procStatus(Number(entry))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

export interface NodeChild {
  pid: number;
  logFile: string;
  /** Throws if the process has exited (e.g. out of memory) since it was ready. */
  assertAlive(): void;
  /** SIGTERM (graceful: the worker finishes in-flight tasks), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const started = new Set<ChildProcess>();
/** If the benchmark dies, its workers die with it (only the children it started). */
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Runs `node --import @swc-node/register/esm-register <script>` from the repository root, output
 * to `logFile`, and resolves once a stdout line matches `ready` (rejects on exit or after `limitMs`).
 */
export function startNodeChild(script: string, env: NodeJS.ProcessEnv, logFile: string, ready: RegExp, limitMs = 120_000): Promise<NodeChild> {
  // e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS)
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', '@swc-node/register/esm-register', script], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping = false;
  const assertAlive = () => {
    if (!stopping && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${script} (pid ${child.pid}) exited (${child.signalCode ?? child.exitCode}); see ${logFile}`);
    }
  };
  const stop = async (graceMs = 60_000) => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    started.delete(child);
    log.end();
  };
  return new Promise<NodeChild>((resolve, reject) => {
    let buffered = '';
    let isReady = false;
    const timer = setTimeout(() => {
      void stop(1_000);
      reject(new Error(`${script} was not ready within ${limitMs} ms; see ${logFile}`));
    }, limitMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (isReady) return;
      buffered += chunk.toString('utf8');
      if (ready.test(buffered)) {
        isReady = true;
        clearTimeout(timer);
        resolve({ pid: child.pid!, logFile, assertAlive, stop });
      }
    });
    child.once('exit', (code, signal) => {
      if (isReady) return;
      clearTimeout(timer);
      reject(new Error(`${script} exited (${signal ?? code}) before it was ready; see ${logFile}`));
    });
  });
}

export interface RssSample {
  /** ms since the sampler started */
  t: number;
  rssKiB: Record<string, number | undefined>;
}

/** Samples VmRSS of named processes every `everyMs`; keeps every sample and each one's maximum. */
export class RssSampler {
  readonly samples: RssSample[] = [];
  readonly peakKiB: Record<string, number> = {};
  private readonly t0 = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: Record<string, number | undefined>,
    everyMs = 1_000,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): Record<string, number | undefined> {
    const rssKiB: Record<string, number | undefined> = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      const rss = pid === undefined ? undefined : procStatus(pid)?.rssKiB;
      rssKiB[name] = rss;
      if (rss !== undefined) this.peakKiB[name] = Math.max(this.peakKiB[name] ?? 0, rss);
    }
    this.samples.push({ t: Date.now() - this.t0, rssKiB });
    return rssKiB;
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of one process (or thread) from /proc/<pid>/stat, in ms (undefined if it is gone). */
function cpuMs(pid: number, statFile = `/proc/${pid}/stat`): number | undefined {
  try {
    const stat = readFileSync(statFile, 'utf8');
    // Fields after the command name (which may contain spaces) start at state: field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Busy CPU time of the whole machine (all cores, every process), in ms, from /proc/stat. */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = ticks.map(Number);
  return (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Every process whose command name is `comm` (e.g. all PostgreSQL backends), by pid. */
function pidsNamed(comm: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * CPU time spent by each named group of processes between `start()` and `stop()`: single pids
 * (the workers, the dev server, this process) and process names (`postgres`, `redis-server`,
 * which include any other work those servers did meanwhile on this shared machine).
 */
export class CpuMeter {
  private before = new Map<string, Map<number, number>>();

  constructor(
    private readonly pids: Record<string, number | undefined>,
    private readonly names: Record<string, string> = { postgres: 'postgres', redis: 'redis-server' },
    /** Node processes also split by thread: `<group>.mainThread` (JS main thread: activities, Prisma,
     * SDK glue), `<group>.otherNodeThreads` (the workflow sandbox's worker thread, V8 GC and libuv
     * helpers), `<group>.sdkCore` (the SDK's Rust threads: gRPC, workflow state machines). */
    private readonly threadsOf: readonly string[] = [],
  ) {}

  private read(): Map<string, Map<number, number>> {
    const groups = new Map<string, Map<number, number>>();
    groups.set('machine', new Map([[0, machineBusyMs()]]));
    for (const [group, pid] of Object.entries(this.pids)) {
      const ms = pid === undefined ? undefined : cpuMs(pid);
      groups.set(group, new Map(ms === undefined ? [] : [[pid!, ms]]));
    }
    for (const group of this.threadsOf) {
      const pid = this.pids[group];
      const split = { mainThread: new Map<number, number>(), otherNodeThreads: new Map<number, number>(), sdkCore: new Map<number, number>() };
      if (pid !== undefined) {
        let tids: string[] = [];
        try {
          tids = readdirSync(`/proc/${pid}/task`);
        } catch {
          // gone
        }
        for (const tid of tids) {
          try {
            const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
            const ms = cpuMs(Number(tid), `/proc/${pid}/task/${tid}/stat`);
            if (ms === undefined) continue;
            const part = Number(tid) === pid ? 'mainThread' : comm === 'node' ? 'otherNodeThreads' : 'sdkCore';
            split[part].set(Number(tid), ms);
          } catch {
            // thread ended meanwhile
          }
        }
      }
      for (const [part, byTid] of Object.entries(split)) groups.set(`${group}.${part}`, byTid);
    }
    for (const [group, comm] of Object.entries(this.names)) {
      const byPid = new Map<number, number>();
      for (const pid of pidsNamed(comm)) {
        const ms = cpuMs(pid);
        if (ms !== undefined) byPid.set(pid, ms);
      }
      groups.set(group, byPid);
    }
    return groups;
  }

  start(): void {
    this.before = this.read();
  }

  /** CPU ms per group since start() (`machine`: all cores busy); a process that started meanwhile counts from zero. */
  stop(): Record<string, number> {
    const after = this.read();
    const used: Record<string, number> = {};
    for (const [group, byPid] of after) {
      let ms = 0;
      for (const [pid, now] of byPid) ms += now - (this.before.get(group)?.get(pid) ?? 0);
      used[group] = ms;
    }
    return used;
  }
}

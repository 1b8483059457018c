// Runs schemathesis (PyPI; scripts/setup.sh test installs it in a venv of its own) against a running API's OpenAPI
// document, with the checks and per-operation tokens of schemathesis.toml beside this file, and reads its JSON report.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REQUEST_BOUND_MS } from '@raksha/api/problem/request-deadline';

const CONFIG = fileURLToPath(new URL('./schemathesis.toml', import.meta.url));

export interface FuzzBounds {
  /** test cases per operation and phase */
  maxExamples: number;
  /** schemathesis's phases, e.g. ['examples', 'fuzzing'] or with 'coverage' (every boundary of every schema: slow) */
  phases: readonly string[];
  /** the whole run's time budget: with it, schemathesis repeats fuzzing until it is spent, and stops there (a budget
   * shorter than the phases before fuzzing leaves operations untested, which fails) */
  fuzzSeconds?: number;
  /** seconds after which a run that has not finished is stopped and fails (a hang, or a machine far too slow) */
  giveUpSeconds: number;
  /** concurrent requests */
  workers: number;
  seed: number;
  /** the demo users (prisma/seed-users.ts) signed in for the runs, one run each, in this order */
  users: readonly string[];
}

/** The bounds of `npm test`'s run (each operation once), or those RAKSHA_FUZZ_* set (`npm run fuzz`, test/fuzz/fuzz.sh). */
export function boundsFromEnv(env: NodeJS.ProcessEnv = process.env): FuzzBounds {
  const fuzzSeconds = env.RAKSHA_FUZZ_SECONDS ? Number(env.RAKSHA_FUZZ_SECONDS) : undefined;
  return {
    maxExamples: Number(env.RAKSHA_FUZZ_EXAMPLES ?? 1),
    phases: (env.RAKSHA_FUZZ_PHASES ?? 'examples,fuzzing').split(','),
    fuzzSeconds,
    giveUpSeconds: (fuzzSeconds ?? 0) + Number(env.RAKSHA_FUZZ_GIVE_UP_AFTER ?? 300),
    workers: Number(env.RAKSHA_FUZZ_WORKERS ?? 4),
    seed: Number(env.RAKSHA_FUZZ_SEED ?? 22),
    users: (env.RAKSHA_FUZZ_USERS ?? 'cwc.jaipur').split(','),
  };
}

/** What the run's JSON report says (the fields read here). */
export interface FuzzReport {
  stop_reason: string;
  exit_code: number;
  operations: { total: number; selected: number; tested: number; errored: number; skipped: number };
  test_cases: { generated: number; with_failures: number };
  failures: { code: string; title: string; count: number; operations: string[] }[];
  errors: { title?: string; message?: string; operation?: string }[];
  running_time: number;
}

export interface FuzzRun {
  report: FuzzReport;
  /** schemathesis's own account: each failure with the request that caused it, how to reproduce it */
  output: string;
}

/** The schemathesis command of the venv scripts/setup.sh makes (SCHEMATHESIS_VENV, scripts/env.sh). */
export function schemathesisBin(env: NodeJS.ProcessEnv = process.env): string {
  const venv = env.SCHEMATHESIS_VENV ?? join(env.RAKSHA_HOME ?? join(homedir(), '.cache/raksha'), 'venv', `schemathesis-${env.SCHEMATHESIS_VERSION ?? '4.32.5'}`);
  const bin = join(venv, 'bin', 'schemathesis');
  if (!existsSync(bin)) throw new Error(`schemathesis is not installed at ${bin}: run \`bash scripts/setup.sh test\` (npm test does)`);
  return bin;
}

/**
 * Fuzzes every operation of the document at `baseUrl`/docs/openapi.json. `token` signs every request in;
 * `logoutToken` is a session of its own for POST /auth/logout, which ends the session it is sent with; the case's
 * operations are sent to `caseId`.
 */
export async function runSchemathesis(baseUrl: string, given: { token: string; logoutToken: string; caseId: string }, bounds: FuzzBounds): Promise<FuzzRun> {
  const dir = mkdtempSync(join(tmpdir(), 'raksha-fuzz-'));
  const reportPath = join(dir, 'report.json');
  const args = [
    '--config-file', CONFIG, 'run', `${baseUrl}/docs/openapi.json`,
    '--max-examples', String(bounds.maxExamples),
    '--phases', bounds.phases.join(','),
    ...(bounds.fuzzSeconds ? ['--max-time', String(bounds.fuzzSeconds)] : []),
    '--workers', String(bounds.workers),
    '--seed', String(bounds.seed),
    '--generation-database', 'none',
    // longer than the API's own bound on a request (REQUEST_BOUND_MS), so that the API, not the client, decides when a
    // request has waited too long; schemathesis's default of 10 s is shorter than a busy workflow may take
    '--request-timeout', String(REQUEST_BOUND_MS / 1000 + 5),
    '--no-color',
    '--report', 'json', '--report-json-path', reportPath,
  ];
  const env = { ...process.env, RAKSHA_FUZZ_TOKEN: given.token, RAKSHA_FUZZ_LOGOUT_TOKEN: given.logoutToken, RAKSHA_FUZZ_CASE_ID: given.caseId, PYTHONUNBUFFERED: '1' };
  try {
    const output = await new Promise<string>((resolve, reject) => {
      // in the run's own directory: schemathesis keeps its replay files (.schemathesis/) where it runs
      const child = spawn(schemathesisBin(), args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      const giveUp = setTimeout(() => {
        text += `\n[raksha] schemathesis did not finish within ${bounds.giveUpSeconds} s and was stopped`;
        child.kill('SIGTERM');
      }, bounds.giveUpSeconds * 1000);
      child.once('error', reject);
      child.once('close', () => {
        clearTimeout(giveUp);
        resolve(text);
      });
    });
    if (!existsSync(reportPath)) throw new Error(`schemathesis wrote no report:\n${output.slice(-6000)}`);
    return { report: JSON.parse(readFileSync(reportPath, 'utf8')) as FuzzReport, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What went wrong, as a reader needs it: one line per failure kind with its operations, then schemathesis's details. */
export function problemsOf({ report, output }: FuzzRun): string[] {
  const problems = [
    ...report.failures.map((f) => `${f.code} ${f.title} (${f.count}): ${f.operations.join(', ')}`),
    ...report.errors.map((e) => `error${e.operation ? ` in ${e.operation}` : ''}: ${e.title ?? ''} ${e.message ?? ''}`.trim()),
  ];
  const { selected, tested } = report.operations;
  if (tested < selected) problems.push(`only ${tested} of ${selected} operations were tested (stopped: ${report.stop_reason}${report.stop_reason === 'max_time' ? ': RAKSHA_FUZZ_SECONDS is too short for them all' : ''})`);
  if (problems.length === 0) return [];
  // schemathesis's ERRORS (which operation, why) and FAILURES sections, each with a curl line that reproduces it
  const details = output.match(/={5,} (?:ERRORS|FAILURES) ={5,}[\s\S]*?(?=\n={5,} (?:WARNINGS|SUMMARY))/)?.[0] ?? output.slice(-6000);
  return [...problems, details];
}

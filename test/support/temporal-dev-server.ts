// A Temporal CLI dev server of a test's own (the binary scripts/services.sh builds), on a store file the test chooses:
// for tests that copy, lose or restore the Temporal store, which the shared dev server's must never be.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { CaseIdAttribute, CasePhaseAttribute, CaseStateAttribute, DistrictCodeAttribute, StateCodeAttribute, TrackAttribute } from '@raksha/contracts/temporal';

const TEMPORAL_CLI = process.env.TEMPORAL_CLI ?? `${process.env.RAKSHA_HOME ?? `${process.env.HOME}/.cache/raksha`}/bin/temporal-v1.5.1`;

export interface TemporalDevServer {
  address: string;
  /** the ports it listens on: a server started again on the same store and ports is the same server to its clients */
  ports: TemporalPorts;
  /** Stops the server (SIGTERM), so its store file can be copied or reopened. */
  stop(): Promise<void>;
  /** Kills the server outright (SIGKILL), as a crash would (the fault suite, test/chaos). */
  kill(): Promise<void>;
}

export interface TemporalPorts {
  port: number;
  httpPort: number;
  metricsPort: number;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function startTemporalDevServer(dbFile: string, ports?: TemporalPorts): Promise<TemporalDevServer> {
  const { port, httpPort, metricsPort } = ports ?? { port: await freePort(), httpPort: await freePort(), metricsPort: await freePort() };
  const attributes = [CaseIdAttribute, TrackAttribute, CaseStateAttribute, CasePhaseAttribute, DistrictCodeAttribute, StateCodeAttribute].flatMap((a) => ['--search-attribute', `${a.name}=Keyword`]);
  const child = spawn(
    TEMPORAL_CLI,
    ['server', 'start-dev', '--db-filename', dbFile, '--ip', '127.0.0.1', '--port', `${port}`, '--http-port', `${httpPort}`, '--metrics-port', `${metricsPort}`,
      '--headless', '--namespace', 'default', '--sqlite-pragma', 'journal_mode=WAL', '--log-level', 'error', ...attributes],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = `127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const health = await new Promise<string>((resolve) => {
      const probe = spawn(TEMPORAL_CLI, ['operator', 'cluster', 'health', '--address', address], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      probe.stdout.on('data', (c: Buffer) => (out += c.toString()));
      probe.once('exit', () => resolve(out));
    });
    if (health.includes('SERVING')) break;
    if (child.exitCode !== null || i > 300) {
      child.kill();
      throw new Error(`the Temporal dev server on ${dbFile} did not start:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { address, ports: { port, httpPort, metricsPort }, stop: end('SIGTERM'), kill: end('SIGKILL') };
}

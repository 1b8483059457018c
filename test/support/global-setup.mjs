// Once per Jest run, before the integration files: the case workflows bundled into a temporary file that every
// file's worker reads (workflow-bundle.ts). Plain JavaScript because Jest loads its global setup outside the
// ESM TypeScript transform the tests use; the bundling itself runs as the project's own scripts do.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export default async function bundleCaseWorkflowsOnce() {
  const file = join(await mkdtemp(join(tmpdir(), 'raksha-workflows-')), 'bundle.js');
  const script = fileURLToPath(new URL('./workflow-bundle.ts', import.meta.url));
  await promisify(execFile)(process.execPath, ['--import', '@swc-node/register/esm-register', script, file], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  process.env.RAKSHA_TEST_WORKFLOW_BUNDLE = file;
}

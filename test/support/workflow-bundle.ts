// The case workflows bundled once per Jest run instead of once per test file: webpack takes about three seconds of a
// core each time, and every integration file starts a worker. The integration project's global setup
// (global-setup.mjs) bundles them with bundleCaseWorkflows, as the worker's own start does, and the files read that
// bundle.
import { readFile, writeFile } from 'node:fs/promises';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';

/** Where the run's bundle is: set by the global setup, inherited by Jest's workers. */
export const BUNDLE_PATH_VARIABLE = 'RAKSHA_TEST_WORKFLOW_BUNDLE';

let bundled: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The case workflows' bundle: the run's own when the global setup made one, else bundled here. */
export function caseWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  const path = process.env[BUNDLE_PATH_VARIABLE];
  // The SDK reads only `code`: the source map is inline.
  bundled ??= path ? readFile(path, 'utf8').then((code) => ({ code, sourceMap: '' })) : bundleCaseWorkflows();
  return bundled;
}

// Run as a script by the global setup: `workflow-bundle.ts <file>` writes the bundle there.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await writeFile(process.argv[2]!, (await bundleCaseWorkflows()).code);
}

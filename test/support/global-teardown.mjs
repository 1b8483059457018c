// After the run: the temporary bundle global-setup.mjs made, removed.
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export default async function removeTheRunsBundle() {
  const file = process.env.RAKSHA_TEST_WORKFLOW_BUNDLE;
  if (file) await rm(dirname(file), { recursive: true, force: true });
}

// Determinism: every committed history in workflows/test/histories/ (recorded from real runs by
// scripts/record-histories.ts) must replay on the current workflow code, so an edit that would
// break cases already running in production fails here first. See docs/replay.md.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { DataKeyRing, TEST_DATA_KEY } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { historyFromJSON, type History } from './fixtures/history-json.js';

const HISTORIES_DIR = fileURLToPath(new URL('./histories/', import.meta.url));
const scenarios = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

const loadHistory = (scenario: string): History => historyFromJSON(JSON.parse(readFileSync(`${HISTORIES_DIR}${scenario}.json`, 'utf8')));

/** Replays one history; resolves if the code reproduces it command for command. */
const replay = (workflowBundle: WorkflowBundleWithSourceMap, scenario: string) =>
  Worker.runReplayHistory(
    // the worker's codec: histories recorded before payload encryption pass through it unchanged; later ones were
    // recorded with the tests' fixed key (scripts/record-histories.ts), whatever key this machine has
    { workflowBundle, replayName: `replay-${scenario}`, dataConverter: caseDataConverter(new DataKeyRing(Buffer.from(TEST_DATA_KEY, 'base64'))) },
    loadHistory(scenario),
    `replay-${scenario}`,
  );

describe('caseWorkflow replay: recorded histories of real runs still replay on the current code', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    bundle = await caseWorkflowBundle();
  });

  it('has the recorded histories: a completed case, running cases, concurrent events, a continued-as-new case and a case on the fewer-commands patch', () => {
    expect(scenarios).toEqual(
      expect.arrayContaining([
        'cncp-production-missed-escalated-then-produced',
        'cncp-restored-followed-up-closed',
        'cicl-petty-extended-terminated-by-system',
        'escalation-acknowledged-and-resolved',
        'cncp-conflicting-events-at-once',
        'continue-as-new-first-run',
        'continue-as-new-second-run',
        'cncp-deadline-timer-kept-across-events',
      ]),
    );
  });

  it.each(scenarios)('replays the recorded history of %s without a determinism violation', async (scenario) => {
    await expect(replay(bundle, scenario)).resolves.toBeUndefined();
  });

  it('fails with a determinism violation when the workflow code is changed incompatibly (a timer before registration)', async () => {
    const incompatible = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./fixtures/incompatible-case.workflow.ts', import.meta.url)),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never,
      webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, extensionAlias: { '.js': ['.ts', '.js'] } } }),
    });
    const failure = await replay(incompatible, 'cncp-production-missed-escalated-then-produced').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(DeterminismViolationError);
    expect((failure as Error).message).toMatch(/nondeterminism/i);
  });
});

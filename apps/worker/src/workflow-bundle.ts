import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

export const WORKFLOWS_PATH = fileURLToPath(import.meta.resolve('@raksha/workflows'));

/**
 * Modules evaluated once per worker thread and shared by every workflow in the reused V8 context,
 * instead of once per workflow run (the SDK's `preloadModules`; reuseV8Context only): a cached case
 * then costs its own state, not its own copy of the machine and of every contract's schemas. Each
 * must keep no per-workflow state at module level, read no clock or randomness at load, and work
 * deep-frozen: the SDK freezes everything their exports reach. XState's and Zod's module state is
 * caches keyed by the caller's objects and an actor id counter that never reaches a command.
 * `@raksha/case-machine/workflow` keeps the Zod schemas it parses with out of its exports (Zod 4
 * stores members on a schema at first use, which a frozen schema refuses); `@raksha/contracts/temporal`
 * exports handles and names only (the workflows import the HTTP half's types, never its schemas).
 */
export const SHARED_WORKFLOW_MODULES = ['zod', 'xstate', '@raksha/domain', '@raksha/case-machine/workflow', '@raksha/contracts/temporal'];

/** Carries each request's id through workflows into their activities and log lines (always bundled). */
const REQUEST_ID_INTERCEPTORS = fileURLToPath(import.meta.resolve('@raksha/contracts/temporal/workflow-interceptors'));
/** Workflows' spans, continuing the API's trace (bundled only when traces are on: they cost every activation). */
const TRACING_INTERCEPTORS = fileURLToPath(import.meta.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'));

/** Bundles the deterministic workflow code; `.js` import specifiers resolve to our `.ts` sources. */
export function bundleCaseWorkflows(options: { tracing?: boolean } = {}): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: options.tracing ? [REQUEST_ID_INTERCEPTORS, TRACING_INTERCEPTORS] : [REQUEST_ID_INTERCEPTORS],
    preloadModules: SHARED_WORKFLOW_MODULES,
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never,
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, extensionAlias: { '.js': ['.ts', '.js'] } };
      return config;
    },
  });
}

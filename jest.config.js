// One Jest run, two projects: pure unit tests, and integration tests against the real
// PostgreSQL, Redis and Temporal that scripts/services.sh starts. Native ESM (Nest 12 is ESM-only).
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
export default {
  // On 2 cores Jest would run every file in its own process, whose heap grows file by file (ESM modules are not
  // released) until it runs out of memory; a worker is recycled once it holds this much after a file.
  workerIdleMemoryLimit: '1536MB',
  // Two workers even on 2 cores: integration tests mostly wait on PostgreSQL, Temporal and the browser, so two files
  // at once take little more than one. Each worker has its own databases (test/support/test-workers.ts).
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps,workflows,activities,scripts}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,apps,workflows,activities,prisma,test}/**/*.int.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-setup.ts'],
    },
  ],
};

import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Workflow code must replay deterministically: no Node built-ins, no database, no environment.
const workflowForbiddenImports = [
  ...builtinModules.flatMap((m) => [m, `node:${m}`]),
  '@prisma/*',
  '@raksha/db',
  '@raksha/config',
  'pg',
  'ioredis',
  'bullmq',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'libs/db/src/generated/**', 'coverage/**', 'apps/web/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: workflowForbiddenImports.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'workflow code must be deterministic' })),
          patterns: [{ group: ['@prisma/*', 'node:*'], message: 'workflow code must be deterministic' }],
        },
      ],
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'workflows read no environment; pass it in the input' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'workflows read no environment' }, { name: 'require', message: 'import activities by type only' }],
    },
  },
  {
    // The HTTP half of the contracts is imported by the web app: zod and our libs only, never Temporal.
    files: ['libs/contracts/src/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@temporalio/*', './temporal/*', './temporal'], message: "the HTTP half is browser-safe: Temporal's things live in ./temporal" }] }],
    },
  },
);

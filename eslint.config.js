// One ESLint (flat config) for the whole monorepo. Every workspace package runs `eslint` from its own
// folder and ESLint finds this file by walking up, so the patterns below are relative to the repo root.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nextApps = ['apps/admin/**/*.{ts,tsx}', 'apps/agent-ui/**/*.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.turbo/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/e2e/screenshots/**',
      '**/next-env.d.ts',
      '.tools/**',
      'data/**',
      'bench/results/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Real bugs in a long-running Node service: a rejected promise nobody awaits crashes or vanishes.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // React ignores an event handler's return value; an async onClick/onSubmit is the normal pattern.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Async methods implementing Promise-returning ports (in-memory fakes, adapters) need no await.
      '@typescript-eslint/require-await': 'off',
      // Type-only noise: the assertions are harmless and tsc already checks the types.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // `unknown | X` is written on purpose to document the expected shapes.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Flags only deliberate String(value) of already-narrowed JSON values.
      '@typescript-eslint/no-base-to-string': 'off',
      // Rethrowing or rejecting with a caught error or an AbortSignal's reason is correct; literals are still caught.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // `interface LoginResponse extends Session {}` names an API shape.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', '**/test/**/*.ts', '**/e2e/**/*.ts', '**/testing/**/*.ts'],
    rules: {
      // Vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['packages/core/src/testing/**/*.ts'],
    // Test doubles rethrow whatever failure value a test configured, Error or not.
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
  {
    files: nextApps,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // React Compiler advice: loading/reset state set at the start of a data-fetching effect is intended here.
      'react-hooks/set-state-in-effect': 'off',
      // The latest-callback ref pattern (ref.current = handler during render) is deliberate.
      'react-hooks/refs': 'off',
    },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/*/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);

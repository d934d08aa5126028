import { defineConfig } from 'vitest/config';

// Timeouts only guard against hangs: the CI machine has 2 cores shared by parallel tasks, so
// CPU-heavy tests (training, parsing thousands of emails) must not fail for being slow.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

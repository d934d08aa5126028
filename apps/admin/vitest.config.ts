import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,lib,components}/**/*.test.ts'],
    // Pure helpers only: one worker process can run every file.
    isolate: false,
  },
});

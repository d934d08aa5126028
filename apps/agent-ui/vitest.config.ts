import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,lib,components}/**/*.test.ts'],
  },
});

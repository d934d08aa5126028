import { defineConfig } from 'vitest/config';

// NestJS needs legacy (experimental) decorators with metadata; vite's oxc transform is told so explicitly.
const oxc = { decorator: { legacy: true, emitDecoratorMetadata: true } };

export default defineConfig({
  oxc,
  test: {
    projects: [
      {
        oxc,
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        oxc,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file boots real apps and databases; keep them apart on a small machine.
          fileParallelism: false,
        },
      },
    ],
  },
});

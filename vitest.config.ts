import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // `npm run test:coverage` (CI): src/ as the in-process tests run it. The e2e tests run the built
    // bundle in child processes, which v8 coverage of this process does not see.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 85 },
    },
  },
});

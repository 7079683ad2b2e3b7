import { defineConfig } from 'vitest/config';

// Three projects (CONTRIBUTING.md › Test):
// - unit: everything outside test/e2e and test/stress; runs the sources in process, no build, no pack;
// - e2e: test/e2e spawns the binary that global-setup.ts installs from `npm pack` (`npm run build` first);
// - stress: test/stress, statistical runs (random kills, timing bounds); `npm run test:stress`, not `npm test`.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/stress/**'] },
      },
      {
        extends: true,
        // Spawned processes on a loaded 2-core machine: a generous timeout, so only a hang fails by time.
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'], testTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: 'stress', include: ['test/stress/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'], testTimeout: 300_000 },
      },
    ],
    // `npm run test:coverage` (CI, after `npm test`): src/ as the unit tests run it in process. The e2e
    // tests run the built bundle in child processes, which v8 coverage of this process does not see.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 85 },
    },
  },
});

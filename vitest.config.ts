import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The second builds the web console when web/src is newer than web/dist (browser tests in test/web).
    globalSetup: ['test/support/global-setup.ts', 'test/web/support/build-console.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file has its own database; two workers keep the 2-core machines responsive.
    maxWorkers: 2,
  },
});

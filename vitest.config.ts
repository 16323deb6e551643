import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The second builds the web console when web/src is newer than web/dist (browser tests in test/web).
    globalSetup: ['test/support/global-setup.ts', 'test/web/support/build-console.ts'],
    // Upper bounds: the browser journeys make many steps on a busy 2-core machine.
    testTimeout: 90_000,
    // The browser files wait their turn in beforeAll (test/web/support/console-app.ts).
    hookTimeout: 300_000,
    // Each file has its own database; two workers keep the 2-core machines responsive.
    maxWorkers: 2,
  },
});

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { CONSOLE_DIST } from '../../../src/routes/console.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { createPerson } from '../../support/people.ts';

export const SCREENSHOTS = path.join('.data', 'screenshots');
export const PASSWORD = 'Grassland-Sunrise-2024';

export { ensureConsoleBuilt } from '../../../web/scripts/build-if-stale.ts';

export interface ConsoleStack {
  stack: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real service on a port of its own, over a fresh database (and, with `workers`, its workers on
 * Redis), with the console built, and one Chromium for the whole file. The service's clock is now: the browser and the service agree on
 * what today is.
 */
export async function startConsole({ workers = false } = {}): Promise<ConsoleStack> {
  // Built by the global setup (test/web/support/build-console.ts), once for all files.
  if (!existsSync(path.join(CONSOLE_DIST, 'index.html'))) throw new Error('the console is not built: npm run build:web');
  const turn = await browserTurn();
  try {
    await mkdir(SCREENSHOTS, { recursive: true });
    const stack = await startTestApp({
      now: new Date().toISOString(),
      // Scores and reports come from the ledger that the workers keep.
      ...(workers ? { queue: { backend: 'redis' as const, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, workers: true } : {}),
    });
    const address = await stack.app.listen({ port: 0, host: '127.0.0.1' });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    return {
      stack,
      baseUrl: address,
      browser,
      close: async () => {
        try {
          await browser.close();
          await stack.close();
        } finally {
          await turn.end();
        }
      },
    };
  } catch (error) {
    await turn.end();
    throw error;
  }
}

/**
 * One browser file at a time: two Chromiums beside the other test files starve a 2-core machine
 * (pages and font loading time out). A Postgres advisory lock on the run's admin database queues the
 * browser files while the service tests go on in the other worker.
 */
async function browserTurn(): Promise<{ end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [`browser-tests ${inject('templateDatabase')}`]);
  return { end: () => client.end() };
}

export const UNIT = '150600'; // 鄂尔多斯市

/** A person with a login and their own password, as they are after their first day. */
export async function person(stack: TestApp, login: string, name: string, role: string, unitCode?: string) {
  return createPerson(stack.app, { login, name, role, ...(unitCode ? { unitCode } : {}) }, PASSWORD);
}

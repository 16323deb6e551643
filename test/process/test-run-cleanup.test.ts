import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();

/** A whole test run of its own (one fixture file), named by TEST_PREFIX; its output and exit code. */
function nestedRun(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/process/fixtures/vitest.config.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

// A whole nested test run: a busy machine gets time.
describe.runIf(redisUrl)('a test run on a shared machine (TEST_PREFIX)', { timeout: 180_000 }, () => {
  it('names its databases, Redis keys and folders after TEST_PREFIX and removes them at the end', async () => {
    const prefix = `fx${randomBytes(3).toString('hex')}`;
    const givenUploads = path.join(tmpdir(), `${prefix}-given-uploads`);
    const run = await nestedRun({ TEST_PREFIX: prefix, REDIS_URL: redisUrl!, FIXTURE_UPLOAD_DIR: givenUploads });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('1 passed');

    const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await admin.connect();
    const databases = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]);
    await admin.end();
    expect(databases.rows).toEqual([]);

    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${prefix}_*`);
    redis.disconnect();
    expect(keys).toEqual([]);

    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`${prefix}-`))).toEqual([]);
    expect(existsSync(givenUploads)).toBe(false);
  });

  it('refuses a TEST_PREFIX that cannot name a database', async () => {
    const run = await nestedRun({ TEST_PREFIX: 'Bad-Prefix' });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('TEST_PREFIX must be');
  });
});

import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/**
 * What one test run makes on a shared machine is named after TEST_PREFIX (default `nmg`): its
 * databases (`<prefix>_template_<pid>` and its clones), its Redis keys and queue schemas
 * (`<prefix>_<pid>_…`), its folders (`<tmp>/<prefix>-run-<pid>`). Global teardown removes them.
 */
export function testPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const prefix = env.TEST_PREFIX || 'nmg';
  if (!/^[a-z][a-z0-9_]{0,19}$/.test(prefix)) {
    throw new Error(`TEST_PREFIX must be 1–20 lower-case letters, digits or underscores, starting with a letter (got "${prefix}")`);
  }
  return prefix;
}

export interface TestRun {
  /** Starts every Redis key and queue prefix of the run. */
  keyPrefix: string;
  /** The run's folder: default upload folders, and the list of other folders to remove. */
  dir: string;
}

export function testRunFor(prefix: string, runId: number | string): TestRun {
  return { keyPrefix: `${prefix}_${runId}_`, dir: path.join(tmpdir(), `${prefix}-run-${runId}`) };
}

const FOLDER_LIST = 'folders-to-remove';

/** Notes a folder a test app writes to (a given UPLOAD_DIR), for global teardown to remove. */
export function rememberFolder(run: TestRun, folder: string): void {
  mkdirSync(run.dir, { recursive: true });
  appendFileSync(path.join(run.dir, FOLDER_LIST), `${path.resolve(folder)}\n`);
}

/** Removes the upload folders test apps were given, then the run's own folder. */
export function removeRunFolders(run: TestRun): void {
  const list = path.join(run.dir, FOLDER_LIST);
  const folders = existsSync(list) ? readFileSync(list, 'utf8').split('\n').filter(Boolean) : [];
  for (const folder of [...new Set(folders), run.dir]) rmSync(folder, { recursive: true, force: true });
}

/** Deletes the run's Redis keys (SCAN, not KEYS: the server is shared). Returns how many. */
export async function deleteRunKeys(redisUrl: string, run: TestRun): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch {
    return 0; // No Redis answered: the run made no keys there.
  }
  let deleted = 0;
  try {
    for await (const keys of redis.scanStream({ match: `${run.keyPrefix}*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length) deleted += await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

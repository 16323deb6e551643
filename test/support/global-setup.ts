import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../db/connect.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../db/embedded.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { withDatabase } from './net.ts';
import { deleteRunKeys, removeRunFolders, testPrefix, testRunFor, type TestRun } from './test-run.ts';


declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** The run's Redis key prefix and folder (see test-run.ts). */
    testRun: TestRun;
  }
}

/**
 * One migrated template database per test run; each test file clones it (CREATE DATABASE …
 * TEMPLATE), which takes milliseconds. Real Postgres: DATABASE_URL when set, else an embedded server.
 * Names carry TEST_PREFIX; teardown drops the run's databases, deletes its Redis keys and folders.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.join('.data', 'test-pg'), Number(process.env.TEST_PG_PORT ?? 54339));
    adminUrl = embedded.url;
  }
  const prefix = testPrefix();
  const run = testRunFor(prefix, process.pid);
  const template = `${prefix}_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const handle = connectDatabase(templateUrl, 2);
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('testRun', run);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${template}_%`, template],
    );
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    await deleteRunKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', run);
    removeRunFolders(run);
  };
}

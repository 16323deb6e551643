/**
 * `npm ci` runs this (the root `prepare` script): it builds the console into web/dist so that
 * `npm start` serves it at /. An install without dev dependencies (a production image) has no Vite:
 * then it says so and leaves the service to run API-only.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
try {
  require.resolve('vite/package.json');
} catch {
  console.log('console build skipped: Vite is not installed (install without dev dependencies)');
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build', '-w', 'nmg-console'], { stdio: 'inherit' });
process.exit(build.status ?? 1);

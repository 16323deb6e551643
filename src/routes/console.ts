import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` (run by `npm ci` through `prepare`) leaves the console. */
export const CONSOLE_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** Paths of the service itself: never answered with the console, so that their 404s stay JSON. */
const SERVICE_PREFIXES = ['/v1/', '/v1?', '/docs', '/openapi.json', '/healthz', '/readyz', '/metrics'];

const isServicePath = (url: string) => url === '/v1' || SERVICE_PREFIXES.some((prefix) => url.startsWith(prefix));

/** Hashed build output never changes under its name; everything else is checked on every load. */
const cacheControl = (filePath: string) =>
  filePath.split(path.sep).includes('assets') ? 'public, max-age=31536000, immutable' : 'no-cache';

/** The console's index.html, read once: sent for any page address the browser asks for. */
export function consoleIndex(dist = CONSOLE_DIST): Buffer | null {
  const file = path.join(dist, 'index.html');
  return existsSync(file) ? readFileSync(file) : null;
}

/**
 * Whether a request that matched no route should get the console's index.html: a GET (or HEAD) of
 * a page address, so that the browser's addresses (/items/…, /stats?tab=…) load the app. The
 * service's own paths keep their JSON 404 (and 414 for an over-long parameter), because the
 * fallback is the not-found handler's, not a wildcard route that would match them first.
 */
export function wantsConsolePage(method: string, url: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !isServicePath(url);
}

/**
 * The web console (信息报送工作台) at `/`: the built files with cache headers; index.html for page
 * addresses comes from the app's not-found handler (see `wantsConsolePage`). Without a build the
 * service runs as before, API only.
 */
export default async function consoleRoutes(app: FastifyInstance, { dist = CONSOLE_DIST }: { dist?: string } = {}): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web console not built (npm run build:web): serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    setHeaders: (reply, filePath) => reply.header('cache-control', cacheControl(filePath)),
  });
}

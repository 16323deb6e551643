import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Helmet's defaults (nosniff, Referrer-Policy: no-referrer, HSTS, …) with a content security policy
 * that the /docs page (swagger-ui: its own scripts and styles, the spec fetched from /docs/json,
 * inline style attributes, data: images) and the console at / work under, and that forbids framing.
 * The console's scripts are its own files; Ant Design writes its styles into <style> elements at
 * run time ('unsafe-inline' for styles only, never scripts); photo previews before upload are blob:
 * URLs. Without upgrade-insecure-requests: installs reached over plain HTTP inside the network would
 * lose /docs and the console.
 */
const setSecurityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  frameguard: { action: 'deny' },
});

/**
 * On every answer, the same headers, set by one helmet middleware built once (@fastify/helmet
 * builds helmet anew for each request and parses the policy every time, for headers that never
 * change).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}

import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Helmet's defaults (nosniff, Referrer-Policy: no-referrer, HSTS, …) with a content security policy
 * that the /docs page (swagger-ui: its own scripts and styles, the spec fetched from /docs/json,
 * inline style attributes, data: images) works under, and that forbids framing. Without
 * upgrade-insecure-requests: installs reached over plain HTTP inside the network would lose /docs.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
  });
}

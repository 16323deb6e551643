import { createServer } from 'node:net';

/** A TCP port free on this machine now (for servers a test or benchmark starts itself). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The same server, another database. A string edit, not `new URL`: socket URLs have an empty host. */
export function withDatabase(url: string, database: string): string {
  const match = /^([a-z]+:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/i.exec(url);
  if (!match) throw new Error(`not a postgres:// URL: ${url}`);
  return `${match[1]}/${database}${match[3]}`;
}

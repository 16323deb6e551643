import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of Postgres or Redis that can freeze: connections stay open but nothing
 * moves, as when the server hangs (SIGSTOP, a full disk, a dead network path). Thawing resumes them.
 */
export class FreezableProxy {
  private server: Server | null = null;
  private readonly pairs: { client: Socket; upstream: Socket }[] = [];
  private frozen = false;
  private readonly targetHost: string;
  private readonly targetPort: number;
  port = 0;

  constructor(targetHost: string, targetPort: number) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** A proxy in front of the server of a postgres:// or redis:// URL (host and port written in it). */
  static for(url: string): FreezableProxy {
    const match = /^[a-z]+:\/\/(?:[^@/]*@)?([^:/?#]+):(\d+)/i.exec(url);
    if (!match) throw new Error(`no host:port in ${url}`);
    return new FreezableProxy(match[1], Number(match[2]));
  }

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      const pair = { client, upstream };
      this.pairs.push(pair);
      for (const socket of [client, upstream]) socket.on('error', () => {}).on('close', () => {
        client.destroy();
        upstream.destroy();
      });
      if (!this.frozen) this.flow(pair);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** The same URL, through this proxy. */
  via(url: string): string {
    return url.replace(/^([a-z]+:\/\/(?:[^@/]*@)?)[^/?#]*/i, (_authority, prefix: string) => `${prefix}127.0.0.1:${this.port}`);
  }

  freeze(): void {
    this.frozen = true;
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream).pause();
      upstream.unpipe(client).pause();
    }
  }

  thaw(): void {
    this.frozen = false;
    for (const pair of this.pairs) this.flow(pair);
  }

  async stop(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private flow({ client, upstream }: { client: Socket; upstream: Socket }): void {
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

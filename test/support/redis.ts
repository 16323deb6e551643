import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './net.ts';
import { installed } from './programs.ts';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * The Redis the tests use: REDIS_URL, else a local server on the default port. On CI a missing
 * Redis is a failure; elsewhere the Redis suites are skipped (and reported as skipped).
 */
export async function redisForTests(): Promise<string | null> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await answers(url)) return url;
  if (process.env.CI) throw new Error(`CI needs Redis at ${url}`);
  return null;
}

export function redisServerInstalled(): boolean {
  return installed('redis-server');
}

/** A Redis server of the test's own, so that it can be stopped and flushed without touching others. */
export class PrivateRedis {
  private process: ChildProcess | null = null;
  port = 0;

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i += 1) {
      if (await answers(this.url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('private redis-server did not start');
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async flushAll(): Promise<void> {
    const client = new Redis(this.url);
    await client.flushall();
    client.disconnect();
  }
}

/**
 * Whether every worker's Redis connections (its own and its blocking one) are up. A worker closed
 * while a connection is still reconnecting may never finish closing (BullMQ issue #4656), so a test
 * that brings Redis back waits for this before it stops the workers.
 */
export async function workersConnected(workers: Worker[]): Promise<boolean> {
  for (const worker of workers) {
    // The Redis backend's documented escape hatches to its raw clients.
    const backend = worker.backend as unknown as { client: Promise<Redis>; blockingClient?: Promise<Redis> };
    const clients = [await backend.client, await backend.blockingClient];
    if (clients.some((client) => client && client.status !== 'ready')) return false;
  }
  return true;
}

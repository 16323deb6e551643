import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/database.ts';
import { withinMs } from './time-limit.ts';

/** What one process tells the others: reload the calendar; forget the cached tokens of a user. */
export type Change = { kind: 'calendar' } | { kind: 'user_tokens'; userId: string };

export const CHANGE_CHANNEL = 'nmg_changes';
/** How the feed's connection shows in pg_stat_activity. */
export const CHANGE_FEED_APPLICATION = 'nmg-change-feed';

const RECONNECT_FIRST_MS = 200;
const RECONNECT_MAX_MS = 5_000;
/** A connection that dropped silently (no RST) is noticed by a query that does not come back. */
const HEARTBEAT_MS = 30_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;

type Listener<T extends unknown[]> = (...args: T) => void | Promise<void>;

interface FeedLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The feed of each database handle, so that a change announced through a handle reaches its own process at once. */
const feeds = new WeakMap<object, ChangeFeed>();

/**
 * Changes that every process must see (Postgres LISTEN/NOTIFY on one dedicated connection per
 * process). After the connection drops, it reconnects and asks its listeners to resync, since
 * notifications sent meanwhile are lost.
 */
export class ChangeFeed {
  /** Marks this process's own notifications, which it has delivered already. */
  readonly origin = randomUUID();
  private readonly databaseUrl: string;
  private readonly log: FeedLog;
  private readonly changeListeners: Listener<[Change]>[] = [];
  private readonly resyncListeners: Listener<[]>[] = [];
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retryMs = RECONNECT_FIRST_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(options: { databaseUrl: string; db: Kysely<Database>; log: FeedLog }) {
    this.databaseUrl = options.databaseUrl;
    this.log = options.log;
    feeds.set(options.db, this);
    this.heartbeat = setInterval(() => void this.checkConnection(), HEARTBEAT_MS).unref();
  }

  /** The feed serving a database handle, if it has one. */
  static of(db: Kysely<Database>): ChangeFeed | undefined {
    return feeds.get(db);
  }

  /** Whether notifications reach this process now. */
  get connected(): boolean {
    return this.listening;
  }

  onChange(listener: Listener<[Change]>): void {
    this.changeListeners.push(listener);
  }

  /** Called after a reconnection: reload whatever notifications keep fresh. */
  onResync(listener: Listener<[]>): void {
    this.resyncListeners.push(listener);
  }

  /** Connects and listens; never throws: without a connection it keeps trying in the background. */
  async start(): Promise<void> {
    await this.connect(false);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  /** Runs this process's listeners; a listener that fails forces a reconnection, whose resync repairs it. */
  async deliver(change: Change): Promise<void> {
    const failure = await firstFailure(this.changeListeners.map((listener) => () => listener(change)));
    if (!failure) return;
    this.log.warn({ change, err: failure.message }, 'change listener failed; resyncing');
    if (this.client) this.lost(this.client, failure);
  }

  private async connect(resync: boolean): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: CHANGE_FEED_APPLICATION, keepAlive: true });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) void this.received(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (resync) {
        const failure = await firstFailure(this.resyncListeners);
        if (failure) throw failure;
        this.log.info({}, 'change feed reconnected; reloaded what notifications keep fresh');
      }
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client === client) {
      this.listening = true;
      this.retryMs = RECONNECT_FIRST_MS;
    } else {
      // Closed (or replaced) while connecting.
      await client.end().catch(() => undefined);
    }
  }

  /** Each lost connection is handled once: closed, and a new one scheduled with a growing delay. */
  private lost(client: pg.Client, error?: Error): void {
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (client !== this.client) return;
    this.client = null;
    this.listening = false;
    if (this.closed) return;
    this.log.warn({ err: error?.message, retryInMs: this.retryMs }, 'change feed lost its connection; reconnecting');
    this.reconnectTimer = setTimeout(() => void this.connect(true), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  private async checkConnection(): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) return;
    try {
      await withinMs(HEARTBEAT_TIMEOUT_MS, client.query('SELECT 1'), 'change feed heartbeat');
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private async received(payload: string | undefined): Promise<void> {
    let message: Change & { origin?: string };
    try {
      message = JSON.parse(payload ?? '');
    } catch {
      this.log.warn({ payload }, 'change feed: unreadable notification ignored');
      return;
    }
    if (message.origin === this.origin) return;
    const { origin: _origin, ...change } = message;
    await this.deliver(change as Change);
  }
}

async function firstFailure(tasks: (() => void | Promise<void>)[]): Promise<Error | undefined> {
  const results = await Promise.allSettled(tasks.map(async (task) => task()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return failed?.reason as Error | undefined;
}

async function notify(executor: Kysely<Database> | Transaction<Database>, change: Change, origin: string | undefined): Promise<void> {
  await sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify({ ...change, origin })})`.execute(executor);
}

/**
 * Runs `work` in a transaction that also announces `change`: other processes hear of it when it
 * commits (NOTIFY is transactional), this process's listeners right after the commit.
 */
export async function commitWithChange<T>(db: Kysely<Database>, change: Change, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  const feed = ChangeFeed.of(db);
  const result = await db.transaction().execute(async (tx) => {
    const value = await work(tx);
    await notify(tx, change, feed?.origin);
    return value;
  });
  await feed?.deliver(change);
  return result;
}

/** Announces a change that is already committed. */
export async function announceChange(db: Kysely<Database>, change: Change): Promise<void> {
  const feed = ChangeFeed.of(db);
  await notify(db, change, feed?.origin);
  await feed?.deliver(change);
}

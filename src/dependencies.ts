import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { QueueKit } from '../workers/queues.ts';
import { withinMs } from './time-limit.ts';

export type HealthStatus = 'ok' | 'degraded' | 'down';

interface Dependency {
  name: 'postgres' | 'queue';
  /** What the service is while this dependency fails: Postgres holds the truth; the queue only work to do (the outbox keeps it). */
  whenFailing: HealthStatus;
  ping(): Promise<unknown>;
}

interface MonitorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Asks the process's dependencies whether they answer, each within `timeoutMs` (a frozen one must
 * not hang a probe). What went wrong is logged when a dependency's state changes; callers only
 * see ok / degraded / down.
 */
export class DependencyMonitor {
  private readonly dependencies: Dependency[];
  private readonly timeoutMs: number;
  private readonly log: MonitorLog;
  private readonly failing = new Set<string>();

  constructor(options: { db: Kysely<Database>; queues?: QueueKit; timeoutMs: number; log: MonitorLog }) {
    const { db, queues } = options;
    this.timeoutMs = options.timeoutMs;
    this.log = options.log;
    this.dependencies = [
      { name: 'postgres', whenFailing: 'down', ping: () => sql`SELECT 1`.execute(db) },
      ...(queues ? [{ name: 'queue' as const, whenFailing: 'degraded' as const, ping: () => queues.ping() }] : []),
    ];
  }

  async check(): Promise<Record<string, HealthStatus>> {
    const results = await Promise.all(
      this.dependencies.map(async (dependency): Promise<[string, HealthStatus]> => {
        try {
          await withinMs(this.timeoutMs, dependency.ping(), dependency.name);
          if (this.failing.delete(dependency.name)) this.log.info({ dependency: dependency.name }, 'dependency answers again');
          return [dependency.name, 'ok'];
        } catch (error) {
          if (!this.failing.has(dependency.name)) {
            this.failing.add(dependency.name);
            this.log.warn({ dependency: dependency.name, err: (error as Error).message }, 'dependency does not answer');
          }
          return [dependency.name, dependency.whenFailing];
        }
      }),
    );
    return Object.fromEntries(results);
  }
}

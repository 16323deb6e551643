import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueKit } from '../workers/queues.ts';
import { QUEUE_NAMES } from '../workers/queues.ts';
import type { HealthStatus } from './dependencies.ts';
import { withinMs } from './time-limit.ts';

export interface MetricsSources {
  kit?: QueueKit;
  outboxBacklog?: () => Promise<number>;
  /** The dependencies' state now (each answers within the readiness timeout). */
  dependencies?: () => Promise<Record<string, HealthStatus>>;
  /** When the newest calendar change this process has loaded was made (ms since 1970). */
  calendarVersion?: () => number;
  /** Whether change notifications (calendar, revoked tokens) reach this process. */
  changeFeedConnected?: () => boolean;
  /** How long a scrape waits for Postgres or the queue backend (READY_TIMEOUT_MS): a frozen one must not hang it. */
  timeoutMs?: number;
  defaults?: boolean;
}

/** Prometheus metrics of one process: HTTP, jobs, queue depth, the outbox backlog and the dependencies. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Time a worker spent on a job',
    labelNames: ['queue', 'outcome'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
    registers: [this.registry],
  });
  readonly jobLatency = new Histogram({
    name: 'job_latency_seconds',
    help: 'Time from when a job was due to when a worker started it',
    labelNames: ['queue'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 60, 300],
    registers: [this.registry],
  });
  readonly jobFailures = new Counter({
    name: 'job_failures_total',
    help: 'Job attempts that failed',
    labelNames: ['queue', 'final'],
    registers: [this.registry],
  });

  constructor(sources: MetricsSources = {}) {
    if (sources.defaults !== false) collectDefaultMetrics({ register: this.registry });
    const { kit, outboxBacklog, dependencies, calendarVersion, changeFeedConnected, timeoutMs = 2_000 } = sources;
    const registers = [this.registry];
    if (kit) {
      new Gauge({
        name: 'queue_jobs',
        help: 'Jobs per queue and state',
        labelNames: ['queue', 'state'],
        registers,
        async collect() {
          await Promise.all(
            QUEUE_NAMES.map(async (name) => {
              try {
                const counts = await withinMs(timeoutMs, kit.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed'), 'queue counts');
                for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
              } catch {
                // Queue backend down: dependency_up says so; leave the last values.
              }
            }),
          );
        },
      });
    }
    if (outboxBacklog) {
      new Gauge({
        name: 'outbox_pending',
        help: 'Outbox rows not yet moved into the queues',
        registers,
        async collect() {
          try {
            this.set(await withinMs(timeoutMs, outboxBacklog(), 'outbox backlog'));
          } catch {
            // Postgres down: dependency_up says so; leave the last value rather than fail the scrape.
          }
        },
      });
    }
    if (dependencies) {
      new Gauge({
        name: 'dependency_up',
        help: 'Whether a dependency answered within READY_TIMEOUT_MS at this scrape (postgres down: not ready; queue down: degraded)',
        labelNames: ['dependency'],
        registers,
        async collect() {
          for (const [dependency, status] of Object.entries(await dependencies())) this.set({ dependency }, status === 'ok' ? 1 : 0);
        },
      });
    }
    if (calendarVersion) {
      new Gauge({
        name: 'calendar_version_seconds',
        help: 'When the newest admin calendar change this process has loaded was made (processes that differ have not reloaded)',
        registers,
        collect() {
          this.set(calendarVersion() / 1000);
        },
      });
    }
    if (changeFeedConnected) {
      new Gauge({
        name: 'change_feed_connected',
        help: 'Whether calendar changes and token revocations from other processes reach this one',
        registers,
        collect() {
          this.set(changeFeedConnected() ? 1 : 0);
        },
      });
    }
  }
}

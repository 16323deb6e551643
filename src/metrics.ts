import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueKit } from '../workers/queues.ts';
import { QUEUE_NAMES } from '../workers/queues.ts';

/** Prometheus metrics of one process: HTTP, jobs, queue depth and the outbox backlog. */
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

  constructor(options: { kit?: QueueKit; outboxBacklog?: () => Promise<number>; defaults?: boolean } = {}) {
    if (options.defaults !== false) collectDefaultMetrics({ register: this.registry });
    const { kit, outboxBacklog } = options;
    if (kit) {
      new Gauge({
        name: 'queue_jobs',
        help: 'Jobs per queue and state',
        labelNames: ['queue', 'state'],
        registers: [this.registry],
        async collect() {
          for (const name of QUEUE_NAMES) {
            try {
              const counts = await kit.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
              for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
            } catch {
              // Queue backend down: /readyz says so; leave the last values.
            }
          }
        },
      });
    }
    if (outboxBacklog) {
      new Gauge({
        name: 'outbox_pending',
        help: 'Outbox rows not yet moved into the queues',
        registers: [this.registry],
        async collect() {
          this.set(await outboxBacklog());
        },
      });
    }
  }
}

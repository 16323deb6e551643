import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/plugin.ts';
import { appError, errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { QUEUE_NAMES } from '../../workers/queues.ts';
import { errorResponses, json, noContent } from './openapi.ts';

const failedJobSchema = z.object({
  queue: z.string(),
  id: z.string(),
  name: z.string(),
  data: z.unknown(),
  failedReason: z.string().nullable(),
  attemptsMade: z.number(),
  createdAt: z.string(),
  failedAt: z.string().nullable(),
});

export async function adminJobRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
  const tags = ['admin'];
  const kit = () => {
    if (!services.queues) {
      throw errors.unavailable({
        zh: '此进程未连接任务队列（REDIS_URL 或 QUEUE_BACKEND），无法查看或重试后台任务',
        en: 'This process has no queue backend (REDIS_URL or QUEUE_BACKEND): jobs cannot be listed or retried',
      });
    }
    return services.queues;
  };

  r.get('/v1/admin/failed-jobs', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'listFailedJobs',
      summary: 'Jobs that failed for good, newest first (admin)',
      description: 'Up to 100 per queue, with the reason of their last failure. 503 in a process without a queue backend.',
      response: { 200: json(z.array(failedJobSchema), 'The failed jobs') },
    },
  }, async () => {
    const result = [];
    for (const queue of QUEUE_NAMES) {
      const jobs = await kit().queue(queue).getFailed(0, 99);
      for (const job of jobs) {
        result.push({
          queue,
          id: String(job.id),
          name: job.name,
          data: job.data,
          failedReason: job.failedReason ?? null,
          attemptsMade: job.attemptsMade,
          createdAt: new Date(job.timestamp).toISOString(),
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        });
      }
    }
    return result.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  });

  r.post('/v1/admin/failed-jobs/:queue/:id/retry', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'retryFailedJob',
      summary: 'Run a failed job again (admin)',
      description: 'The job goes back to its queue; 409 when it is not failed.',
      params: z.object({ queue: z.enum(QUEUE_NAMES).describe('The job’s queue'), id: z.string().min(1).max(300).describe('The job’s id in its queue') }),
      response: { 202: json(z.object({ queue: z.string(), id: z.string(), state: z.string() }), 'Queued again'), ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    const { queue, id } = request.params;
    const job = await kit().queue(queue).getJob(id);
    if (!job) throw errors.notFound('Job');
    const state = await job.getState();
    if (state !== 'failed') throw appError('job_not_failed', { state });
    await job.retry();
    return reply.status(202).send({ queue, id, state: 'waiting' });
  });

  r.delete('/v1/admin/failed-jobs/:queue/:id', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'discardFailedJob',
      summary: 'Discard a failed job (admin)',
      description:
        'Removes the job from the failed list; 409 when it is not failed. A score or notification whose job is discarded is still ' +
        'applied by the reconciler (Postgres owes it); a discarded webhook delivery is given up.',
      params: z.object({ queue: z.enum(QUEUE_NAMES).describe('The job’s queue'), id: z.string().min(1).max(300).describe('The job’s id in its queue') }),
      response: { 204: noContent('Discarded'), ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    const { queue, id } = request.params;
    const job = await kit().queue(queue).getJob(id);
    if (!job) throw errors.notFound('Job');
    const state = await job.getState();
    if (state !== 'failed') throw appError('job_not_failed', { state });
    await job.remove();
    return reply.status(204).send(null);
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { sendWithEtag } from './conditional.ts';
import { errorResponses, pageOf, submissionSchema, taskQuery, uuidParam } from './schemas.ts';

export async function taskRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const reviewers = requireActor(services.authenticator, ['reviewer']);
  const tags = ['tasks'];

  r.get('/v1/tasks', {
    preHandler: anyone,
    schema: {
      tags,
      summary: "Items waiting for the caller's action, soonest deadline first; filters by unit, state and lateness",
      querystring: taskQuery,
      response: { 200: pageOf(submissionSchema), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    return services.queries.tasks(actorOf(request), limit, cursor, filter);
  });

  for (const release of [false, true]) {
    r.post(`/v1/tasks/:id/${release ? 'unclaim' : 'claim'}`, {
      preHandler: reviewers,
      schema: {
        tags,
        summary: release ? 'Give a claimed item back to the queue' : 'Claim an item: it leaves the other reviewers’ queues',
        params: uuidParam,
        response: { 200: submissionSchema, ...errorResponses },
      },
    }, async (request, reply) => {
      const answer = await services.commands.claim(actorOf(request), request.params.id, release);
      return sendWithEtag(reply, answer.status, answer.body);
    });
  }
}

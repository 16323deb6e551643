import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { sendWithEtag } from './conditional.ts';
import { commissionTasks } from '../services/commission-tasks.ts';
import { commissionTaskSchema } from './commission-schemas.ts';
import { pageOf, submissionSchema, taskQuery, uuidParam } from './schemas.ts';
import { errorResponses, json } from './openapi.ts';

const tasksPage = pageOf(submissionSchema).extend({
  commissions: z
    .array(commissionTaskSchema)
    .describe('commissions (约稿) waiting for the caller, soonest due first: on the first page only, none when a state is asked for'),
});

export async function taskRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const reviewers = requireActor(services.authenticator, ['reviewer']);
  const tags = ['tasks'];

  r.get('/v1/tasks', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'listTasks',
      summary: "Items waiting for the caller's action, soonest deadline first, with the caller's commissions",
      description:
        'The caller’s queue (drafts to finish, items to sign off, items to review), filtered by unit, state and lateness; ' +
        'beside the items, on the first page, the commissions (约稿) waiting for the caller: a unit’s open assignments, the region’s declines to judge, soonest due first.',
      querystring: taskQuery,
      response: { 200: json(tasksPage, 'A page of items and the cursor of the next one (null on the last page), and the waiting commissions') },
    },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const actor = actorOf(request);
    // Commissions are not items of a state, and are listed once (on the first page).
    const listsCommissions = cursor === undefined && filter.state === undefined;
    const [page, waiting] = await Promise.all([
      services.queries.tasks(actor, limit, cursor, filter),
      listsCommissions ? commissionTasks(services.db, services.units, actor, services.clock(), filter) : { items: [] },
    ]);
    return { ...page, commissions: waiting.items };
  });

  for (const release of [false, true]) {
    r.post(`/v1/tasks/:id/${release ? 'unclaim' : 'claim'}`, {
      preHandler: reviewers,
      schema: {
        tags,
        operationId: release ? 'unclaimTask' : 'claimTask',
        summary: release ? 'Give a claimed item back to the queue (reviewer)' : 'Claim an item (reviewer)',
        description: release
          ? 'The claim ends: the item is back in every reviewer’s queue.'
          : 'The item leaves the other reviewers’ queues until the claim is given back or handed over.',
        params: uuidParam,
        response: { 200: json(submissionSchema, 'The item with its new claim', ['etag']), ...errorResponses(404, 409) },
      },
    }, async (request, reply) => {
      const answer = await services.commands.claim(actorOf(request), request.params.id, release);
      return sendWithEtag(reply, answer.status, answer.body);
    });
  }
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { commandOptions, sendWithEtag } from './conditional.ts';
import {
  actionBody,
  commandHeaders,
  createSubmissionBody,
  errorResponses,
  historySchema,
  listQuery,
  pageOf,
  patchSubmissionBody,
  submissionSchema,
  uuidParam,
} from './schemas.ts';

export async function submissionRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const editors = requireActor(services.authenticator, ['editor']);
  const tags = ['submissions'];

  r.post('/v1/submissions', {
    preHandler: editors,
    schema: {
      tags,
      summary: 'Create a draft item (editor)',
      body: createSubmissionBody,
      headers: commandHeaders,
      response: { 200: submissionSchema, 201: submissionSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const answer = await services.commands.create(actorOf(request), request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.get('/v1/submissions', {
    preHandler: anyone,
    schema: { tags, summary: 'List items the caller may see, newest first', querystring: listQuery, response: { 200: pageOf(submissionSchema), ...errorResponses } },
  }, async (request) => services.queries.list(actorOf(request), request.query));

  r.get('/v1/submissions/:id', {
    preHandler: anyone,
    schema: { tags, summary: 'One item, with its ETag', params: uuidParam, response: { 200: submissionSchema, ...errorResponses } },
  }, async (request, reply) => sendWithEtag(reply, 200, await services.queries.get(actorOf(request), request.params.id)));

  r.patch('/v1/submissions/:id', {
    preHandler: editors,
    schema: {
      tags,
      summary: 'Edit a draft (editor); If-Match honoured',
      params: uuidParam,
      body: patchSubmissionBody,
      headers: commandHeaders,
      response: { 200: submissionSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const answer = await services.commands.edit(actorOf(request), request.params.id, request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.post('/v1/submissions/:id/actions', {
    preHandler: anyone,
    schema: {
      tags,
      summary: 'Take an action on an item; Idempotency-Key and If-Match honoured',
      params: uuidParam,
      body: actionBody,
      headers: commandHeaders,
      response: { 200: submissionSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const answer = await services.commands.act(actorOf(request), request.params.id, request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.get('/v1/submissions/:id/history', {
    preHandler: anyone,
    schema: { tags, summary: 'Every transition of the item, in order', params: uuidParam, response: { 200: historySchema, ...errorResponses } },
  }, async (request) => services.queries.history(actorOf(request), request.params.id));
}

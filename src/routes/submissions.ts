import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { commandOptions, sendWithEtag } from './conditional.ts';
import { z } from 'zod';
import {
  actionBody,
  commandHeaders,
  commentBody,
  commentSchema,
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
    schema: {
      tags,
      summary: 'The item’s timeline: every step (transitions, edits, photo changes) with its comments merged in, in order',
      params: uuidParam,
      response: { 200: historySchema, ...errorResponses },
    },
  }, async (request) => services.timeline.history(actorOf(request), request.params.id));

  r.post('/v1/submissions/:id/comments', {
    preHandler: anyone,
    schema: {
      tags,
      summary: 'Comment on an item (批注): anyone who may see it; notifies the other side',
      params: uuidParam,
      body: commentBody,
      response: { 201: commentSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await services.timeline.addComment(actorOf(request), request.params.id, request.body.text)));

  r.get('/v1/submissions/:id/comments', {
    preHandler: anyone,
    schema: { tags, summary: 'The item’s comments, oldest first', params: uuidParam, response: { 200: z.array(commentSchema), ...errorResponses } },
  }, async (request) => services.timeline.comments(actorOf(request), request.params.id));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { commandOptions, sendWithEtag } from './conditional.ts';
import { z } from 'zod';
import {
  actionBody,
  commandHeaders,
  createHeaders,
  commentBody,
  commentSchema,
  createSubmissionBody,
  historySchema,
  listQuery,
  pageOf,
  patchSubmissionBody,
  submissionSchema,
  uuidParam,
} from './schemas.ts';
import { errorResponses, json } from './openapi.ts';

export async function submissionRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const editors = requireActor(services.authenticator, ['editor']);
  const tags = ['submissions'];

  r.post('/v1/submissions', {
    preHandler: editors,
    schema: {
      tags,
      operationId: 'createSubmission',
      summary: 'Create a draft item (editor)',
      description: 'An editor writes a draft for their unit. With an Idempotency-Key, a repeated request answers 200 with the item the first one made instead of making another.',
      body: createSubmissionBody,
      headers: createHeaders,
      response: {
        200: json(submissionSchema, 'The item an earlier request with the same Idempotency-Key made', ['etag']),
        201: json(submissionSchema, 'The new draft', ['etag']),
        ...errorResponses(422),
      },
    },
  }, async (request, reply) => {
    const answer = await services.commands.create(actorOf(request), request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.get('/v1/submissions', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'listSubmissions',
      summary: 'List items the caller may see, newest first',
      description: 'Editors and approvers see their unit’s items, the region everyone’s. Filters combine; pages follow `nextCursor`.',
      querystring: listQuery,
      response: { 200: json(pageOf(submissionSchema), 'A page of items and the cursor of the next one (null on the last page)') },
    },
  }, async (request) => services.queries.list(actorOf(request), request.query));

  r.get('/v1/submissions/:id', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'getSubmission',
      summary: 'One item, with its ETag',
      description: 'The item as it stands, with the actions the caller may take on it now (`allowedActions`).',
      params: uuidParam,
      response: { 200: json(submissionSchema, 'The item', ['etag']), ...errorResponses(404) },
    },
  }, async (request, reply) => sendWithEtag(reply, 200, await services.queries.get(actorOf(request), request.params.id)));

  r.patch('/v1/submissions/:id', {
    preHandler: editors,
    schema: {
      tags,
      operationId: 'editSubmission',
      summary: 'Edit a draft (editor); If-Match honoured',
      description: 'Changes the named fields of a draft or of an item returned for revision. With If-Match, only the version the caller saw is changed (412 otherwise).',
      params: uuidParam,
      body: patchSubmissionBody,
      headers: commandHeaders,
      response: { 200: json(submissionSchema, 'The item after the edit', ['etag']), ...errorResponses(404, 409, 412, 422) },
    },
  }, async (request, reply) => {
    const answer = await services.commands.edit(actorOf(request), request.params.id, request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.post('/v1/submissions/:id/actions', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'actOnSubmission',
      summary: 'Take an action on an item; Idempotency-Key and If-Match honoured',
      description:
        'Moves the item through its lifecycle (request_signoff, sign_off, return, adopt, reject, …; see GET /v1/lifecycle). ' +
        'Refused with 409 when the state does not allow the action, 422 when a rule of the work does not (quality checks, the five gates).',
      params: uuidParam,
      body: actionBody,
      headers: commandHeaders,
      response: { 200: json(submissionSchema, 'The item after the action, with the warnings of the quality checks where they ran', ['etag']), ...errorResponses(404, 409, 412, 422) },
    },
  }, async (request, reply) => {
    const answer = await services.commands.act(actorOf(request), request.params.id, request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.get('/v1/submissions/:id/history', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'getSubmissionHistory',
      summary: 'The item’s timeline',
      description: 'Every step (transitions, edits, photo changes) with its comments merged in, oldest first.',
      params: uuidParam,
      response: { 200: json(historySchema, 'The steps, oldest first'), ...errorResponses(404) },
    },
  }, async (request) => services.timeline.history(actorOf(request), request.params.id));

  r.post('/v1/submissions/:id/comments', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'addSubmissionComment',
      summary: 'Comment on an item (批注)',
      description: 'Anyone who may see the item may comment on it; the other side (the unit, or the region’s reviewers) is notified.',
      params: uuidParam,
      body: commentBody,
      response: { 201: json(commentSchema, 'The new comment'), ...errorResponses(404) },
    },
  }, async (request, reply) => reply.status(201).send(await services.timeline.addComment(actorOf(request), request.params.id, request.body.text)));

  r.get('/v1/submissions/:id/comments', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'listSubmissionComments',
      summary: 'The item’s comments, oldest first',
      description: 'Every comment on the item with its author and the state the item was in when it was written.',
      params: uuidParam,
      response: { 200: json(z.array(commentSchema), 'The comments, oldest first'), ...errorResponses(404) },
    },
  }, async (request) => services.timeline.comments(actorOf(request), request.params.id));
}

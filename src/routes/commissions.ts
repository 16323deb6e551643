import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ASSIGNMENT_ACTIONS } from '../../machines/commission.types.ts';
import { ITEM_KINDS } from '../../machines/submission.types.ts';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { CommissionCommands } from '../services/commission-commands.ts';
import { commissionTasks } from '../services/commission-tasks.ts';
import type { Services } from '../services/index.ts';
import { commandOptions, sendWithEtag } from './conditional.ts';
import { assignmentSchema, commissionSchema, commissionTaskSchema } from './commission-schemas.ts';
import { commandHeaders, createHeaders, dateString, uuidParam } from './schemas.ts';
import { errorResponses, json } from './openapi.ts';

const text = (max: number) => z.string().trim().max(max);
const points = z.number().min(0).max(1000).nullable();

/** A due date as a Shanghai date, or as N working days from today (exactly one of them). */
const due = <T extends z.ZodRawShape>(shape: T, required: boolean) =>
  z.object({ ...shape, dueDate: dateString.optional(), dueWorkdays: z.number().int().min(1).max(250).optional() }).superRefine((body, ctx) => {
    const { dueDate, dueWorkdays } = body as { dueDate?: string; dueWorkdays?: number };
    const given = (dueDate !== undefined ? 1 : 0) + (dueWorkdays !== undefined ? 1 : 0);
    if (given > 1 || (required && given === 0)) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: '请给出截止日期 dueDate 或工作日数 dueWorkdays 之一' });
    }
  });

export const createCommissionBody = due(
  {
    title: text(200).min(1),
    requirements: text(10_000).min(1),
    kind: z.enum(ITEM_KINDS),
    unitCodes: z.union([z.literal('all'), z.array(z.string().max(20)).min(1).max(200)]),
    points: points.optional(),
  },
  true,
);

export const patchCommissionBody = due(
  { title: text(200).min(1).optional(), requirements: text(10_000).min(1).optional(), kind: z.enum(ITEM_KINDS).optional(), points: points.optional() },
  false,
);

const assignmentParams = z.object({
  id: z.uuid().describe('Id (UUID) of the commission'),
  unitCode: z.string().max(20).describe('Code of the target unit (e.g. 150600), whose assignment is meant'),
});
const commissionActionBody = z.object({ action: z.literal('cancel') });
const assignmentActionBody = z.object({ action: z.enum(ASSIGNMENT_ACTIONS), reason: text(2000).optional() });

/** Commissions (约稿): the region issues them; each target unit's assignment has its own machine. */
export async function commissionRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const commissions = new CommissionCommands(services);
  const anyone = requireActor(services.authenticator);
  const tags = ['commissions'];

  r.post('/v1/commissions', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'createCommission',
      summary: 'Issue a commission (reviewer, manager): one assignment per target unit',
      description: 'A commission notice (约稿通知): topic, requirements, the kind of answer wanted, the target units (all or chosen) and a due date (a Shanghai date, or N working days from today). A repeated Idempotency-Key returns the first answer (200).',
      body: createCommissionBody,
      headers: createHeaders,
      response: {
        200: json(commissionSchema, 'The commission issued earlier with this Idempotency-Key', ['etag']),
        201: json(commissionSchema, 'The commission with its assignments', ['etag']),
        ...errorResponses(403, 422),
      },
    },
  }, async (request, reply) => {
    const answer = await commissions.create(actorOf(request), request.body as Parameters<CommissionCommands['create']>[1], commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.get('/v1/commissions', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'listCommissions',
      summary: 'Commissions the caller may see, newest first',
      description: 'The region sees every commission; a unit sees those addressed to it, with counts of its assignments per state.',
      response: { 200: json(z.object({ items: z.array(commissionSchema) }), 'The commissions, newest first') },
    },
  }, async (request) => commissions.list(actorOf(request)));

  r.get('/v1/tasks/commissions', {
    preHandler: anyone,
    schema: {
      tags: ['tasks', ...tags],
      operationId: 'listCommissionTasks',
      summary: 'Assignments waiting for the caller, soonest due first',
      description: 'A unit’s people see their open assignments; the region sees the declines it has to judge.',
      response: { 200: json(z.object({ items: z.array(commissionTaskSchema) }), 'The waiting assignments, soonest due first') },
    },
  }, async (request) => commissionTasks(services.db, services.units, actorOf(request), services.clock()));

  r.get('/v1/commissions/:id', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'getCommission',
      summary: 'One commission with its assignments',
      description: 'A unit sees its own assignment only; a commission not addressed to the caller’s unit answers 404.',
      params: uuidParam,
      response: { 200: json(commissionSchema, 'The commission and its assignments', ['etag']), ...errorResponses(404) },
    },
  }, async (request, reply) => sendWithEtag(reply, 200, await commissions.get(actorOf(request), request.params.id)));

  r.patch('/v1/commissions/:id', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'editCommission',
      summary: 'Edit a commission until the first answer (reviewer, manager)',
      description: 'Title, requirements, kind, points and due date may change until a unit has answered; If-Match and Idempotency-Key are honoured.',
      params: uuidParam,
      body: patchCommissionBody,
      headers: commandHeaders,
      response: { 200: json(commissionSchema, 'The commission as edited', ['etag']), ...errorResponses(404, 409, 412, 422) },
    },
  }, async (request, reply) => {
    const answer = await commissions.edit(actorOf(request), request.params.id, request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.post('/v1/commissions/:id/actions', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'cancelCommission',
      summary: 'Cancel a commission (reviewer, manager)',
      description: 'Every assignment still waiting (open or declined) closes; answered ones keep their answer.',
      params: uuidParam,
      body: commissionActionBody,
      headers: commandHeaders,
      response: { 200: json(commissionSchema, 'The cancelled commission', ['etag']), ...errorResponses(404, 409, 412, 422) },
    },
  }, async (request, reply) => {
    const answer = await commissions.cancel(actorOf(request), request.params.id, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });

  r.post('/v1/commissions/:id/assignments/:unitCode/actions', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'actOnAssignment',
      summary: 'Decline an assignment, or accept or refuse a decline',
      description: 'The unit’s approver declines with a reason; the region accepts the reason or refuses it (with a reason). If-Match is the assignment’s version.',
      params: assignmentParams,
      body: assignmentActionBody,
      headers: commandHeaders,
      response: { 200: json(assignmentSchema, 'The assignment after the action', ['etag']), ...errorResponses(404, 409, 412, 422) },
    },
  }, async (request, reply) => {
    const answer = await commissions.act(actorOf(request), request.params.id, request.params.unitCode, request.body, commandOptions(request.headers));
    return sendWithEtag(reply, answer.status, answer.body);
  });
}

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { errorResponses, uuidParam } from './schemas.ts';

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  unitCode: z.string().nullable(),
  userId: z.string().nullable(),
  createdAt: z.string(),
});

const createBody = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    unitCode: z.string().max(20).optional(),
    userId: z.uuid().optional(),
  })
  .refine((b) => !(b.unitCode && b.userId), { message: 'a webhook belongs to a unit or to a user, not both' });

export async function webhookRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const tags = ['webhooks'];
  const view = (w: { id: string; url: string; unit_code: string | null; user_id: string | null; created_at: Date }) => ({
    id: w.id,
    url: w.url,
    unitCode: w.unit_code,
    userId: w.user_id,
    createdAt: w.created_at.toISOString(),
  });

  r.post('/v1/webhooks', {
    preHandler: anyone,
    schema: {
      tags,
      summary: 'Register a webhook for a unit (admin) or a user (admin, or oneself); the secret is shown once',
      description: 'Each delivery is a JSON POST signed with HMAC-SHA256 of the body in the x-nmg-signature header (sha256=<hex>).',
      body: createBody,
      response: { 201: webhookSchema.extend({ secret: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { url, unitCode, userId } = request.body;
    if ((unitCode || (userId && userId !== actor.id)) && actor.role !== 'admin') {
      throw errors.forbidden('Only an admin registers webhooks for a unit or for another user');
    }
    if (unitCode && !services.units.get(unitCode)) throw errors.validation('unknown unit', [{ path: 'body.unitCode', message: unitCode }]);
    const secret = randomBytes(24).toString('base64url');
    const row = await services.db
      .insertInto('webhooks')
      .values({
        url,
        secret,
        unit_code: unitCode ?? null,
        user_id: unitCode ? null : (userId ?? actor.id),
        created_by: actor.id,
        disabled_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        if (error.code === '23503') throw errors.validation('unknown user', [{ path: 'body.userId', message: String(userId) }]);
        throw error;
      });
    return reply.status(201).send({ ...view(row), secret });
  });

  r.get('/v1/webhooks', {
    preHandler: anyone,
    schema: { tags, summary: 'Webhooks: all for an admin, otherwise the caller’s own', response: { 200: z.array(webhookSchema), ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    let query = services.db.selectFrom('webhooks').selectAll().where('disabled_at', 'is', null);
    if (actor.role !== 'admin') query = query.where('user_id', '=', actor.id);
    return (await query.orderBy('created_at').execute()).map(view);
  });

  r.delete('/v1/webhooks/:id', {
    preHandler: anyone,
    schema: { tags, summary: 'Disable a webhook', params: uuidParam, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    let query = services.db.updateTable('webhooks').set({ disabled_at: new Date() }).where('id', '=', request.params.id).where('disabled_at', 'is', null);
    if (actor.role !== 'admin') query = query.where('user_id', '=', actor.id);
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw errors.notFound('Webhook');
    return reply.status(204).send(null);
  });
}

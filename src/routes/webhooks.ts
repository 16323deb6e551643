import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { AppError, errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { AddressGuard, AddressRefused } from '../webhooks/address-guard.ts';
import { errorResponses, uuidParam } from './schemas.ts';

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  unitCode: z.string().nullable(),
  /** Only webhooks registered before they became admin-only belong to a user. */
  userId: z.string().nullable(),
  createdAt: z.string(),
});

const createBody = z.strictObject({
  url: z.string().max(2000),
  unitCode: z.string().min(1).max(20),
});

const refusedUrl = (code: string, message: string) => new AppError(400, code, message, [{ path: 'body.url', message }]);

/** The receiver's URL as it will be stored and called, or a 400 with a code that says what is wrong. */
function receiverUrl(input: string, guard: AddressGuard): URL {
  const url = URL.parse(input);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw refusedUrl('webhook_url_invalid', 'webhook 地址须是完整的 http:// 或 https:// 地址');
  }
  if (url.username || url.password) throw refusedUrl('webhook_url_credentials', 'webhook 地址不得包含用户名或密码');
  try {
    guard.checkLiteral(url.hostname);
  } catch (error) {
    throw error instanceof AddressRefused ? refusedUrl('webhook_host_forbidden', error.message) : error;
  }
  return url;
}

export async function webhookRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
  const guard = new AddressGuard(services.config.WEBHOOK_ALLOW_HOSTS);
  const tags = ['webhooks'];
  const view = (w: { id: string; url: string; unit_code: string | null; user_id: string | null; created_at: Date }) => ({
    id: w.id,
    url: w.url,
    unitCode: w.unit_code,
    userId: w.user_id,
    createdAt: w.created_at.toISOString(),
  });

  r.post('/v1/webhooks', {
    preHandler: admins,
    schema: {
      tags,
      summary: 'Register a webhook for a unit (admins only); the secret is shown once',
      description:
        'Each delivery is a JSON POST of the unit’s notifications, signed in the x-nmg-signature header as ' +
        '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; receivers refuse a timestamp older than their tolerance. ' +
        'The URL must be http(s), without credentials, and not an internal address unless WEBHOOK_ALLOW_HOSTS allows it; ' +
        'deliveries check the address again after DNS resolution and do not follow redirects.',
      body: createBody,
      response: { 201: webhookSchema.extend({ secret: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { unitCode } = request.body;
    const url = receiverUrl(request.body.url, guard);
    if (!services.units.get(unitCode)) throw errors.validation('未知单位', [{ path: 'body.unitCode', message: unitCode }]);
    const secret = randomBytes(24).toString('base64url');
    const row = await services.db
      .insertInto('webhooks')
      .values({ url: url.href, secret, unit_code: unitCode, user_id: null, created_by: actor.id, disabled_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return reply.status(201).send({ ...view(row), secret });
  });

  r.get('/v1/webhooks', {
    preHandler: admins,
    schema: { tags, summary: 'Active webhooks (admins only)', response: { 200: z.array(webhookSchema), ...errorResponses } },
  }, async () => {
    const rows = await services.db.selectFrom('webhooks').selectAll().where('disabled_at', 'is', null).orderBy('created_at').execute();
    return rows.map(view);
  });

  r.delete('/v1/webhooks/:id', {
    preHandler: admins,
    schema: { tags, summary: 'Disable a webhook (admins only)', params: uuidParam, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const result = await services.db
      .updateTable('webhooks')
      .set({ disabled_at: new Date() })
      .where('id', '=', request.params.id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw errors.notFound('Webhook');
    return reply.status(204).send(null);
  });
}

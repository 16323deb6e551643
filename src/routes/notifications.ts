import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { NotificationInbox } from '../services/notification-inbox.ts';
import type { Services } from '../services/index.ts';
import { booleanQuery, errorResponses } from './schemas.ts';

const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  itemId: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const listQuery = z.object({
  unread: booleanQuery.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page. */
  before: z.coerce.number().int().positive().optional(),
});

export async function notificationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const inbox = new NotificationInbox(services.db);
  const tags = ['notifications'];
  r.get('/v1/notifications', {
    preHandler: anyone,
    schema: {
      tags,
      summary: "The caller's notifications, newest first",
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(notificationSchema), nextBefore: z.number().nullable() }), ...errorResponses },
    },
  }, async (request) => {
    const { unread, limit, before } = request.query;
    return inbox.list(actorOf(request).id, { unread, limit, before });
  });

  r.post('/v1/notifications/:id/read', {
    preHandler: anyone,
    schema: { tags, summary: 'Mark one notification read', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: notificationSchema, ...errorResponses } },
  }, async (request) => inbox.markRead(actorOf(request).id, request.params.id));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { NotificationInbox } from '../services/notification-inbox.ts';
import type { Services } from '../services/index.ts';
import { booleanQuery } from './schemas.ts';
import { errorResponses, json } from './openapi.ts';

const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  itemId: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const listQuery = z.object({
  unread: booleanQuery.optional().describe('Only unread (true) or read (false) notifications'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Notifications per page'),
  before: z.coerce.number().int().positive().optional().describe('`nextBefore` of the previous page (the last id it held); none for the first page'),
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
      operationId: 'listNotifications',
      summary: "The caller's notifications, newest first",
      description: 'What happened to the caller’s items and queue; pages follow `nextBefore`.',
      querystring: listQuery,
      response: {
        200: json(z.object({ items: z.array(notificationSchema), nextBefore: z.number().nullable() }), 'A page of notifications and the `before` of the next one (null on the last page)'),
      },
    },
  }, async (request) => {
    const { unread, limit, before } = request.query;
    return inbox.list(actorOf(request).id, { unread, limit, before });
  });

  r.post('/v1/notifications/:id/read', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'markNotificationRead',
      summary: 'Mark one notification read',
      description: 'Marking it again changes nothing.',
      params: z.object({ id: z.coerce.number().int().positive().describe('Id of the notification') }),
      response: { 200: json(notificationSchema, 'The notification, read'), ...errorResponses(404) },
    },
  }, async (request) => inbox.markRead(actorOf(request).id, request.params.id));
}

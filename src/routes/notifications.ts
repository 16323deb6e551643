import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { errorResponses } from './schemas.ts';

const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  itemId: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const listQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page. */
  before: z.coerce.number().int().positive().optional(),
});

export async function notificationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const tags = ['notifications'];
  const view = (n: { id: number; kind: string; item_id: string | null; message: string; created_at: Date; read_at: Date | null }) => ({
    id: n.id,
    kind: n.kind,
    itemId: n.item_id,
    message: n.message,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at ? n.read_at.toISOString() : null,
  });

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
    let query = services.db.selectFrom('notifications').selectAll().where('user_id', '=', actorOf(request).id);
    if (unread === 'true') query = query.where('read_at', 'is', null);
    if (unread === 'false') query = query.where('read_at', 'is not', null);
    if (before) query = query.where('id', '<', before);
    const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    return { items: page.map(view), nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  });

  r.post('/v1/notifications/:id/read', {
    preHandler: anyone,
    schema: { tags, summary: 'Mark one notification read', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: notificationSchema, ...errorResponses } },
  }, async (request) => {
    const row = await services.db
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('id', '=', request.params.id)
      .where('user_id', '=', actorOf(request).id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.notFound('Notification');
    return view(row);
  });
}

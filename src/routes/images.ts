import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { isCleanText } from './text-guard.ts';
import { errors } from '../errors.ts';
import { singleFile } from './multipart-file.ts';
import type { Services } from '../services/index.ts';
import { errorResponses } from './schemas.ts';

const params = z.object({ id: z.uuid() });
const imageParams = z.object({ id: z.uuid(), imageId: z.uuid() });
const captionField = z.string().trim().max(500);
const imageSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  caption: z.string().nullable(),
  createdAt: z.string(),
});
const checkSchema = z.object({ code: z.string(), severity: z.enum(['error', 'warning']), field: z.string(), message: z.string() });
const uploadedSchema = imageSchema.extend({ checks: z.array(checkSchema).describe('This photo’s own findings (image_resolution, image_type)') });

export async function imageRoutes(app: FastifyInstance, services: Services) {
  await app.register(multipart, {
    limits: { fileSize: services.config.MAX_IMAGE_BYTES, files: 1, fields: 5, fieldSize: 2_000, parts: 6 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyone = requireActor(services.authenticator);
  const editors = requireActor(services.authenticator, ['editor']);
  const tags = ['photos and checks'];

  r.post('/v1/submissions/:id/images', {
    preHandler: editors,
    schema: {
      tags,
      summary: 'Upload a photo (multipart field `file`; optional `caption` field before it, or `?caption=`)',
      description:
        'JPEG or PNG, checked by content; at most MAX_IMAGE_BYTES (10 MB), MAX_IMAGE_PIXELS and 3 photos per item. The file is decoded: ' +
        'width and height are those of its pixels, EXIF orientation applied; a truncated, damaged or forged file is refused (422 image_invalid), ' +
        'a picture over the pixel limit too (422 image_too_large), and nothing is kept. The answer carries the photo’s own findings.',
      params,
      querystring: z.object({ caption: captionField.optional() }),
      consumes: ['multipart/form-data'],
      response: { 201: uploadedSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const part = await singleFile(request);
    const fieldCaption = part.fields.caption && 'value' in part.fields.caption ? String(part.fields.caption.value) : undefined;
    // Multipart fields arrive after the text guard has looked at the request: check this one here.
    if (fieldCaption !== undefined && !isCleanText(fieldCaption)) throw errors.invalidText('body.caption');
    const caption = captionField.safeParse(fieldCaption ?? request.query.caption ?? '');
    if (!caption.success) throw errors.validation('caption is too long');
    const image = await services.images.upload(actorOf(request), request.params.id, part.file, caption.data || null);
    return reply.status(201).send(image);
  });

  r.get('/v1/submissions/:id/images', {
    preHandler: anyone,
    schema: { tags, summary: 'The item’s photos', params, response: { 200: z.array(imageSchema), ...errorResponses } },
  }, async (request) => services.images.list(actorOf(request), request.params.id));

  r.get('/v1/submissions/:id/images/:imageId', {
    preHandler: anyone,
    schema: { tags, summary: 'The photo file', params: imageParams },
  }, async (request, reply) => {
    const file = await services.images.open(actorOf(request), request.params.id, request.params.imageId);
    return reply.type(file.mime).header('content-length', file.bytes).header('cache-control', 'private, max-age=3600').send(file.stream);
  });

  r.patch('/v1/submissions/:id/images/:imageId', {
    preHandler: editors,
    schema: {
      tags,
      summary: 'Change a photo’s caption (图注) and/or move it to another position (the others keep their order; a move is a history row)',
      params: imageParams,
      body: z
        .object({ caption: captionField.nullable().optional(), position: z.number().int().min(1).max(3).optional() })
        .refine((patch) => patch.caption !== undefined || patch.position !== undefined, { message: 'name caption or position' }),
      response: { 200: imageSchema, ...errorResponses },
    },
  }, async (request) => {
    const { caption, position } = request.body;
    return services.images.update(actorOf(request), request.params.id, request.params.imageId, {
      ...(caption !== undefined ? { caption: caption || null } : {}),
      ...(position !== undefined ? { position } : {}),
    });
  });

  r.delete('/v1/submissions/:id/images/:imageId', {
    preHandler: editors,
    schema: { tags, summary: 'Remove a photo', params: imageParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await services.images.remove(actorOf(request), request.params.id, request.params.imageId);
    return reply.status(204).send(null);
  });

  r.get('/v1/submissions/:id/checks', {
    preHandler: anyone,
    schema: {
      tags,
      summary: 'The quality checks (附件3) on the item as it stands: errors block sign-off, warnings do not',
      params,
      response: { 200: z.object({ passed: z.boolean(), results: z.array(checkSchema) }), ...errorResponses },
    },
  }, async (request) => {
    const results = await services.commands.checks(actorOf(request), request.params.id);
    return { passed: results.every((result) => result.severity !== 'error'), results };
  });
}

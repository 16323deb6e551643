import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { isCleanText } from './text-guard.ts';
import { errors } from '../errors.ts';
import { singleFile } from './multipart-file.ts';
import type { Services } from '../services/index.ts';
import { errorResponses, file, json, MEDIA, noContent } from './openapi.ts';

const itemId = z.uuid().describe('Id (UUID) of the item');
const params = z.object({ id: itemId });
const imageParams = z.object({ id: itemId, imageId: z.uuid().describe('Id (UUID) of the photo') });
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
}).meta({ id: 'Photo' });
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
      operationId: 'uploadSubmissionImage',
      summary: 'Upload a photo (multipart field `file`; optional `caption` field before it, or `?caption=`)',
      description:
        'JPEG or PNG, checked by content; at most MAX_IMAGE_BYTES (10 MB), MAX_IMAGE_PIXELS and 3 photos per item. The file is decoded: ' +
        'width and height are those of its pixels, EXIF orientation applied; a truncated, damaged or forged file is refused (422 image_invalid), ' +
        'a picture over the pixel limit too (422 image_too_large), and nothing is kept. The answer carries the photo’s own findings.',
      params,
      querystring: z.object({ caption: captionField.optional().describe('The photo’s caption (图注), when the form has no `caption` field') }),
      consumes: [MEDIA.multipart],
      documentedBody: {
        [MEDIA.multipart]: {
          schema: {
            type: 'object',
            properties: {
              caption: { type: 'string', maxLength: 500, description: 'The photo’s caption (图注); send it before the file' },
              file: { type: 'string', format: 'binary', description: 'The JPEG or PNG picture' },
            },
            required: ['file'],
          },
        },
      },
      response: { 201: json(uploadedSchema, 'The stored photo with its own findings'), ...errorResponses(404, 409, 422) },
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
    schema: {
      tags,
      operationId: 'listSubmissionImages',
      summary: 'The item’s photos',
      description: 'The photos in their order, with their size and caption; the files themselves at /v1/submissions/{id}/images/{imageId}.',
      params,
      response: { 200: json(z.array(imageSchema), 'The photos in their order'), ...errorResponses(404) },
    },
  }, async (request) => services.images.list(actorOf(request), request.params.id));

  r.get('/v1/submissions/:id/images/:imageId', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'getSubmissionImage',
      summary: 'The photo file',
      description: 'The picture as uploaded (JPEG or PNG), cacheable privately for an hour.',
      params: imageParams,
      response: { 200: file('The picture', ['jpeg', 'png']), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    const file = await services.images.open(actorOf(request), request.params.id, request.params.imageId);
    return reply.type(file.mime).header('content-length', file.bytes).header('cache-control', 'private, max-age=3600').send(file.stream);
  });

  r.patch('/v1/submissions/:id/images/:imageId', {
    preHandler: editors,
    schema: {
      tags,
      operationId: 'updateSubmissionImage',
      summary: 'Change a photo’s caption (图注) and/or its position',
      description: 'The other photos keep their order; a move is a step of the item’s history.',
      params: imageParams,
      body: z
        .object({ caption: captionField.nullable().optional(), position: z.number().int().min(1).max(3).optional() })
        .refine((patch) => patch.caption !== undefined || patch.position !== undefined, { message: 'name caption or position' }),
      response: { 200: json(imageSchema, 'The photo after the change'), ...errorResponses(404, 409) },
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
    schema: {
      tags,
      operationId: 'deleteSubmissionImage',
      summary: 'Remove a photo',
      description: 'The photo and its file are removed; the others move up.',
      params: imageParams,
      response: { 204: noContent('Removed'), ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await services.images.remove(actorOf(request), request.params.id, request.params.imageId);
    return reply.status(204).send(null);
  });

  r.get('/v1/submissions/:id/checks', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'checkSubmission',
      summary: 'The quality checks (附件3) on the item as it stands',
      description: 'Errors block sign-off, warnings do not.',
      params,
      response: { 200: json(z.object({ passed: z.boolean(), results: z.array(checkSchema) }), 'Whether the item passes, and every finding'), ...errorResponses(404) },
    },
  }, async (request) => {
    const results = await services.commands.checks(actorOf(request), request.params.id);
    return { passed: results.every((result) => result.severity !== 'error'), results };
  });
}

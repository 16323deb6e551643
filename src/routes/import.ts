import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { importSubmissions } from '../services/historical-import.ts';
import { errorResponses } from './schemas.ts';
import { singleFile } from './multipart-file.ts';

const IMPORT_LIMIT = 64 * 1024 * 1024;

function rowsFromCsv(text: string): unknown[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
  } catch (error) {
    throw errors.validation(`CSV could not be read: ${(error as Error).message}`);
  }
}

export async function importRoutes(app: FastifyInstance, services: Services) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/v1/import/submissions', {
      preHandler: requireActor(services.authenticator, ['admin']),
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags: ['import'],
        summary: 'Import the old portal’s items: JSON { items: [...] }, a text/csv body, or a CSV file (multipart field `file`)',
        description:
          'Columns: externalId, unitCode, title, body?, eventDate, major?, kind?, submittedAt?, adoptedAt?, rejectedAt?, forwardedAt?, nationalAdoptedAt?, nationalDeclinedAt? (ISO 8601 with offset). The same externalId again changes nothing; bad rows are reported by index and the valid ones go in.',
        response: {
          200: z.object({
            created: z.number().int(),
            unchanged: z.number().int(),
            errors: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
          }),
          ...errorResponses,
        },
      },
    }, async (request) => {
      let rows: unknown[];
      if (request.isMultipart()) {
        const part = await singleFile(request, { fileSize: IMPORT_LIMIT });
        const buffer = await part.toBuffer().catch((error: Error & { statusCode?: number }) => {
          throw error.statusCode ? error : errors.validation(`The upload is incomplete or malformed: ${error.message}`);
        });
        rows = rowsFromCsv(buffer.toString('utf8'));
      } else if (typeof request.body === 'string') {
        rows = rowsFromCsv(request.body);
      } else {
        const body = z.object({ items: z.array(z.unknown()).max(200_000) }).safeParse(request.body);
        if (!body.success) throw errors.validation('Send { items: [...] }, a text/csv body or a CSV file', body.error.issues);
        rows = body.data.items;
      }
      const { db, units, calendar, deadlineRules: rules } = services;
      return importSubmissions({ db, units, calendar, rules }, actorOf(request), rows);
    });
  });
}

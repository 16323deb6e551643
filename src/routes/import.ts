import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { importSubmissions } from '../services/historical-import.ts';
import { json, MEDIA } from './openapi.ts';
import { malformedUpload, singleFile } from './multipart-file.ts';

const IMPORT_LIMIT = 64 * 1024 * 1024;

function rowsFromCsv(text: string): unknown[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
  } catch (error) {
    throw errors.validation({ zh: 'CSV 无法读取，请检查格式', en: 'The CSV cannot be read' }, { reason: (error as Error).message });
  }
}

export async function importRoutes(app: FastifyInstance, services: Services) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/v1/import/submissions', {
      preHandler: requireActor(services.authenticator, ['admin']),
      bodyLimit: IMPORT_LIMIT,
      // Rows are checked one by one (a NUL refuses its row, not the file): see import-row.ts.
      config: { textGuard: 'off' },
      schema: {
        tags: ['import'],
        operationId: 'importSubmissions',
        summary: 'Import the old portal’s items: JSON { items: [...] }, a text/csv body, or a CSV file (multipart field `file`)',
        description:
          'Columns: externalId, unitCode, title, body?, eventDate, major?, kind?, submittedAt?, adoptedAt?, rejectedAt?, forwardedAt?, ' +
          'nationalAdoptedAt?, nationalDeclinedAt? (ISO 8601 with offset). Answered row by row with 200: good rows are stored ' +
          '(`created`), rows imported before are left as they are (`unchanged`), and each bad row is listed in `errors` by its ' +
          'index (from 0; in a CSV file, the first line after the header) with a stable code and a reason in Chinese. Each ' +
          'stored item is replayed through the lifecycle with its own dates; one never decided is closed (expired) as of its ' +
          'stale date. A request that is not a list of rows at all is a 400.',
      consumes: [MEDIA.json, MEDIA.csv, MEDIA.multipart],
      documentedBody: {
        [MEDIA.json]: {
          schema: { type: 'object', properties: { items: { type: 'array', maxItems: 200_000, items: { type: 'object', description: 'One row: the columns above' } } }, required: ['items'] },
        },
        [MEDIA.csv]: { schema: { type: 'string', description: 'A header line naming the columns, then one item per line' } },
        [MEDIA.multipart]: {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: 'The CSV file' } }, required: ['file'] },
        },
      },
        response: {
          200: json(z.object({
            created: z.number().int(),
            unchanged: z.number().int(),
            errors: z.array(
              z.object({ index: z.number().int(), code: z.string(), field: z.string().optional(), message: z.string() }),
            ),
          }), 'How many rows were stored and left as they were, and each refused row'),
        },
      },
    }, async (request) => {
      let rows: unknown[];
      if (request.isMultipart()) {
        const part = await singleFile(request, { fileSize: IMPORT_LIMIT });
        const buffer = await part.toBuffer().catch((error: Error & { statusCode?: number }) => {
          throw error.statusCode ? error : malformedUpload(error);
        });
        rows = rowsFromCsv(buffer.toString('utf8'));
      } else if (typeof request.body === 'string') {
        rows = rowsFromCsv(request.body);
      } else {
        const body = z.object({ items: z.array(z.unknown()).max(200_000) }).safeParse(request.body);
        if (!body.success) {
          throw errors.validation(
            { zh: '请发送 { items: [...] }、text/csv 正文或 CSV 文件', en: 'Send { items: [...] }, a text/csv body or a CSV file' },
            body.error.issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message })),
          );
        }
        rows = body.data.items;
      }
      const { db, units, calendar, deadlineRules: rules, clock } = services;
      return importSubmissions({ db, units, calendar, rules, clock }, actorOf(request), rows);
    });
  });
}

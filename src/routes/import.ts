import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { importSubmissions } from '../services/historical-import.ts';
import { csvRows, declaredOverLimit } from './import-csv.ts';
import { json, MEDIA } from './openapi.ts';
import { singleFile } from './multipart-file.ts';

/** JSON is parsed whole, so it keeps a limit of its own. */
const JSON_LIMIT = 64 * 1024 * 1024;
/** A CSV is read as it arrives, in flat memory: the limit only bounds how long one request runs. */
const CSV_LIMIT = 1024 * 1024 * 1024;

export async function importRoutes(app: FastifyInstance, services: Services) {
  await app.register(async (scope) => {
    // The body stays a stream: the handler reads it record by record.
    scope.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/v1/import/submissions', {
      preHandler: requireActor(services.authenticator, ['admin']),
      bodyLimit: JSON_LIMIT,
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
          'stale date. A request that is not a list of rows at all is a 400. A CSV is read and imported as it arrives (up to ' +
          '1 GB; JSON up to 64 MB): one that breaks off after its first record keeps the rows before, and its last `errors` ' +
          'entry (`csv_unreadable`, `file_too_large` or `upload_incomplete`) gives the index of the first row not read.',
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
      const deps = { db: services.db, units: services.units, calendar: services.calendar, rules: services.deadlineRules, clock: services.clock };
      const body: unknown = request.body;
      if (request.isMultipart() || body instanceof Readable) {
        const tooLarge = declaredOverLimit(request.headers['content-length'], CSV_LIMIT);
        if (tooLarge) throw tooLarge;
        // The multipart parser's own limit is a backstop: csvRows counts the bytes itself.
        const stream = body instanceof Readable ? body : (await singleFile(request, { fileSize: CSV_LIMIT + 1 })).file;
        const csv = csvRows(stream, CSV_LIMIT);
        const result = await importSubmissions(deps, actorOf(request), csv.rows);
        const stopped = csv.stoppedAt();
        return stopped ? { ...result, errors: [...result.errors, stopped] } : result;
      }
      const parsed = z.object({ items: z.array(z.unknown()).max(200_000) }).safeParse(body);
      if (!parsed.success) {
        throw errors.validation(
          { zh: '请发送 { items: [...] }、text/csv 正文或 CSV 文件', en: 'Send { items: [...] }, a text/csv body or a CSV file' },
          parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message })),
        );
      }
      return importSubmissions(deps, actorOf(request), parsed.data.items);
    });
  });
}

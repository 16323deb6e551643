import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { bulletinNotFound, Bulletins, titleOfRow } from '../services/bulletins.ts';
import type { Services } from '../services/index.ts';
import { currentQuarter, periodOf, quarterPeriod } from '../services/reports/periods.ts';
import {
  bulletinDocumentSchema,
  bulletinFileQuery,
  bulletinListQuery,
  bulletinListSchema,
  createBulletinBody,
  issueBulletinBody,
  patchBulletinBody,
} from './report-schemas.ts';
import { sendFile } from './report-files.ts';
import { uuidParam } from './schemas.ts';
import { errorResponses, file, json } from './openapi.ts';

type Row = Awaited<ReturnType<Bulletins['get']>>;

const summary = (row: Row) => ({
  id: row.id,
  status: row.status,
  title: titleOfRow(row),
  year: row.year,
  quarter: row.quarter,
  from: row.period_from,
  to: row.period_to,
  issuedOn: row.issued_on,
  number: row.number,
  version: row.version,
  updatedAt: row.updated_at.toISOString(),
});

/**
 * Bulletins (通报) with a life: drafts made and edited by managers (and admins), issued with their
 * figures frozen. Issued bulletins are published documents every signed-in person may read and
 * download; drafts are for those who read the reports.
 */
export async function bulletinRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const bulletins = new Bulletins(services);
  const signedIn = requireActor(services.authenticator);
  const editors = requireActor(services.authenticator, ['manager', 'admin']);
  const tags = ['bulletins'];
  const seesDrafts = (request: FastifyRequest) => ['manager', 'reviewer', 'admin'].includes(actorOf(request).role);
  /** A draft is not there for someone who may not see drafts (404, as for other hidden things). */
  const readable = async (request: FastifyRequest, id: string) => {
    const row = await bulletins.get(id);
    if (row.status === 'draft' && !seesDrafts(request)) throw bulletinNotFound();
    return row;
  };
  const document = async (row: Row) => {
    const { figures, rerun } = await bulletins.view(row);
    return { ...figures, ...summary(row), sections: row.sections, contact: row.contact, extraAttachments: row.extra_attachments, rerun };
  };

  r.post('/v1/bulletins', {
    preHandler: editors,
    schema: {
      tags,
      operationId: 'createBulletin',
      summary: 'Create a draft bulletin for {year, quarter} or {from, to} (manager, admin)',
      description: 'Its figures follow the data until it is issued. 422 when the period has not begun.',
      body: createBulletinBody,
      response: { 201: json(bulletinDocumentSchema, 'The new draft'), ...errorResponses(422) },
    },
  }, async (request, reply) => {
    const b = request.body;
    const period = b.year !== undefined && b.quarter !== undefined ? quarterPeriod(b.year, b.quarter) : periodOf(b.from!, b.to!);
    const row = await bulletins.create(period, actorOf(request).id);
    return reply.code(201).send(await document(row));
  });

  r.get('/v1/bulletins', {
    preHandler: signedIn,
    schema: {
      tags,
      operationId: 'listBulletins',
      summary: 'The bulletins of a year (this year by default)',
      description: 'Issued ones for everyone signed in; drafts only for managers, reviewers and admins.',
      querystring: bulletinListQuery,
      response: { 200: json(bulletinListSchema, 'The year’s bulletins') },
    },
  }, async (request) => {
    const year = request.query.year ?? currentQuarter(services.clock()).year;
    return { year, bulletins: (await bulletins.list(year, seesDrafts(request))).map(summary) };
  });

  r.get('/v1/bulletins/:id', {
    preHandler: signedIn,
    schema: {
      tags,
      operationId: 'getBulletin',
      summary: 'A bulletin, as JSON or as its Word, Excel or CSV file',
      description:
        'Its figures (frozen once issued, with a re-run beside them), sections and contact. `format=docx` answers the Word bulletin, `xlsx` and `csv` its tables.',
      params: uuidParam,
      querystring: bulletinFileQuery,
      response: { 200: file('The bulletin: JSON, or the file of the format asked for', ['docx', 'xlsx', 'csv'], bulletinDocumentSchema), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    const row = await readable(request, request.params.id);
    const { format, rank, totals } = request.query;
    if (format === 'json') return document(row);
    return sendFile(reply, await bulletins.file(row, format, { rank, totals }));
  });

  r.patch('/v1/bulletins/:id', {
    preHandler: editors,
    schema: {
      tags,
      operationId: 'editBulletin',
      summary: 'Edit a draft’s sections, contact and standing attachments (manager, admin)',
      description: 'Sections are problems, requirements and closing; an issued bulletin cannot change (409 bulletin_issued).',
      params: uuidParam,
      body: patchBulletinBody,
      response: { 200: json(bulletinDocumentSchema, 'The draft after the edit'), ...errorResponses(404, 409) },
    },
  }, async (request) => document(await bulletins.patch(request.params.id, request.body)));

  r.post('/v1/bulletins/:id/issue', {
    preHandler: editors,
    schema: {
      tags,
      operationId: 'issueBulletin',
      summary: 'Issue a draft (manager, admin)',
      description: 'With its 印发 date (today by default) and number; its figures are frozen from then on.',
      params: uuidParam,
      body: issueBulletinBody,
      response: { 200: json(bulletinDocumentSchema, 'The issued bulletin'), ...errorResponses(404, 409, 422) },
    },
  }, async (request) => document(await bulletins.issue(request.params.id, actorOf(request).id, request.body ?? {})));
}

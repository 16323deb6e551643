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
import { errorResponses, uuidParam } from './schemas.ts';

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
      summary: 'Create a draft bulletin for {year, quarter} or {from, to}; its figures follow the data until it is issued',
      body: createBulletinBody,
      response: { 201: bulletinDocumentSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const b = request.body;
    const period = b.year !== undefined && b.quarter !== undefined ? quarterPeriod(b.year, b.quarter) : periodOf(b.from!, b.to!);
    const row = await bulletins.create(period, actorOf(request).id);
    return reply.code(201).send(await document(row));
  });

  r.get('/v1/bulletins', {
    preHandler: signedIn,
    schema: { tags, summary: 'The bulletins of a year (this year by default); drafts only for managers, reviewers and admins', querystring: bulletinListQuery, response: { 200: bulletinListSchema, ...errorResponses } },
  }, async (request) => {
    const year = request.query.year ?? currentQuarter(services.clock()).year;
    return { year, bulletins: (await bulletins.list(year, seesDrafts(request))).map(summary) };
  });

  r.get('/v1/bulletins/:id', {
    preHandler: signedIn,
    schema: {
      tags,
      summary: 'A bulletin: its figures (frozen once issued, with a re-run beside them), sections and contact; format=docx|xlsx|csv for the files',
      params: uuidParam,
      querystring: bulletinFileQuery,
      response: { 200: bulletinDocumentSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const row = await readable(request, request.params.id);
    const { format, rank, totals } = request.query;
    if (format === 'json') return document(row);
    return sendFile(reply, await bulletins.file(row, format, { rank, totals }));
  });

  r.patch('/v1/bulletins/:id', {
    preHandler: editors,
    schema: { tags, summary: 'Edit a draft’s sections (problems, requirements, closing), contact and standing attachments', params: uuidParam, body: patchBulletinBody, response: { 200: bulletinDocumentSchema, ...errorResponses } },
  }, async (request) => document(await bulletins.patch(request.params.id, request.body)));

  r.post('/v1/bulletins/:id/issue', {
    preHandler: editors,
    schema: { tags, summary: 'Issue a draft with its 印发 date (today by default) and number: its figures are frozen', params: uuidParam, body: issueBulletinBody, response: { 200: bulletinDocumentSchema, ...errorResponses } },
  }, async (request) => document(await bulletins.issue(request.params.id, actorOf(request).id, request.body ?? {})));
}

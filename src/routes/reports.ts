import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { bulletinDefaults } from '../services/bulletins.ts';
import { buildBulletin } from '../services/reports/bulletin.ts';
import { bulletinFile, reportRules, tableFile } from '../services/reports/bulletin-files.ts';
import { ADDRESSEES } from '../services/reports/bulletin-text.ts';
import { chineseSpan, currentQuarter, figuresAsOf, periodOf, quarterPeriod } from '../services/reports/periods.ts';
import { flow, pipeline } from '../services/reports/pipeline.ts';
import { periodTableSpec, scoreTableSpec } from '../services/reports/table-specs.ts';
import { periodReport, scoreReport } from '../services/reports/tables.ts';
import { bulletinRoutes } from './bulletins.ts';
import { dateString } from './schemas.ts';
import { file, json } from './openapi.ts';
import {
  bulletinQuery,
  bulletinSchema,
  flowSchema,
  periodQuery,
  periodReportSchema,
  pipelineSchema,
  scoreReportSchema,
  scoresQuery,
} from './report-schemas.ts';
import { sendFile } from './report-files.ts';

const flowQuery = z.object({ from: dateString.describe('First day of the period'), to: dateString.describe('Last day of the period (at most five years after from)') }).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export async function reportRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The period and score tables are published documents: every signed-in person may read them.
  const signedIn = requireActor(services.authenticator);
  const readers = requireActor(services.authenticator, ['manager', 'reviewer', 'admin']);
  const tags = ['reports'];
  const now = () => currentQuarter(services.clock());

  r.get('/v1/reports/period', {
    preHandler: signedIn,
    schema: {
      tags,
      operationId: 'getPeriodReport',
      summary: '附件1: items submitted, adopted and adopted nationally per unit in a period',
      description: 'The current quarter by default. `format=csv|xlsx` answers the table as a file to download.',
      querystring: periodQuery,
      response: { 200: file('The table: JSON, or the file of the format asked for', ['csv', 'xlsx'], periodReportSchema) },
    },
  }, async (request, reply) => {
    const { format, rank, totals } = request.query;
    const { today, year, quarter } = now();
    const period = request.query.from && request.query.to ? periodOf(request.query.from, request.query.to) : quarterPeriod(year, quarter);
    const report = await periodReport(services.db, services.units, period.from, period.to);
    if (format === 'json') return report;
    // A period not yet over is titled up to today (nothing later can have happened).
    const shown = { ...report, to: today >= period.from ? figuresAsOf(period, today) : period.to };
    const table = periodTableSpec(shown, `${chineseSpan(shown.from, shown.to)}${ADDRESSEES}信息报送情况统计表`, null, { rank, totals });
    return sendFile(reply, await tableFile(table, format, `信息报送情况统计表_${report.from}_${report.to}`));
  });

  r.get('/v1/reports/scores', {
    preHandler: signedIn,
    schema: {
      tags,
      operationId: 'getScoreReport',
      summary: '附件2: counts and points per unit from 1 January to a date',
      description: 'This year to today by default. `format=csv|xlsx` answers the table as a file to download.',
      querystring: scoresQuery,
      response: { 200: file('The table: JSON, or the file of the format asked for', ['csv', 'xlsx'], scoreReportSchema) },
    },
  }, async (request, reply) => {
    const { format, rank, totals } = request.query;
    const { today } = now();
    const y = request.query.year ?? Number((request.query.through ?? today).slice(0, 4));
    const through = request.query.through ?? (today.startsWith(`${y}-`) ? today : `${y}-12-31`);
    const report = await scoreReport(services.db, services.units, y, through, await reportRules(services.db, y));
    if (format === 'json') return report;
    const table = scoreTableSpec(report, `${y}年${ADDRESSEES}信息报送得分统计表`, null, { rank, totals });
    return sendFile(reply, await tableFile(table, format, `信息报送得分统计表_${y}_${through}`));
  });

  r.get('/v1/reports/bulletin', {
    preHandler: readers,
    schema: {
      tags,
      operationId: 'getLiveBulletin',
      summary: 'The live 通报 of a quarter (the current one by default)',
      description:
        'Figures, top-6 lists and the paragraphs written from them, counted now. `format=docx` answers the Word bulletin, `xlsx` and `csv` its tables (managers, reviewers and admins).',
      querystring: bulletinQuery,
      response: { 200: file('The bulletin: JSON, or the file of the format asked for', ['docx', 'xlsx', 'csv'], bulletinSchema) },
    },
  }, async (request, reply) => {
    const { format, rank, totals } = request.query;
    const current = now();
    const year = request.query.year ?? current.year;
    const quarter = request.query.quarter ?? (year === current.year ? current.quarter : 4);
    const figures = await buildBulletin(services.db, services.units, quarterPeriod(year, quarter), current.today, await reportRules(services.db, year));
    if (format === 'json') return figures;
    const file = await bulletinFile(
      {
        figures,
        sections: { problems: '', requirements: '', closing: '' },
        ...bulletinDefaults(services.config),
        issuer: services.config.BULLETIN_ISSUER,
        date: current.today,
        number: null,
      },
      format,
      { rank, totals },
    );
    return sendFile(reply, file);
  });

  r.get('/v1/pipeline', {
    preHandler: readers,
    schema: {
      tags,
      operationId: 'getPipeline',
      summary: 'How items are moving now',
      description: 'Counts per state and unit, and the waiting queues with their age, late items and items going stale (managers, reviewers and admins).',
      response: { 200: json(pipelineSchema, 'The pipeline now') },
    },
  }, async () => pipeline(services.db, services.units, services.clock()));

  r.get('/v1/pipeline/flow', {
    preHandler: readers,
    schema: {
      tags,
      operationId: 'getPipelineFlow',
      summary: 'How items moved in a period',
      description: 'Transitions per day and action, median and 90th percentile durations, time in each state and the adoption rate per unit.',
      querystring: flowQuery,
      response: { 200: json(flowSchema, 'The flow of the period') },
    },
  }, async (request) => {
    const { from, to } = request.query;
    if (Date.parse(to) - Date.parse(from) > 366 * 24 * 3600 * 1000 * 5) throw errors.validation('the period may span at most five years');
    return flow(services.db, services.units, from, to);
  });

  await bulletinRoutes(app, services);
}

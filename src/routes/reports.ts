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
import { dateString, errorResponses } from './schemas.ts';
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

const flowQuery = z.object({ from: dateString, to: dateString }).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

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
      summary: '附件1: items submitted, adopted and adopted nationally per unit in a period (the current quarter by default)',
      querystring: periodQuery,
      response: { 200: periodReportSchema, ...errorResponses },
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
      summary: '附件2: counts and points per unit from 1 January to a date (this year to today by default)',
      querystring: scoresQuery,
      response: { 200: scoreReportSchema, ...errorResponses },
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
      summary: 'The live 通报 of a quarter (the current one by default): figures, top-6 lists, the paragraphs written from them; format=docx|xlsx|csv',
      querystring: bulletinQuery,
      response: { 200: bulletinSchema, ...errorResponses },
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
    schema: { tags, summary: 'How items are moving: counts per state and unit, waiting queues with age, late and going stale', response: { 200: pipelineSchema, ...errorResponses } },
  }, async () => pipeline(services.db, services.units, services.clock()));

  r.get('/v1/pipeline/flow', {
    preHandler: readers,
    schema: { tags, summary: 'Transitions per day and action, median and 90th percentile durations, adoption rate per unit', querystring: flowQuery, response: { 200: flowSchema, ...errorResponses } },
  }, async (request) => {
    const { from, to } = request.query;
    if (Date.parse(to) - Date.parse(from) > 366 * 24 * 3600 * 1000 * 5) throw errors.validation('the period may span at most five years');
    return flow(services.db, services.units, from, to);
  });

  await bulletinRoutes(app, services);
}

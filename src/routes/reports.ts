import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { buildBulletin, chineseDate, quarterName } from '../services/reports/bulletin.ts';
import { bulletinDocx } from '../services/reports/bulletin-docx.ts';
import { periodColumns, scoreColumns, toCsv, toXlsx, type TableSpec } from '../services/reports/exports.ts';
import { flow, pipeline } from '../services/reports/pipeline.ts';
import { periodReport, scoreReport, type PeriodReport, type ScoreReport } from '../services/reports/tables.ts';
import { shanghaiDate } from '../time/shanghai.ts';
import { rulesForYear } from '../services/scoring-rules.ts';
import { dateString, errorResponses, yearNumber } from './schemas.ts';
import { bulletinSchema, flowSchema, periodReportSchema, pipelineSchema, scoreReportSchema } from './report-schemas.ts';

const format = z.enum(['json', 'csv', 'xlsx']).default('json');
const year = yearNumber;

const periodQuery = z
  .object({ from: dateString, to: dateString, format })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
const scoresQuery = z
  .object({ year, through: dateString.optional(), format })
  .refine((q) => !q.through || q.through.startsWith(`${q.year}-`), { message: 'through must lie in the year', path: ['through'] });
const bulletinQuery = z.object({ year, quarter: z.coerce.number().int().min(1).max(4), format: z.enum(['json', 'docx', 'xlsx']).default('json') });
const flowQuery = z.object({ from: dateString, to: dateString }).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function sendFile(reply: FastifyReply, kind: keyof typeof MIME, name: string, body: string | Buffer) {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .type(MIME[kind])
    .header('content-disposition', `attachment; filename="${ascii}.${kind}"; filename*=UTF-8''${encodeURIComponent(name)}.${kind}`)
    .send(body);
}

const totalsRow = (t: { submitted: number; adopted: number; nationalAdopted: number }) => ['', '合计', t.submitted, t.adopted, t.nationalAdopted];

export function periodTable(report: PeriodReport, title: string): TableSpec<PeriodReport['rows'][number]> {
  return {
    sheetName: '信息报送情况',
    title,
    subtitle: `（统计区间为${chineseDate(report.from)}至${chineseDate(report.to, report.from.slice(0, 4) !== report.to.slice(0, 4))}）`,
    columns: periodColumns,
    rows: report.rows,
    totals: totalsRow(report.totals),
  };
}

export function scoreTable(report: ScoreReport, title: string): TableSpec<ScoreReport['rows'][number]> {
  const byKind = (kind: 'submittedPoints' | 'adoptedPoints' | 'nationalAdoptedPoints') => report.rows.reduce((s, r) => s + r[kind], 0);
  return {
    sheetName: '信息报送得分',
    title,
    subtitle: `（统计区间为${chineseDate(`${report.year}-01-01`)}至${chineseDate(report.through, false)}）`,
    columns: scoreColumns,
    rows: report.rows,
    totals: ['', '合计', report.totals.submitted, byKind('submittedPoints'), report.totals.adopted, byKind('adoptedPoints'), report.totals.nationalAdopted, byKind('nationalAdoptedPoints'), report.totals.total],
  };
}

const UNITS_PHRASE = '各盟市、计划单列市计生协';

export async function reportRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = requireActor(services.authenticator, ['manager', 'reviewer', 'admin']);
  const tags = ['reports'];
  const rulesOf = async (y: number) => {
    const rules = await rulesForYear(services.db, y);
    return rules ? { submitted: rules.submitted, adopted: rules.adopted, nationalAdopted: rules.nationalAdopted } : null;
  };

  r.get('/v1/reports/period', {
    preHandler: readers,
    schema: { tags, summary: '附件1: items submitted, adopted and adopted nationally per unit in a period', querystring: periodQuery, response: { 200: periodReportSchema, ...errorResponses } },
  }, async (request, reply) => {
    const { from, to, format: kind } = request.query;
    const report = await periodReport(services.db, services.units, from, to);
    if (kind === 'json') return report;
    const table = periodTable(report, `${from}至${to}${UNITS_PHRASE}信息报送情况统计表`);
    const name = `信息报送情况统计表_${from}_${to}`;
    return kind === 'csv' ? sendFile(reply, 'csv', name, toCsv(table)) : sendFile(reply, 'xlsx', name, await toXlsx([table]));
  });

  r.get('/v1/reports/scores', {
    preHandler: readers,
    schema: { tags, summary: '附件2: counts and points per unit from 1 January to a date', querystring: scoresQuery, response: { 200: scoreReportSchema, ...errorResponses } },
  }, async (request, reply) => {
    const { year: y, format: kind } = request.query;
    const through = request.query.through ?? (shanghaiDate(services.clock()).startsWith(`${y}-`) ? shanghaiDate(services.clock()) : `${y}-12-31`);
    const report = await scoreReport(services.db, services.units, y, through, await rulesOf(y));
    if (kind === 'json') return report;
    const table = scoreTable(report, `${y}年${UNITS_PHRASE}信息报送得分统计表`);
    const name = `信息报送得分统计表_${y}_${through}`;
    return kind === 'csv' ? sendFile(reply, 'csv', name, toCsv(table)) : sendFile(reply, 'xlsx', name, await toXlsx([table]));
  });

  r.get('/v1/reports/bulletin', {
    preHandler: readers,
    schema: {
      tags,
      summary: 'The quarterly 通报: figures, top-6 lists, the overall-situation text; format=docx gives the Word draft with both tables',
      querystring: bulletinQuery,
      response: { 200: bulletinSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const { year: y, quarter, format: kind } = request.query;
    const bulletin = await buildBulletin(services.db, services.units, y, quarter, await rulesOf(y));
    if (kind === 'json') return bulletin;
    const name = quarterName(y, quarter);
    const tables: [TableSpec<any>, TableSpec<any>] = [
      periodTable(bulletin.periodTable, `${name}${UNITS_PHRASE}信息报送情况统计表`),
      scoreTable(bulletin.scoreTable, `${name}${UNITS_PHRASE}信息报送得分统计表`),
    ];
    return kind === 'docx'
      ? sendFile(reply, 'docx', `关于${name}信息报送及采用情况的通报`, await bulletinDocx(bulletin, tables, shanghaiDate(services.clock())))
      : sendFile(reply, 'xlsx', `${name}信息报送统计`, await toXlsx(tables));
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
}

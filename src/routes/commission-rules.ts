import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import { commissionRulesForYear, setCommissionRules } from '../services/commission-rules.ts';
import type { Services } from '../services/index.ts';
import { tableFile } from '../services/reports/bulletin-files.ts';
import { ADDRESSEES } from '../services/reports/bulletin-text.ts';
import { commissionsReport, commissionsTableSpec } from '../services/reports/commissions-report.ts';
import { chineseSpan } from '../services/reports/periods.ts';
import { unitScopeOf } from '../services/submission-commands.ts';
import { shanghaiDate } from '../time/shanghai.ts';
import { errorResponses, file, json } from './openapi.ts';
import { sendFile } from './report-files.ts';
import { dateString, yearNumber } from './schemas.ts';

const yearParam = z.object({ year: yearNumber.describe('The year') });
const points = z.number().int().min(0).max(1000);
const rulesSchema = z.object({
  year: z.number(),
  answeredOnTime: z.number().describe('Points for an answer on time'),
  missPenalty: z.number().describe('Points taken per miss in the commissions report'),
  inheritedFrom: z.number().nullable().describe('Set when the year has no rules of its own and those of another year apply'),
});

const reportRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  addressed: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  fulfilled: z.number().int(),
  declined: z.number().int(),
  missed: z.number().int(),
  points: z.number().int(),
});
const reportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    issued: z.number().int().describe('Commissions issued in the period, cancelled ones left out'),
    rules: z.object({ answeredOnTime: z.number(), missPenalty: z.number() }),
    rows: z.array(reportRow),
  })
  .meta({ id: 'CommissionsReport' });

const reportQuery = z
  .object({
    year: yearNumber.optional().describe('The year counted, 1 January to 31 December (this year by default; not with from and to)'),
    from: dateString.optional().describe('First day of the period: commissions issued from this Shanghai date (with to)'),
    to: dateString.optional().describe('Last day of the period (with from)'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json').describe('json (the default) or a file to download in this format'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to, or neither', path: ['from'] })
  .refine((q) => q.year === undefined || q.from === undefined, { message: 'give a year or a period, not both', path: ['year'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

/** Commission (约稿) rules per year and the commissions report. */
export async function commissionRuleRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/commission-rules/:year', {
    preHandler: requireActor(services.authenticator),
    schema: {
      tags: ['commissions'],
      operationId: 'getCommissionRules',
      summary: 'Commission points for a year',
      description: 'Points for an answer on time and the penalty per miss: the year’s own, or those of the nearest earlier year (`inheritedFrom`).',
      params: yearParam,
      response: { 200: json(rulesSchema, 'The rules'), ...errorResponses(404) },
    },
  }, async (request) => {
    const rules = await commissionRulesForYear(services.db, request.params.year);
    if (!rules) throw errors.notFound('Commission rules');
    return rules;
  });

  r.put('/v1/commission-rules/:year', {
    preHandler: requireActor(services.authenticator, ['admin']),
    schema: {
      tags: ['commissions'],
      operationId: 'setCommissionRules',
      summary: 'Set a year’s commission points (admin)',
      description: 'Answers on time already in the ledger for the years these rules govern are re-priced in the same transaction.',
      params: yearParam,
      body: z.object({ answeredOnTime: points.describe('Points for an answer on time'), missPenalty: points.describe('Points taken per miss') }),
      response: { 200: json(rulesSchema, 'The rules as set'), ...errorResponses(400, 403) },
    },
  }, async (request) => setCommissionRules(services.db, request.params.year, request.body, actorOf(request).id));

  r.get('/v1/reports/commissions', {
    preHandler: requireActor(services.authenticator),
    schema: {
      tags: ['reports'],
      operationId: 'getCommissionsReport',
      summary: 'Commissions per unit in a period: addressed, answered on time or late, fulfilled, declined, missed, points',
      description:
        'Commissions issued in the period (this year by default), every unit listed, ordered by misses ascending, then answers descending, then unit code. A unit’s people see their own row only. `format=csv|xlsx` answers the table as a file to download.',
      querystring: reportQuery,
      response: { 200: file('The table: JSON, or the file of the format asked for', ['csv', 'xlsx'], reportSchema), ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const { format } = request.query;
    const year = request.query.year ?? Number(shanghaiDate(services.clock()).slice(0, 4));
    const from = request.query.from ?? `${year}-01-01`;
    const to = request.query.to ?? `${year}-12-31`;
    const report = await commissionsReport(services.db, services.units, from, to);
    const unit = unitScopeOf(actorOf(request));
    const shown = unit === null ? report : { ...report, rows: report.rows.filter((row) => row.unitCode === unit) };
    if (format === 'json') return shown;
    const table = commissionsTableSpec(shown, `${chineseSpan(from, to)}${ADDRESSEES}约稿完成情况统计表`);
    return sendFile(reply, await tableFile(table, format, `约稿完成情况统计表_${from}_${to}`));
  });
}

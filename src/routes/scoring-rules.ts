import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { rulesForYear, setRules } from '../services/scoring-rules.ts';
import { yearNumber } from './schemas.ts';
import { errorResponses, json } from './openapi.ts';

const yearParam = z.object({ year: yearNumber.describe('The year') });
const points = z.number().int().min(0).max(1000);
const rulesSchema = z.object({
  year: z.number(),
  submitted: z.number(),
  adopted: z.number(),
  nationalAdopted: z.number(),
  /** Set when the year has no rules of its own and those of another year apply. */
  inheritedFrom: z.number().nullable(),
});

export async function scoringRuleRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['scores'];

  r.get('/v1/scoring-rules/:year', {
    preHandler: requireActor(services.authenticator),
    schema: {
      tags,
      operationId: 'getScoringRules',
      summary: 'Points per event for a year',
      description: 'The year’s own rules, or those of the nearest earlier year (`inheritedFrom`).',
      params: yearParam,
      response: { 200: json(rulesSchema, 'The rules'), ...errorResponses(404) },
    },
  }, async (request) => {
    const rules = await rulesForYear(services.db, request.params.year);
    if (!rules) throw errors.notFound('Scoring rules');
    return rules;
  });

  r.put('/v1/scoring-rules/:year', {
    preHandler: requireActor(services.authenticator, ['admin']),
    schema: {
      tags,
      operationId: 'setScoringRules',
      summary: 'Set a year’s points (admin)',
      description: 'The year’s ledger entries are re-priced in the same transaction.',
      params: yearParam,
      body: z.object({ submitted: points, adopted: points, nationalAdopted: points }),
      response: { 200: json(rulesSchema, 'The rules as set'), ...errorResponses(400, 403) },
    },
  }, async (request) => setRules(services.db, request.params.year, request.body, actorOf(request).id));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { errorResponses } from './schemas.ts';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
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
    schema: { tags, summary: 'Points per event for a year', params: yearParam, response: { 200: rulesSchema, ...errorResponses } },
  }, async (request) => {
    const { year } = request.params;
    const row = await services.db
      .selectFrom('scoring_rules')
      .selectAll()
      .orderBy(sql`year > ${year}`)
      .orderBy(sql`abs(year - ${year})`)
      .limit(1)
      .executeTakeFirst();
    if (!row) throw errors.notFound('Scoring rules');
    return {
      year,
      submitted: row.submitted,
      adopted: row.adopted,
      nationalAdopted: row.national_adopted,
      inheritedFrom: row.year === year ? null : row.year,
    };
  });

  r.put('/v1/scoring-rules/:year', {
    preHandler: requireActor(services.authenticator, ['admin']),
    schema: {
      tags,
      summary: 'Set a year’s points (admin); the year’s ledger entries are re-priced in the same transaction',
      params: yearParam,
      body: z.object({ submitted: points, adopted: points, nationalAdopted: points }),
      response: { 200: rulesSchema, ...errorResponses },
    },
  }, async (request) => {
    const { year } = request.params;
    const { submitted, adopted, nationalAdopted } = request.body;
    await services.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('scoring_rules')
        .values({ year, submitted, adopted, national_adopted: nationalAdopted, updated_by: actorOf(request).id })
        .onConflict((oc) =>
          oc.column('year').doUpdateSet({ submitted, adopted, national_adopted: nationalAdopted, updated_at: sql`now()` }),
        )
        .execute();
      await tx
        .updateTable('score_entries')
        .set({
          points: sql`CASE kind WHEN 'submitted' THEN ${submitted}::int WHEN 'adopted' THEN ${adopted}::int ELSE ${nationalAdopted}::int END`,
        })
        .where('occurred_on', '>=', `${year}-01-01`)
        .where('occurred_on', '<=', `${year}-12-31`)
        .execute();
    });
    return { year, submitted, adopted, nationalAdopted, inheritedFrom: null };
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { CalendarAdmin } from '../services/calendar-admin.ts';
import type { Services } from '../services/index.ts';
import { dateString, errorResponses, yearNumber } from './schemas.ts';

const yearParam = z.object({ year: yearNumber });

export async function calendarRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
  const calendarAdmin = new CalendarAdmin(services);
  const tags = ['calendar'];

  r.get('/v1/calendar', {
    preHandler: requireActor(services.authenticator),
    schema: {
      tags,
      summary: 'The working-day calendar of a year: official data with the admins’ corrections',
      querystring: yearParam,
      response: {
        200: z.object({
          year: z.number(),
          covered: z.boolean(),
          warning: z.string().nullable(),
          days: z.array(z.object({ date: z.string(), workday: z.boolean(), source: z.enum(['official', 'admin']), note: z.string().nullable() })),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => calendarAdmin.year(request.query.year));

  r.put('/v1/calendar/:date', {
    preHandler: admins,
    schema: {
      tags,
      summary: 'Correct or extend the calendar for one day (admin)',
      params: z.object({ date: dateString }),
      body: z.object({ workday: z.boolean(), note: z.string().max(200).default('') }),
      response: { 200: z.object({ date: z.string(), workday: z.boolean(), note: z.string(), rescheduled: z.number().int() }), ...errorResponses },
    },
  }, async (request) => {
    const { date } = request.params;
    const { workday, note } = request.body;
    const rescheduled = await calendarAdmin.setDay({ date, workday, note, by: actorOf(request).id });
    return { date, workday, note, rescheduled };
  });

  r.put('/v1/calendar/years/:year', {
    preHandler: admins,
    schema: {
      tags,
      summary: 'Declare a year’s schedule complete (after entering its holidays and make-up days)',
      params: yearParam,
      body: z.object({ note: z.string().max(200).default('') }),
      response: { 200: z.object({ year: z.number(), covered: z.boolean(), rescheduled: z.number().int() }), ...errorResponses },
    },
  }, async (request) => {
    const { year } = request.params;
    const rescheduled = await calendarAdmin.declareYear({ year, note: request.body.note, by: actorOf(request).id });
    return { year, covered: services.calendar.coversYear(year), rescheduled };
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { CalendarAdmin } from '../services/calendar-admin.ts';
import type { Services } from '../services/index.ts';
import { dateString, yearNumber } from './schemas.ts';
import { json } from './openapi.ts';

const yearParam = z.object({ year: yearNumber.describe('The year') });

export async function calendarRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
  const calendarAdmin = new CalendarAdmin(services);
  const tags = ['calendar'];

  r.get('/v1/calendar', {
    preHandler: requireActor(services.authenticator),
    schema: {
      tags,
      operationId: 'getCalendar',
      summary: 'The working-day calendar of a year',
      description: 'Official data with the admins’ corrections; `covered` is false (and a warning set) while the year’s schedule is not complete.',
      querystring: yearParam,
      response: {
        200: json(z.object({
          year: z.number(),
          covered: z.boolean(),
          warning: z.string().nullable(),
          days: z.array(z.object({ date: z.string(), workday: z.boolean(), source: z.enum(['official', 'admin']), note: z.string().nullable() })),
        }), 'The year’s days that differ from Monday–Friday'),
      },
    },
  }, async (request) => calendarAdmin.year(request.query.year));

  r.put('/v1/calendar/:date', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'setCalendarDay',
      summary: 'Correct or extend the calendar for one day (admin)',
      description: 'Deadlines that the change moves are counted again; the answer says how many items were rescheduled.',
      params: z.object({ date: dateString.describe('The day (YYYY-MM-DD)') }),
      body: z.object({ workday: z.boolean(), note: z.string().max(200).default('') }),
      response: { 200: json(z.object({ date: z.string(), workday: z.boolean(), note: z.string(), rescheduled: z.number().int() }), 'The day as set') },
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
      operationId: 'declareCalendarYear',
      summary: 'Declare a year’s schedule complete (admin)',
      description: 'After entering its holidays and make-up days: the year’s provisional deadlines are counted again.',
      params: yearParam,
      body: z.object({ note: z.string().max(200).default('') }),
      response: { 200: json(z.object({ year: z.number(), covered: z.boolean(), rescheduled: z.number().int() }), 'The year, covered') },
    },
  }, async (request) => {
    const { year } = request.params;
    const rescheduled = await calendarAdmin.declareYear({ year, note: request.body.note, by: actorOf(request).id });
    return { year, covered: services.calendar.coversYear(year), rescheduled };
  });
}

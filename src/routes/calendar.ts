import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { loadCalendar } from '../calendar-store.ts';
import { rescheduleAfterCalendarChange } from '../services/calendar-changes.ts';
import type { Services } from '../services/index.ts';
import { datesOfYear } from '../time/shanghai.ts';
import { dateString, errorResponses, yearNumber } from './schemas.ts';

const yearParam = z.object({ year: yearNumber });

export async function calendarRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
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
  }, async (request) => {
    const { year } = request.query;
    const overrides = await services.db
      .selectFrom('calendar_days')
      .select(['day', 'note'])
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .execute();
    const notes = new Map(overrides.map((o) => [o.day, o.note]));
    const days = datesOfYear(year).map((date) => ({
      date,
      workday: services.calendar.isWorkday(date),
      source: notes.has(date) ? ('admin' as const) : ('official' as const),
      note: notes.get(date) ?? null,
    }));
    const covered = services.calendar.coversYear(year);
    return {
      year,
      covered,
      warning: covered ? null : `${year} 年工作日历尚无官方数据，截止日期暂按周一至周五计算，请管理员录入当年节假日安排`,
      days,
    };
  });

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
    await services.db
      .insertInto('calendar_days')
      .values({ day: date, workday, note, updated_by: actorOf(request).id })
      .onConflict((oc) => oc.column('day').doUpdateSet({ workday, note, updated_by: actorOf(request).id, updated_at: sql`now()` }))
      .execute();
    await loadCalendar(services.db, services.calendar);
    const rescheduled = await rescheduleAfterCalendarChange(services.db, services.commands, { day: date });
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
    await services.db
      .insertInto('calendar_years')
      .values({ year, note: request.body.note, updated_by: actorOf(request).id })
      .onConflict((oc) => oc.column('year').doUpdateSet({ note: request.body.note, updated_at: sql`now()` }))
      .execute();
    await loadCalendar(services.db, services.calendar);
    const rescheduled = await rescheduleAfterCalendarChange(services.db, services.commands, { year });
    return { year, covered: services.calendar.coversYear(year), rescheduled };
  });
}

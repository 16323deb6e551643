import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { WorkCalendar } from './time/work-calendar.ts';

/** Loads the admins' calendar corrections into a WorkCalendar (small: a few rows a year). */
export async function loadCalendar(db: Kysely<Database>, calendar = new WorkCalendar()): Promise<WorkCalendar> {
  const [days, years] = await Promise.all([
    db.selectFrom('calendar_days').select(['day', 'workday']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
  ]);
  calendar.replace(
    days.map((d) => [d.day, d.workday] as [string, boolean]),
    years.map((y) => y.year),
  );
  return calendar;
}

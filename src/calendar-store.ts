import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { WorkCalendar } from './time/work-calendar.ts';

/** Per calendar object: when the newest admin change it holds was made. */
const versions = new WeakMap<WorkCalendar, number>();

/** Loads the admins' calendar corrections into a WorkCalendar (small: a few rows a year). */
export async function loadCalendar(db: Kysely<Database>, calendar = new WorkCalendar()): Promise<WorkCalendar> {
  const [days, years] = await Promise.all([
    db.selectFrom('calendar_days').select(['day', 'workday', 'updated_at']).execute(),
    db.selectFrom('calendar_years').select(['year', 'updated_at']).execute(),
  ]);
  calendar.replace(
    days.map((d) => [d.day, d.workday] as [string, boolean]),
    years.map((y) => y.year),
  );
  versions.set(calendar, Math.max(0, ...[...days, ...years].map((row) => row.updated_at.getTime())));
  return calendar;
}

/** When the newest admin change a calendar has loaded was made (ms since 1970; 0 for none): processes that differ have not reloaded. */
export function calendarVersion(calendar: WorkCalendar): number {
  return versions.get(calendar) ?? 0;
}

/** Reloads `calendar` one load at a time, so that an older read never lands after a newer one. */
export function calendarReloader(db: Kysely<Database>, calendar: WorkCalendar): () => Promise<void> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.catch(() => undefined).then(() => loadCalendar(db, calendar));
    last = next;
    return next.then(() => undefined);
  };
}

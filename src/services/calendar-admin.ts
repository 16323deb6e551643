import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { loadCalendar } from '../calendar-store.ts';
import { datesOfYear } from '../time/shanghai.ts';
import type { WorkCalendar } from '../time/work-calendar.ts';
import { rescheduleAfterCalendarChange } from './calendar-changes.ts';
import type { SubmissionCommands } from './submission-commands.ts';

export interface CalendarDay {
  date: string;
  workday: boolean;
  source: 'official' | 'admin';
  note: string | null;
}

export interface CalendarAdminDeps {
  db: Kysely<Database>;
  calendar: WorkCalendar;
  commands: SubmissionCommands;
}

/** The working-day calendar as people see and correct it: official data, admins' corrections, and their effect on deadlines. */
export class CalendarAdmin {
  private readonly deps: CalendarAdminDeps;

  constructor(deps: CalendarAdminDeps) {
    this.deps = deps;
  }

  /** Every day of a year, each saying whether an admin set it; `covered` when the year's schedule is complete. */
  async year(year: number): Promise<{ year: number; covered: boolean; warning: string | null; days: CalendarDay[] }> {
    const { db, calendar } = this.deps;
    const overrides = await db
      .selectFrom('calendar_days')
      .select(['day', 'note'])
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .execute();
    const notes = new Map(overrides.map((o) => [o.day, o.note]));
    const days = datesOfYear(year).map((date) => ({
      date,
      workday: calendar.isWorkday(date),
      source: notes.has(date) ? ('admin' as const) : ('official' as const),
      note: notes.get(date) ?? null,
    }));
    const covered = calendar.coversYear(year);
    return {
      year,
      covered,
      warning: covered ? null : `${year} 年工作日历尚无官方数据，截止日期暂按周一至周五计算，请管理员录入当年节假日安排`,
      days,
    };
  }

  /** An admin's correction of one day; the deadlines it moves are recomputed. Returns how many items moved. */
  async setDay(change: { date: string; workday: boolean; note: string; by: string }): Promise<number> {
    const { date, workday, note, by } = change;
    await this.deps.db
      .insertInto('calendar_days')
      .values({ day: date, workday, note, updated_by: by })
      .onConflict((oc) => oc.column('day').doUpdateSet({ workday, note, updated_by: by, updated_at: sql`now()` }))
      .execute();
    return this.applied({ day: date });
  }

  /** An admin declares a year's schedule complete; provisional deadlines are recomputed. Returns how many items moved. */
  async declareYear(change: { year: number; note: string; by: string }): Promise<number> {
    const { year, note, by } = change;
    await this.deps.db
      .insertInto('calendar_years')
      .values({ year, note, updated_by: by })
      .onConflict((oc) => oc.column('year').doUpdateSet({ note, updated_at: sql`now()` }))
      .execute();
    return this.applied({ year });
  }

  private async applied(changed: { day: string } | { year: number }): Promise<number> {
    const { db, calendar, commands } = this.deps;
    await loadCalendar(db, calendar);
    return rescheduleAfterCalendarChange(db, commands, changed);
  }
}

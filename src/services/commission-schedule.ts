import { addDays, startOfDay } from '../time/shanghai.ts';
import type { WorkCalendar } from '../time/work-calendar.ts';

const REMINDER_HOUR_MS = 9 * 60 * 60 * 1000;
/** Long enough for the longest run of holidays (Spring Festival) before a due date. */
const MAX_DAYS_BACK = 30;

/**
 * When a unit is reminded of a commission: 09:00 (Shanghai) on the last working day before the due
 * date. The delayed job and the sweeper both ask this, so that they agree.
 */
export function commissionReminderAt(dueDate: string, calendar: WorkCalendar): number {
  let day = addDays(dueDate, -1);
  for (let i = 0; i < MAX_DAYS_BACK && !calendar.isWorkday(day); i += 1) day = addDays(day, -1);
  return startOfDay(day) + REMINDER_HOUR_MS;
}

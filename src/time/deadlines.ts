import { addDays, endOfDay } from './shanghai.ts';
import type { WorkCalendar } from './work-calendar.ts';

export interface DeadlineRules {
  dueWorkdays: number;
  dueWorkdaysMajor: number;
  staleDays: number;
}

export interface Deadlines {
  /** End of the reporting deadline (报送时限): N working days after the event. */
  dueAt: number;
  /** End of event date + N calendar days: after it the item is not adopted (不予采用). */
  staleAt: number;
  provisional: boolean;
  missingYears: number[];
}

export function computeDeadlines(
  eventDate: string,
  major: boolean,
  calendar: WorkCalendar,
  rules: DeadlineRules,
): Deadlines {
  const due = calendar.addWorkdays(eventDate, major ? rules.dueWorkdaysMajor : rules.dueWorkdays);
  return {
    dueAt: endOfDay(due.date),
    staleAt: endOfDay(addDays(eventDate, rules.staleDays)),
    provisional: due.provisional,
    missingYears: due.missingYears,
  };
}

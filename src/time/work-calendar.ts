import chineseDays from 'chinese-days';
import officialData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, yearOf } from './shanghai.ts';

/** Years for which the official schedule (holidays and 调休 make-up days) is in `chinese-days`. */
const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  Object.keys((officialData as { holidays: Record<string, string> }).holidays).map((d) => Number(d.slice(0, 4))),
);

export interface WorkdayResult {
  /** The date reached. */
  date: string;
  /** True when some day on the way fell in a year the calendar does not cover (counted Monday–Friday). */
  provisional: boolean;
  missingYears: number[];
}

/**
 * The official Chinese working-day calendar with the admins' corrections on top.
 * `chinese-days` answers Monday–Friday for a year it has no data for; we never use that answer
 * silently: such a result is marked provisional and the year is reported as missing.
 */
export class WorkCalendar {
  private overrides = new Map<string, boolean>();
  private adminYears = new Set<number>();

  constructor(overrides: Iterable<[string, boolean]> = [], adminYears: Iterable<number> = []) {
    this.replace(overrides, adminYears);
  }

  replace(overrides: Iterable<[string, boolean]>, adminYears: Iterable<number>): void {
    this.overrides = new Map(overrides);
    this.adminYears = new Set(adminYears);
  }

  setDay(date: string, workday: boolean): void {
    this.overrides.set(date, workday);
  }

  coversYear(year: number): boolean {
    return OFFICIAL_YEARS.has(year) || this.adminYears.has(year);
  }

  isWorkday(date: string): boolean {
    return this.overrides.get(date) ?? chineseDays.isWorkday(date);
  }

  /** The `count`-th working day after `date` (the event day itself does not count). */
  addWorkdays(date: string, count: number): WorkdayResult {
    const missing = new Set<number>();
    let current = date;
    let remaining = count;
    while (remaining > 0) {
      current = addDays(current, 1);
      if (!this.coversYear(yearOf(current))) missing.add(yearOf(current));
      if (this.isWorkday(current)) remaining -= 1;
    }
    return { date: current, provisional: missing.size > 0, missingYears: [...missing] };
  }

  /** Years from `fromYear` to `toYear` that no source covers: shown to admins in /readyz. */
  missingYears(fromYear: number, toYear: number): number[] {
    const result: number[] = [];
    for (let y = fromYear; y <= toYear; y += 1) if (!this.coversYear(y)) result.push(y);
    return result;
  }
}

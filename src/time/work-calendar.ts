import chineseDays from 'chinese-days';
import officialData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, DateRangeError, isValidDate, VALID_DATE_MESSAGE, yearOf } from './shanghai.ts';

/** Years for which the official schedule (holidays and 调休 make-up days) is in `chinese-days`. */
const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  Object.keys((officialData as { holidays: Record<string, string> }).holidays).map((d) => Number(d.slice(0, 4))),
);

/**
 * The most days one count of working days may look at: far more than any deadline needs (a few
 * weeks), and a hard stop for a calendar without working days, so no count can run unbounded.
 */
export const MAX_DAYS_SCANNED = 1000;
/** The most years one `missingYears` call may list. */
export const MAX_YEARS_LISTED = 200;

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
    if (!isValidDate(date)) throw new DateRangeError(`起算日期${VALID_DATE_MESSAGE}`, { date });
    if (!Number.isInteger(count) || count < 0) throw new DateRangeError('工作日数须为非负整数', { count });
    const missing = new Set<number>();
    let current = date;
    let remaining = count;
    for (let scanned = 0; remaining > 0; scanned += 1) {
      if (scanned >= MAX_DAYS_SCANNED) {
        throw new DateRangeError(`自 ${date} 起 ${MAX_DAYS_SCANNED} 天内找不到 ${count} 个工作日`, { date, count });
      }
      current = addDays(current, 1);
      if (!this.coversYear(yearOf(current))) missing.add(yearOf(current));
      if (this.isWorkday(current)) remaining -= 1;
    }
    return { date: current, provisional: missing.size > 0, missingYears: [...missing] };
  }

  /** Years from `fromYear` to `toYear` that no source covers: shown to admins in /readyz. */
  missingYears(fromYear: number, toYear: number): number[] {
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear - fromYear >= MAX_YEARS_LISTED) {
      throw new DateRangeError(`年份区间须为整数，且不超过 ${MAX_YEARS_LISTED} 年`, { fromYear, toYear });
    }
    const result: number[] = [];
    for (let y = fromYear; y <= toYear; y += 1) if (!this.coversYear(y)) result.push(y);
    return result;
  }
}

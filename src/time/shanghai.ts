import { AppError, errors } from '../errors.ts';

/**
 * Calendar dates in Asia/Shanghai. China keeps one offset all year (UTC+8, no daylight saving),
 * so a date's end is a fixed instant and plain arithmetic on 'YYYY-MM-DD' strings is exact.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates this service accepts from anyone (API, import): the association's records start in
 * this century, and a bounded range keeps every loop over days short.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
export const FIRST_DATE = `${FIRST_YEAR}-01-01`;
export const LAST_DATE = `${LAST_YEAR}-12-31`;

/** A date or year outside what the service can count with: the caller's mistake (or a bug), never a hang. */
export class DateRangeError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'date_out_of_range', message, details);
  }
}

/** Whether a 'YYYY-MM-DD' string names a real calendar date. */
export function isCalendarDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** Whether a 'YYYY-MM-DD' string names a real calendar date within FIRST_DATE … LAST_DATE. */
export function isValidDate(date: string): boolean {
  return isCalendarDate(date) && date >= FIRST_DATE && date <= LAST_DATE;
}

export const VALID_DATE_MESSAGE = `须为 ${FIRST_DATE} 至 ${LAST_DATE} 之间的有效日期（YYYY-MM-DD）`;

/** Whether a year is one the service accepts (FIRST_YEAR … LAST_YEAR). */
export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Why `date` cannot be an item's event date as of `now` (an error to throw or to list), or null
 * when it can: a valid date (see isValidDate) that is not after today in Shanghai. The one rule for
 * the API and the historical import alike.
 */
export function eventDateError(date: string, now: number): AppError | null {
  if (!isValidDate(date)) return new DateRangeError(`事件日期${VALID_DATE_MESSAGE}`, { eventDate: date });
  const today = shanghaiDate(now);
  return date > today ? errors.eventDateInFuture(date, today) : null;
}

/** First instant of a Shanghai date. */
export function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS;
}

/** Last millisecond of a Shanghai date (23:59:59.999): a deadline on that date. */
export function endOfDay(date: string): number {
  return startOfDay(date) + DAY_MS - 1;
}

/** `date` moved by whole days; throws rather than leave the 'YYYY-MM-DD' form (past year 9999 or before year 0). */
export function addDays(date: string, days: number): string {
  const moved = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
  const result = Number.isNaN(moved.getTime()) ? '' : moved.toISOString().slice(0, 10);
  if (!isCalendarDate(result)) throw new DateRangeError(`日期 ${date} 加 ${days} 天超出可计算的范围`, { date, days });
  return result;
}

/** Every date of a year, in order (365 or 366 of them). */
export function datesOfYear(year: number): string[] {
  if (!isValidYear(year)) throw new DateRangeError(`年份须在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间`, { year });
  const first = `${year}-01-01`;
  const length = isCalendarDate(`${year}-02-29`) ? 366 : 365;
  return Array.from({ length }, (_, i) => addDays(first, i));
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * Calendar dates in Asia/Shanghai. China keeps one offset all year (UTC+8, no daylight saving),
 * so a date's end is a fixed instant and plain arithmetic on 'YYYY-MM-DD' strings is exact.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a 'YYYY-MM-DD' string names a real calendar date. */
export function isValidDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** First instant of a Shanghai date. */
export function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS;
}

/** Last millisecond of a Shanghai date (23:59:59.999): a deadline on that date. */
export function endOfDay(date: string): number {
  return startOfDay(date) + DAY_MS - 1;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

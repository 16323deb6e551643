import { addDays, shanghaiDate } from '../../time/shanghai.ts';

/** The period a report or bulletin covers: a calendar quarter, or any span of dates within one year. */
export interface ReportPeriod {
  year: number;
  /** 1..4 for a calendar quarter; null for another span. */
  quarter: number | null;
  from: string;
  to: string;
}

const QUARTER_NUMERALS = ['', '一', '二', '三', '四'];

export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(nextStart, -1) };
}

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  return { year, quarter, ...quarterRange(year, quarter) };
}

/** The quarter containing a Shanghai date. */
export function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

/** Today's year and quarter in Shanghai, by the service clock: what a report without a period is about. */
export function currentQuarter(now: number): { year: number; quarter: number; today: string } {
  const today = shanghaiDate(now);
  return { ...quarterOf(today), today };
}

/** A span of dates: the quarter it is exactly, or a period without a quarter. */
export function periodOf(from: string, to: string): ReportPeriod {
  const { year, quarter } = quarterOf(from);
  const range = quarterRange(year, quarter);
  return { year, quarter: range.from === from && range.to === to ? quarter : null, from, to };
}

/** 2024-04-01 → 2024年4月1日 (or 4月1日 without the year). */
export function chineseDate(date: string, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

/** 2024年4月1日至6月30日: the year is repeated only when the span crosses one. */
export function chineseSpan(from: string, to: string): string {
  return `${chineseDate(from)}至${chineseDate(to, from.slice(0, 4) !== to.slice(0, 4))}`;
}

/** 2024年二季度, as the association names its quarters; another span by its dates. */
export function periodName(period: ReportPeriod): string {
  return period.quarter ? `${period.year}年${QUARTER_NUMERALS[period.quarter]}季度` : chineseSpan(period.from, period.to);
}

/** 二季度 (for "截至二季度"), or null for a period that is not a quarter. */
export function quarterShortName(period: ReportPeriod): string | null {
  return period.quarter ? `${QUARTER_NUMERALS[period.quarter]}季度` : null;
}

/** The last day the figures can cover: the period's end, or today while the period is not over. */
export function figuresAsOf(period: ReportPeriod, today: string): string {
  return today < period.to ? today : period.to;
}

import { shanghai } from '../../components/time';

/** A reporting period: a quarter (Q1–Q4) or a half-year (H1, H2) of a year. */
export interface Period {
  year: number;
  part: 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2';
}

const MONTHS: Record<Period['part'], [number, number]> = { Q1: [1, 3], Q2: [4, 6], Q3: [7, 9], Q4: [10, 12], H1: [1, 6], H2: [7, 12] };

export const PART_LABELS: Record<Period['part'], string> = { Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', H1: '上半年', H2: '下半年' };

/** The current quarter in Shanghai: what a manager usually wants. */
export function currentPeriod(): Period {
  const now = shanghai();
  return { year: now.year(), part: `Q${Math.floor(now.month() / 3) + 1}` as Period['part'] };
}

export function rangeOf({ year, part }: Period): { from: string; to: string } {
  const [first, last] = MONTHS[part];
  const from = shanghai(`${year}-${String(first).padStart(2, '0')}-01T12:00:00+08:00`);
  const to = shanghai(`${year}-${String(last).padStart(2, '0')}-01T12:00:00+08:00`).endOf('month');
  return { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') };
}

/** The quarter the bulletin covers (a half-year's bulletin is its second quarter's). */
export const quarterOf = ({ part }: Period) => (part.startsWith('Q') ? Number(part[1]) : part === 'H1' ? 2 : 4);

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { addDays } from '../../time/shanghai.ts';
import type { UnitDirectory } from '../unit-directory.ts';
import { topN } from './ranking.ts';
import { periodReport, scoreReport, type PeriodReport, type ScoreReport } from './tables.ts';

export const TOP_N = 6;

export interface ListedUnit {
  rank: number;
  unitCode: string;
  unitName: string;
  value: number;
}

export interface Bulletin {
  year: number;
  quarter: number;
  from: string;
  to: string;
  totals: { submitted: number; adopted: number; nationalAdopted: number; adoptionRate: number | null };
  topSubmitted: ListedUnit[];
  topAdopted: ListedUnit[];
  topScore: ListedUnit[];
  nationalAdoptions: ListedUnit[];
  /** 一、信息报送总体情况, written from the figures. */
  text: string;
  periodTable: PeriodReport;
  scoreTable: ScoreReport;
}

const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(nextStart, -1) };
}

/** 2024-04-01 → 2024年4月1日 */
export function chineseDate(date: string, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

export function quarterName(year: number, quarter: number): string {
  return `${year}年${QUARTER_NAMES[quarter]}`;
}

const list = (units: ListedUnit[], unit: string) => units.map((u) => `${u.unitName}（${u.value}${unit}）`).join('、');

/** The overall-situation section of the 通报, in the association's words and units. */
export function overallSituation(b: Omit<Bulletin, 'text'>): string {
  const period = `${quarterName(b.year, b.quarter)}（${chineseDate(b.from)}至${chineseDate(b.to, false)}）`;
  const rate = b.totals.adoptionRate === null ? '' : `，采用率${(b.totals.adoptionRate * 100).toFixed(1)}%`;
  const sentences = [
    `${period}，全区各盟市、计划单列市计生协共向自治区计生协报送信息${b.totals.submitted}条，被采用${b.totals.adopted}条${rate}。`,
  ];
  if (b.topSubmitted.length) sentences.push(`报送条数居前${TOP_N}位的盟市依次为：${list(b.topSubmitted, '条')}。`);
  if (b.topAdopted.length) sentences.push(`采用条数居前${TOP_N}位的盟市依次为：${list(b.topAdopted, '条')}。`);
  sentences.push(
    b.nationalAdoptions.length
      ? `本季度共有${b.totals.nationalAdopted}条优质信息或案例征集投稿被中国计生协采用，分别来自：${list(b.nationalAdoptions, '条')}。`
      : '本季度暂无信息被中国计生协采用。',
  );
  if (b.topScore.length) sentences.push(`截至${chineseDate(b.to, false)}，全年信息报送得分居前${TOP_N}位的盟市依次为：${list(b.topScore, '分')}。`);
  return sentences.join('');
}

export async function buildBulletin(
  db: Kysely<Database>,
  units: UnitDirectory,
  year: number,
  quarter: number,
  rules: ScoreReport['rules'],
): Promise<Bulletin> {
  const { from, to } = quarterRange(year, quarter);
  const [periodTable, scoreTable] = await Promise.all([periodReport(db, units, from, to), scoreReport(db, units, year, to, rules)]);
  const period = periodTable.rows;
  const listed = (rows: Array<{ rank: number; unitCode: string; unitName: string; value: number }>) =>
    rows.map(({ rank, unitCode, unitName, value }) => ({ rank, unitCode, unitName, value }));
  const draft: Omit<Bulletin, 'text'> = {
    year,
    quarter,
    from,
    to,
    totals: {
      ...periodTable.totals,
      adoptionRate: periodTable.totals.submitted > 0 ? periodTable.totals.adopted / periodTable.totals.submitted : null,
    },
    topSubmitted: listed(topN(period, (r) => r.submitted, TOP_N)),
    topAdopted: listed(topN(period, (r) => r.adopted, TOP_N)),
    topScore: listed(topN(scoreTable.rows, (r) => r.total, TOP_N)),
    nationalAdoptions: listed(topN(period, (r) => r.nationalAdopted, period.length)),
    periodTable,
    scoreTable,
  };
  return { ...draft, text: overallSituation(draft) };
}

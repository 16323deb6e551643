import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { UnitDirectory } from '../unit-directory.ts';
import { bulletinTitle, overallSituation, praise, TOP_N, type ListedUnit } from './bulletin-text.ts';
import { chineseDate, figuresAsOf, periodName, type ReportPeriod } from './periods.ts';
import { commissionsReport, commissionTotals } from './commissions-report.ts';
import { topN } from './ranking.ts';
import { periodReport, scoreReport, type PeriodReport, type ScoreReport } from './tables.ts';

export { TOP_N, type ListedUnit };

/** Every figure of a 通报 and the paragraphs written from them: what an issued bulletin freezes. */
export interface BulletinFigures {
  year: number;
  quarter: number | null;
  from: string;
  to: string;
  /** The last day counted: the period's end, or the day the figures were taken while it was not over. */
  asOf: string;
  title: string;
  periodName: string;
  totals: { submitted: number; adopted: number; nationalAdopted: number; adoptionRate: number | null };
  topSubmitted: ListedUnit[];
  topAdopted: ListedUnit[];
  topScore: ListedUnit[];
  nationalAdoptions: ListedUnit[];
  /** 一、信息报送总体情况, written from the figures. */
  text: string;
  /** The 通报表扬 sentence that opens the closing paragraph. */
  praise: string;
  periodTable: PeriodReport;
  scoreTable: ScoreReport;
}

export const periodNotStarted = (period: ReportPeriod) =>
  new AppError(422, 'period_not_started', `统计期间自${chineseDate(period.from)}开始，尚未开始，无法生成通报`, { from: period.from });

/** The figures of a period as of `today` (Shanghai): a period not yet over is counted up to today. */
export async function buildBulletin(
  db: Kysely<Database>,
  units: UnitDirectory,
  period: ReportPeriod,
  today: string,
  rules: ScoreReport['rules'],
): Promise<BulletinFigures> {
  if (today < period.from) throw periodNotStarted(period);
  const asOf = figuresAsOf(period, today);
  const [periodTable, scoreTable, commissions] = await Promise.all([
    periodReport(db, units, period.from, asOf),
    scoreReport(db, units, period.year, asOf, rules),
    commissionsReport(db, units, period.from, asOf),
  ]);
  const rows = periodTable.rows;
  const listed = (list: ListedUnit[]) => list.map(({ rank, unitCode, unitName, value }) => ({ rank, unitCode, unitName, value }));
  const figures = {
    period,
    asOf,
    totals: periodTable.totals,
    topSubmitted: listed(topN(rows, (r) => r.submitted, TOP_N)),
    topAdopted: listed(topN(rows, (r) => r.adopted, TOP_N)),
    topScore: listed(topN(scoreTable.rows, (r) => r.total, TOP_N)),
    nationalAdoptions: listed(topN(rows, (r) => r.nationalAdopted, rows.length)),
    commissions: commissionTotals(commissions),
  };
  const { submitted, adopted } = periodTable.totals;
  return {
    year: period.year,
    quarter: period.quarter,
    from: period.from,
    to: period.to,
    asOf,
    title: bulletinTitle(period),
    periodName: periodName(period),
    totals: { ...periodTable.totals, adoptionRate: submitted > 0 ? adopted / submitted : null },
    topSubmitted: figures.topSubmitted,
    topAdopted: figures.topAdopted,
    topScore: figures.topScore,
    nationalAdoptions: figures.nationalAdoptions,
    text: overallSituation(figures),
    praise: praise(figures),
    periodTable,
    scoreTable,
  };
}

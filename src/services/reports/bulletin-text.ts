import { chineseDate, periodName, quarterShortName, type ReportPeriod } from './periods.ts';

/** The paragraphs of a 通报 written from the figures, in the association's words and units. */

export const TOP_N = 6;
export const ADDRESSEES = '各盟市、计划单列市计生协';

export interface ListedUnit {
  rank: number;
  unitCode: string;
  unitName: string;
  value: number;
}

export interface TextFigures {
  period: ReportPeriod;
  /** The last day counted: the period's end, or today while it is not over. */
  asOf: string;
  totals: { submitted: number; adopted: number; nationalAdopted: number };
  topSubmitted: ListedUnit[];
  topAdopted: ListedUnit[];
  topScore: ListedUnit[];
  nationalAdoptions: ListedUnit[];
  /** Commissions (约稿) issued in the period; a sentence only when there were any. */
  commissions?: CommissionTotals;
}

export interface CommissionTotals {
  issued: number;
  /** Assignments: one per target unit. */
  addressed: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Units with misses, in the commissions report's order (fewest first). */
  missedBy: Array<{ unitName: string; missed: number }>;
}

const listOf = (units: ListedUnit[], unit: string) => units.map((u) => `${u.unitName}（${u.value}${unit}）`).join('、');

/**
 * "信息报送条数排名前6位的盟市是：…" with the grammar the list needs: one unit is named alone,
 * fewer units than N with a figure give "前k位", and a tie with the N-th says "含并列".
 */
function rankedSentence(label: string, units: ListedUnit[], unit: string): string {
  if (units.length === 0) return '';
  if (units.length === 1) return `${label}排名第一的是${listOf(units, unit)}。`;
  const places = Math.min(units.length, TOP_N);
  const tie = units.length > TOP_N ? '（含并列）' : '';
  return `${label}排名前${places}位的盟市${tie}是：${listOf(units, unit)}。`;
}

function isOver(f: TextFigures): boolean {
  return f.asOf >= f.period.to;
}

/** 一、信息报送总体情况: totals, the top lists by submitted and adopted, the national adoptions, the year's scores. */
export function overallSituation(f: TextFigures): string {
  const name = periodName(f.period);
  const lead = isOver(f) ? `据统计，${name}` : `据统计，截至${chineseDate(f.asOf, false)}，${name}`;
  if (f.totals.submitted === 0) return `${lead}${ADDRESSEES}暂未报送信息。${commissionSentence(f.commissions)}`;
  const sentences = [`${lead}${ADDRESSEES}共报送信息${f.totals.submitted}条，被采用${f.totals.adopted}条。`];
  sentences.push(rankedSentence('信息报送条数', f.topSubmitted, '条'));
  sentences.push(f.topAdopted.length ? rankedSentence('信息采用条数', f.topAdopted, '条') : '暂无信息被采用。');
  if (f.totals.adopted > 0) {
    sentences.push(
      f.nationalAdoptions.length
        ? `其中，${listOf(f.nationalAdoptions, '条')}优质信息或案例征集投稿被中国计生协采用。`
        : '暂无优质信息或案例征集投稿被中国计生协采用。',
    );
  }
  const quarter = quarterShortName(f.period);
  const through = isOver(f) && quarter ? `截至${quarter}` : `截至${chineseDate(f.asOf, false)}，本年度`;
  sentences.push(rankedSentence(`${through}信息报送得分`, f.topScore, '分'));
  sentences.push(commissionSentence(f.commissions));
  return sentences.join('');
}

/** 约稿: issued, answered on time and late, and who missed (most misses first); nothing when none were issued. */
export function commissionSentence(c: CommissionTotals | undefined): string {
  if (!c || c.issued === 0) return '';
  const answers = `约稿${c.issued}次，应回复${c.addressed}家次，按时回复${c.answeredOnTime}家次${c.answeredLate ? `，逾期回复${c.answeredLate}家次` : ''}`;
  const missed = [...c.missedBy].sort((a, b) => b.missed - a.missed);
  const misses = missed.length ? `；未按期回复的是：${missed.map((u) => `${u.unitName}（${u.missed}次）`).join('、')}` : '；各单位均按期回复';
  return `本期自治区计生协共发出${answers}${misses}。`;
}

/** 通报表扬: the units leading by submissions and adoptions; one unit is named, several are "排名前N位的盟市". */
export function praise(f: TextFigures): string {
  const leaders = new Map([...f.topSubmitted, ...f.topAdopted].map((u) => [u.unitCode, u.unitName]));
  if (leaders.size === 0) return '';
  const name = periodName(f.period);
  const places = Math.min(TOP_N, Math.max(f.topSubmitted.length, f.topAdopted.length));
  if (places === 1) return `在此，对${name}信息报送及采用情况排名第一的${[...leaders.values()].join('、')}予以通报表扬。`;
  return `在此，对${name}信息报送及采用情况排名前${places}位的盟市予以通报表扬。`;
}

/** The intro line under the addressees. */
export function introduction(period: ReportPeriod): string {
  return `现将${periodName(period)}各盟市、计划单列市信息报送及采用情况通报如下：`;
}

export function bulletinTitle(period: ReportPeriod): string {
  return `关于${periodName(period)}信息报送及采用情况的通报`;
}

/** The attachments' titles: 附件1 the period table, 附件2 the score table. */
export function attachmentTitles(period: ReportPeriod): [string, string] {
  const name = periodName(period);
  return [`${name}${ADDRESSEES}信息报送情况统计表`, `${name}${ADDRESSEES}信息报送得分统计表`];
}

import { chineseSpan } from './periods.ts';
import type { PeriodReport, ScoreReport } from './tables.ts';

/** A table as the association prints it: its label (附件1), title, counting period and Chinese headings. */
export interface TableSpec<Row = any> {
  /** 附件1 in a bulletin; null for a table on its own. */
  label: string | null;
  sheetName: string;
  title: string;
  /** （统计区间为2024年4月1日至6月30日） */
  subtitle: string;
  columns: Array<TableColumn<Row>>;
  rows: Row[];
  totals?: Array<string | number>;
}

export interface TableColumn<Row> {
  header: string;
  /** Where a long heading breaks when the column is narrower than it (Word and Excel). */
  headerLines?: string[];
  value: (row: Row) => string | number;
}

/** What the request may add to the association's own columns. */
export interface TableOptions {
  /** A 排名 column first. */
  rank?: boolean;
  /** A 合计 row last. */
  totals?: boolean;
}

type PeriodRow = PeriodReport['rows'][number];
type ScoreRow = ScoreReport['rows'][number];

const rankColumn: TableColumn<{ rank: number }> = { header: '排名', value: (r) => r.rank };
const unit: TableColumn<{ unitName: string }> = { header: '单位', value: (r) => r.unitName };
const submitted: TableColumn<{ submitted: number }> = { header: '报送条数', headerLines: ['报送', '条数'], value: (r) => r.submitted };
const adopted: TableColumn<{ adopted: number }> = { header: '采用条数', headerLines: ['采用', '条数'], value: (r) => r.adopted };

/** 附件1's columns, as the association prints them. */
export const periodColumns: Array<TableColumn<PeriodRow>> = [
  unit,
  submitted,
  adopted,
  { header: '中国计生协采用条数', headerLines: ['中国计生协', '采用条数'], value: (r) => r.nationalAdopted },
];

/** 附件2's columns, as the association prints them. */
export const scoreColumns: Array<TableColumn<ScoreRow>> = [
  unit,
  submitted,
  { header: '报送得分', headerLines: ['报送', '得分'], value: (r) => r.submittedPoints },
  adopted,
  { header: '采用得分', headerLines: ['采用', '得分'], value: (r) => r.adoptedPoints },
  { header: '被中国计生协采用条数', headerLines: ['被中国', '计生协', '采用条数'], value: (r) => r.nationalAdopted },
  { header: '被中国计生协采用得分', headerLines: ['被中国', '计生协', '采用得分'], value: (r) => r.nationalAdoptedPoints },
  { header: '总得分', value: (r) => r.total },
];

function withOptions<Row extends { rank: number }>(
  base: Omit<TableSpec<Row>, 'columns' | 'totals'>,
  columns: Array<TableColumn<Row>>,
  totals: Array<number>,
  options: TableOptions,
): TableSpec<Row> {
  return {
    ...base,
    columns: options.rank ? [rankColumn, ...columns] : columns,
    totals: options.totals ? [...(options.rank ? [''] : []), '合计', ...totals] : undefined,
  };
}

export function periodTableSpec(report: PeriodReport, title: string, label: string | null, options: TableOptions = {}): TableSpec<PeriodRow> {
  const t = report.totals;
  return withOptions(
    { label, sheetName: label ?? '信息报送情况', title, subtitle: `（统计区间为${chineseSpan(report.from, report.to)}）`, rows: report.rows },
    periodColumns,
    [t.submitted, t.adopted, t.nationalAdopted],
    options,
  );
}

export function scoreTableSpec(report: ScoreReport, title: string, label: string | null, options: TableOptions = {}): TableSpec<ScoreRow> {
  const sum = (kind: 'submittedPoints' | 'adoptedPoints' | 'nationalAdoptedPoints') => report.rows.reduce((s, r) => s + r[kind], 0);
  const t = report.totals;
  return withOptions(
    {
      label,
      sheetName: label ?? '信息报送得分',
      title,
      subtitle: `（统计区间为${chineseSpan(`${report.year}-01-01`, report.through)}）`,
      rows: report.rows,
    },
    scoreColumns,
    [t.submitted, sum('submittedPoints'), t.adopted, sum('adoptedPoints'), t.nationalAdopted, sum('nationalAdoptedPoints'), t.total],
    options,
  );
}

/** The width of text in em: CJK characters are one em, Latin letters and digits half of one. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return width;
}

/** Each column's width in em at one font size: the longest cell, or its heading (whole or broken) when longer. */
export function columnWidthsEm(spec: TableSpec, headingWhole: boolean): number[] {
  return spec.columns.map((column, i) => {
    const heading = headingWhole || !column.headerLines ? [column.header] : column.headerLines;
    const cells = [...heading, ...spec.rows.map((row) => String(column.value(row))), ...(spec.totals ? [String(spec.totals[i])] : [])];
    return Math.max(...cells.map(textWidthEm));
  });
}

/**
 * A title broken into lines no wider than `maxEm`, only before the given words (e.g. 各盟市, 信息报送),
 * so that a line never ends inside a phrase and no word stands alone on the last line.
 */
export function breakTitle(text: string, breakBefore: string[], maxEm: number): string[] {
  const lines: string[] = [];
  let rest = text;
  for (const marker of breakBefore) {
    if (textWidthEm(rest) <= maxEm) break;
    const at = rest.indexOf(marker);
    if (at <= 0) continue;
    const head = rest.slice(0, at);
    // The head joins the line before when they fit together.
    if (lines.length && textWidthEm(lines[lines.length - 1] + head) <= maxEm) lines[lines.length - 1] += head;
    else lines.push(head);
    rest = rest.slice(at);
  }
  if (lines.length && textWidthEm(lines[lines.length - 1] + rest) <= maxEm) lines[lines.length - 1] += rest;
  else lines.push(rest);
  return lines;
}

/** Where the titles of a bulletin and of its tables may break. */
export const TITLE_BREAKS = ['各盟市', '信息报送'];

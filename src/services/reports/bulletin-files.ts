import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { rulesForYear } from '../scoring-rules.ts';
import type { BulletinFigures } from './bulletin.ts';
import { bulletinDocx, type BulletinDocument } from './bulletin-docx.ts';
import { attachmentTitles } from './bulletin-text.ts';
import { toCsv, toXlsx } from './exports.ts';
import type { ReportPeriod } from './periods.ts';
import { periodTableSpec, scoreTableSpec, type TableOptions, type TableSpec } from './table-specs.ts';
import type { ScoreReport } from './tables.ts';

export type FileKind = 'csv' | 'xlsx' | 'docx';

export const MIME: Record<FileKind, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface ReportFile {
  kind: FileKind;
  /** The file's name without its extension. */
  name: string;
  body: string | Buffer;
}

/** The points of a year as the score table shows them (null when no rules exist at all). */
export async function reportRules(db: Kysely<Database>, year: number): Promise<ScoreReport['rules']> {
  const rules = await rulesForYear(db, year);
  return rules ? { submitted: rules.submitted, adopted: rules.adopted, nationalAdopted: rules.nationalAdopted } : null;
}

export const periodOfFigures = (f: BulletinFigures): ReportPeriod => ({ year: f.year, quarter: f.quarter, from: f.from, to: f.to });

/** 附件1 and 附件2 of a bulletin. */
export function bulletinTables(f: BulletinFigures, options: TableOptions): [TableSpec, TableSpec] {
  const [periodTitle, scoreTitle] = attachmentTitles(periodOfFigures(f));
  return [periodTableSpec(f.periodTable, periodTitle, '附件1', options), scoreTableSpec(f.scoreTable, scoreTitle, '附件2', options)];
}

/** A bulletin as Word (the whole 通报), or its two tables as Excel or CSV. */
export async function bulletinFile(d: Omit<BulletinDocument, 'tables'>, kind: FileKind, options: TableOptions): Promise<ReportFile> {
  const tables = bulletinTables(d.figures, options);
  if (kind === 'docx') return { kind, name: d.figures.title, body: await bulletinDocx({ ...d, tables }) };
  const name = `${d.figures.periodName}信息报送统计`;
  return kind === 'csv' ? { kind, name, body: toCsv(tables) } : { kind, name, body: await toXlsx(tables) };
}

/** One table on its own, as CSV or Excel. */
export async function tableFile(table: TableSpec, kind: 'csv' | 'xlsx', name: string): Promise<ReportFile> {
  return kind === 'csv' ? { kind, name, body: toCsv([table]) } : { kind, name, body: await toXlsx([table]) };
}

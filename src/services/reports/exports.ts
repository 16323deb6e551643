import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A table as the association prints it: a title, a subtitle (the counting period), Chinese headings. */
export interface TableSpec<Row> {
  sheetName: string;
  title: string;
  subtitle: string;
  columns: Array<{ header: string; value: (row: Row) => string | number; width?: number }>;
  rows: Row[];
  totals?: Array<string | number>;
}

export const periodColumns = [
  { header: '排名', value: (r: { rank: number }) => r.rank, width: 8 },
  { header: '单位', value: (r: { unitName: string }) => r.unitName, width: 16 },
  { header: '报送条数', value: (r: { submitted: number }) => r.submitted, width: 12 },
  { header: '采用条数', value: (r: { adopted: number }) => r.adopted, width: 12 },
  { header: '中国计生协采用条数', value: (r: { nationalAdopted: number }) => r.nationalAdopted, width: 20 },
];

export const scoreColumns = [
  ...periodColumns.slice(0, 3),
  { header: '报送得分', value: (r: { submittedPoints: number }) => r.submittedPoints, width: 12 },
  periodColumns[3],
  { header: '采用得分', value: (r: { adoptedPoints: number }) => r.adoptedPoints, width: 12 },
  { header: '被中国计生协采用条数', value: (r: { nationalAdopted: number }) => r.nationalAdopted, width: 22 },
  { header: '被中国计生协采用得分', value: (r: { nationalAdoptedPoints: number }) => r.nationalAdoptedPoints, width: 22 },
  { header: '总得分', value: (r: { total: number }) => r.total, width: 10 },
];

/** CSV with a BOM, so that Excel opens the Chinese headings as UTF-8. */
export function toCsv<Row>(table: TableSpec<Row>): string {
  const records = [table.columns.map((c) => c.header), ...table.rows.map((row) => table.columns.map((c) => c.value(row)))];
  if (table.totals) records.push(table.totals);
  return `\uFEFF${stringify(records)}`;
}

export async function toXlsx(tables: Array<TableSpec<any>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '信息报送系统';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheetName);
    const width = table.columns.length;
    sheet.columns = table.columns.map((c) => ({ width: c.width ?? 12 }));
    sheet.addRow([table.title]);
    sheet.mergeCells(1, 1, 1, width);
    sheet.getRow(1).font = { bold: true, size: 14 };
    sheet.getRow(1).alignment = { horizontal: 'center' };
    sheet.addRow([table.subtitle]);
    sheet.mergeCells(2, 1, 2, width);
    sheet.getRow(2).alignment = { horizontal: 'center' };
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(table.columns.map((c) => c.value(row)));
    if (table.totals) sheet.addRow(table.totals).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

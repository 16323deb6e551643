import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { breakTitle, columnWidthsEm, TITLE_BREAKS, type TableSpec } from './table-specs.ts';

export type { TableSpec } from './table-specs.ts';

/**
 * CSV with a BOM, so that Excel opens the Chinese headings as UTF-8. A table on its own is its
 * heading row and rows; a bulletin's tables each come under their label, title and period.
 */
export function toCsv(tables: TableSpec[]): string {
  const records: Array<Array<string | number>> = [];
  for (const table of tables) {
    if (table.label) {
      if (records.length) records.push([]);
      records.push([table.label], [table.title], [table.subtitle]);
    }
    records.push(table.columns.map((c) => c.header), ...table.rows.map((row) => table.columns.map((c) => c.value(row))));
    if (table.totals) records.push(table.totals);
  }
  return `\uFEFF${stringify(records)}`;
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const CENTER = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };
/** Excel's column width unit is about one Latin character: a CJK character takes two, plus room for the borders. */
const excelWidth = (em: number) => Math.ceil(em * 2.2 + 2);
/** Rows that fit on one A4 page at a readable size: a longer table is fitted to the width only. */
const ONE_PAGE_ROWS = 45;
/** About what an A4 portrait page holds between its margins, in Excel's width units. */
const PORTRAIT_WIDTH = 95;

/**
 * One sheet per table, as the association prints it: the label (附件1) in 黑体, the title in 宋体,
 * the period, headings repeated on every page, thin borders, 仿宋 figures as numbers; A4, centred,
 * fitted to one page wide (and tall where it fits).
 */
export async function toXlsx(tables: TableSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '信息报送系统';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheetName, {
      pageSetup: {
        paperSize: 9,
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: table.rows.length <= ONE_PAGE_ROWS ? 1 : 0,
        horizontalCentered: true,
        margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
      views: [{ showGridLines: false }],
    });
    const width = table.columns.length;
    // Headings on one line when the table then still fits a portrait page at full size.
    const wholeWidths = columnWidthsEm(table, true).map(excelWidth);
    const whole = wholeWidths.reduce((a, b) => a + b, 0) <= PORTRAIT_WIDTH;
    sheet.columns = (whole ? wholeWidths : columnWidthsEm(table, false).map(excelWidth)).map((width) => ({ width }));
    const headings = table.columns.map((c) => (whole || !c.headerLines ? [c.header] : c.headerLines));
    let titleRow = 1;
    if (table.label) {
      sheet.addRow([table.label]).font = { name: '黑体', size: 14 };
      titleRow = 2;
    }
    // The title breaks where the Word document's does, as lines that fit the table's width at 18 pt.
    const tableWidth = sheet.columns.reduce((sum, c) => sum + (c.width ?? 10), 0);
    const titleLines = breakTitle(table.title, TITLE_BREAKS, tableWidth / ((2 * 18) / 11) - 1);
    const title = sheet.addRow([titleLines.join('\n')]);
    sheet.mergeCells(titleRow, 1, titleRow, width);
    title.font = { name: '宋体', size: 18, bold: true };
    title.alignment = CENTER;
    title.height = 28 * titleLines.length;
    const subtitle = sheet.addRow([table.subtitle]);
    sheet.mergeCells(titleRow + 1, 1, titleRow + 1, width);
    subtitle.font = { name: '仿宋', size: 12 };
    subtitle.alignment = CENTER;
    subtitle.height = 22;
    const header = sheet.addRow(headings.map((lines) => lines.join('\n')));
    header.font = { name: '宋体', size: 12, bold: true };
    header.height = 17 * Math.max(...headings.map((lines) => lines.length)) + 6;
    const body = [...table.rows.map((row) => table.columns.map((c) => c.value(row))), ...(table.totals ? [table.totals] : [])];
    for (const values of body) {
      const row = sheet.addRow(values);
      row.font = { name: '仿宋', size: 12 };
      row.height = 20;
    }
    for (let r = header.number; r <= sheet.rowCount; r++) {
      for (let c = 1; c <= width; c++) {
        const cell = sheet.getCell(r, c);
        cell.border = BORDER;
        cell.alignment = CENTER;
      }
    }
    sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

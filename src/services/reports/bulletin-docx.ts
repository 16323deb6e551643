import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Bulletin } from './bulletin.ts';
import { chineseDate, quarterName } from './bulletin.ts';
import type { TableSpec } from './exports.ts';

// Official documents: 仿宋 三号 for text, 黑体 for first-level headings, 小标宋 for the title.
const BODY_FONT = '仿宋_GB2312';
const SIZE_SAN = 32; // half-points: 三号 = 16 pt
const text = (value: string, options: { bold?: boolean; font?: string; size?: number } = {}) =>
  new TextRun({ text: value, font: options.font ?? BODY_FONT, size: options.size ?? SIZE_SAN, bold: options.bold });
const paragraph = (value: string, options: { indent?: boolean; font?: string; center?: boolean; size?: number } = {}) =>
  new Paragraph({
    children: [text(value, { font: options.font, size: options.size })],
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
function table<Row>(spec: TableSpec<Row>): Table {
  const cell = (value: string | number, bold = false) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(String(value), { bold, size: 24 })] })],
      borders: { top: border, bottom: border, left: border, right: border },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: spec.columns.map((c) => cell(c.header, true)) }),
      ...spec.rows.map((row) => new TableRow({ children: spec.columns.map((c) => cell(c.value(row))) })),
      ...(spec.totals ? [new TableRow({ children: spec.totals.map((v) => cell(v, true)) })] : []),
    ],
  });
}

/**
 * The 通报 draft as a Word file: the overall situation written from the figures, headings and
 * placeholders for the sections the editor writes, and both tables as attachments 1 and 2.
 */
export async function bulletinDocx(b: Bulletin, tables: [TableSpec<any>, TableSpec<any>], issuedOn: string): Promise<Buffer> {
  const name = quarterName(b.year, b.quarter);
  const [attachment1, attachment2] = tables;
  const doc = new Document({
    creator: '信息报送系统',
    title: `关于${name}信息报送及采用情况的通报`,
    sections: [
      {
        children: [
          paragraph(`关于${name}信息报送及采用情况的通报`, { center: true, font: '方正小标宋简体', size: 44 }),
          paragraph(''),
          paragraph('各盟市、计划单列市计生协：'),
          paragraph(`现将${name}各盟市、计划单列市信息报送及采用情况通报如下：`, { indent: true }),
          paragraph('一、信息报送总体情况', { indent: true, font: '黑体' }),
          paragraph(b.text, { indent: true }),
          paragraph('二、存在的突出问题', { indent: true, font: '黑体' }),
          paragraph('（待编辑撰写）', { indent: true }),
          paragraph('三、下一步工作要求', { indent: true, font: '黑体' }),
          paragraph('（待编辑撰写）', { indent: true }),
          paragraph('附件：', { indent: true }),
          paragraph(`1.${attachment1.title}`, { indent: true }),
          paragraph(`2.${attachment2.title}`, { indent: true }),
          paragraph(''),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text('内蒙古自治区计划生育协会')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(chineseDate(issuedOn))] }),
          new Paragraph({ children: [new PageBreak()] }),
          paragraph('附件1', { font: '黑体' }),
          paragraph(attachment1.title, { center: true, font: '方正小标宋简体', size: 36 }),
          paragraph(attachment1.subtitle, { center: true }),
          table(attachment1),
          new Paragraph({ children: [new PageBreak()] }),
          paragraph('附件2', { font: '黑体' }),
          paragraph(attachment2.title, { center: true, font: '方正小标宋简体', size: 36 }),
          paragraph(attachment2.subtitle, { center: true }),
          table(attachment2),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

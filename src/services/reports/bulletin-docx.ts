import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { BulletinFigures } from './bulletin.ts';
import { ADDRESSEES, introduction } from './bulletin-text.ts';
import { CHAR, fontOf, fontTableXml, GRID, line, PAGE, SIZE, TAB, TEXT_WIDTH, type RunSpec } from './gbt9704.ts';
import { chineseDate } from './periods.ts';
import { breakTitle, columnWidthsEm, textWidthEm, TITLE_BREAKS, type TableSpec } from './table-specs.ts';

export interface BulletinSections {
  /** 二、存在的突出问题 */
  problems: string;
  /** 三、下一步工作要求 */
  requirements: string;
  /** After the 通报表扬 sentence. */
  closing: string;
}

/** Everything a 通报 prints: the figures, what a manager wrote, and who issues it when. */
export interface BulletinDocument {
  figures: BulletinFigures;
  sections: BulletinSections;
  contact: { name: string; phone: string };
  /** Attachments listed after the two tables (the association's standing rules). */
  extraAttachments: string[];
  issuer: string;
  /** 成文日期 */
  date: string;
  number: string | null;
  tables: [TableSpec, TableSpec];
}

const PLACEHOLDER = '（此部分尚未撰写）';

/** A title in 2号 小标宋, centred, broken before the words that end it when it does not fit one line. */
function title(text: string): Paragraph {
  // One em of margin: a title that only just fits would lose its last character to the next line.
  const lines = breakTitle(text, TITLE_BREAKS, TEXT_WIDTH / (SIZE.er * 10) - 1);
  return line(
    lines.map((text, i) => ({ text, font: 'title', size: SIZE.er, breakBefore: i > 0 })),
    { alignment: AlignmentType.CENTER, spacing: { line: 700 } },
  );
}

const heading = (text: string) => line([{ text, font: 'heading' }], { firstLineChars: 2 });

/** A manager's paragraphs: one per line; a "（一）…。" opening sentence is set in 楷体 as the association does. */
function written(text: string): Paragraph[] {
  const paragraphs = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (!paragraphs.length) return [line(PLACEHOLDER, { firstLineChars: 2 })];
  return paragraphs.map((p) => {
    const sub = /^（[一二三四五六七八九十]+）[^。]*。?/.exec(p);
    const runs: RunSpec[] = sub ? [{ text: sub[0], font: 'subheading' }, { text: p.slice(sub[0].length) }] : [{ text: p }];
    return line(runs.filter((r) => r.text), { firstLineChars: 2 });
  });
}

/** 附件：1. … with each title's wrapped lines under its first character (GB/T 9704 7.3.4). */
function attachmentList(titles: string[]): Paragraph[] {
  const numberAt = 2 * CHAR + 3 * CHAR + 100;
  const titleAt = numberAt + 500;
  return titles.map((t, i) =>
    line([{ text: `${i === 0 ? '附件：' : ''}\t${i + 1}.\t${t}` }], {
      indent: { left: titleAt, hanging: titleAt - 2 * CHAR },
      tabStops: [
        { type: TAB.LEFT, position: numberAt },
        { type: TAB.LEFT, position: titleAt },
      ],
      alignment: AlignmentType.LEFT,
      // The issuer and date never stand on a page without the lines before them.
      keepNext: true,
    }),
  );
}

/** The issuer centred over the date, the date four characters from the right (GB/T 9704 7.3.5.1). */
function signature(issuer: string, date: string): Paragraph[] {
  const dateText = chineseDate(date);
  const issuerRight = Math.max(0, 4 * CHAR + ((textWidthEm(dateText) - textWidthEm(issuer)) / 2) * CHAR);
  return [
    line(issuer, { alignment: AlignmentType.RIGHT, indent: { right: Math.round(issuerRight) }, keepNext: true }),
    line(dateText, { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }),
  ];
}

/** Page numbers "— 1 —" in 4号 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZE.si * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf('pageNumber'), size: SIZE.si, snapToGrid: false })],
      }),
    ],
  });
}

const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const CELL_MARGIN = 85;
const CELL_SLACK = 2 * CELL_MARGIN + 60;
/** Table type sizes to try, largest first (half-points: 4号, 小四, 五号, 小五). */
const TABLE_SIZES = [28, 24, 21, 18];

/**
 * A table whose columns fit the longest unit name and number on one line: the largest type size at
 * which every column fits the text width, the room left shared out; a heading breaks where its
 * column says only when it cannot stand on one line. Headings repeat on every page; rows never split.
 */
function table(spec: TableSpec): Table {
  const measure = (size: number, whole: boolean) => columnWidthsEm(spec, whole).map((em) => em * size * 10 + CELL_SLACK);
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  // Headings whole at the largest size where they fit, else broken where each column allows.
  const fits = TABLE_SIZES.flatMap((size) => [{ size, whole: true }, { size, whole: false }]).find((f) => sum(measure(f.size, f.whole)) <= TEXT_WIDTH);
  const { size, whole } = fits ?? { size: TABLE_SIZES[TABLE_SIZES.length - 1], whole: false };
  const minimal = measure(size, whole);
  const spare = Math.max(0, TEXT_WIDTH - sum(minimal));
  const widths = minimal.map((w) => Math.floor(w + (spare * w) / sum(minimal)));
  const lineTwips = Math.round(size * 10 * 1.35);
  const cell = (lines: string[], width: number, font: 'body' | 'heading') =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: lines.map(
            (text, i) => new TextRun({ text, font: fontOf(font), size, break: i > 0 ? 1 : undefined, snapToGrid: false }),
          ),
        }),
      ],
    });
  const rowHeight = { value: Math.round(lineTwips * 1.5), rule: HeightRule.ATLEAST };
  const headings = spec.columns.map((c, i) => {
    const fitsWhole = textWidthEm(c.header) * size * 10 + CELL_SLACK <= widths[i];
    return cell(fitsWhole || !c.headerLines ? [c.header] : c.headerLines, widths[i], 'heading');
  });
  const bodyRows = [...spec.rows.map((row) => spec.columns.map((c) => c.value(row))), ...(spec.totals ? [spec.totals] : [])];
  return new Table({
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, height: rowHeight, children: headings }),
      ...bodyRows.map(
        (values) => new TableRow({ cantSplit: true, height: rowHeight, children: values.map((v, i) => cell([String(v)], widths[i], 'body')) }),
      ),
    ],
  });
}

/** An attachment on a page of its own: 附件N in 黑体 at the top left, its title on the third line, then the table. */
function attachment(spec: TableSpec): Array<Paragraph | Table> {
  return [
    line([{ text: spec.label ?? '', font: 'heading' }], { pageBreakBefore: true, alignment: AlignmentType.LEFT }),
    line(''),
    title(spec.title),
    line([{ text: spec.subtitle, font: 'subheading' }], { alignment: AlignmentType.CENTER }),
    table(spec),
  ];
}

/**
 * The 通报 as a Word file laid out per GB/T 9704-2012: the title, the addressees, 一 written from
 * the figures, 二 and 三 and the closing as the manager wrote them, the contact, the attachment
 * list, the issuer and date, then each table on a page of its own.
 */
export async function bulletinDocx(d: BulletinDocument): Promise<Buffer> {
  const f = d.figures;
  const [first, second] = d.tables;
  const closing = d.sections.closing.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const closingParagraphs = [[f.praise, closing[0] ?? ''].join(''), ...closing.slice(1)].filter(Boolean);
  const contact = [
    // The two contact lines stay on one page.
    ...(d.contact.name ? [line(`联 系 人：${d.contact.name}`, { firstLineChars: 2, keepNext: true })] : []),
    ...(d.contact.phone ? [line(`联系电话：${d.contact.phone}`, { firstLineChars: 2 })] : []),
  ];
  const body: Array<Paragraph | Table> = [
    ...(d.number ? [line(d.number, { alignment: AlignmentType.CENTER }), line('')] : []),
    title(f.title),
    line(''),
    line(`${ADDRESSEES}：`, { alignment: AlignmentType.LEFT }),
    line(introduction({ year: f.year, quarter: f.quarter, from: f.from, to: f.to }), { firstLineChars: 2 }),
    heading('一、信息报送总体情况'),
    line(f.text, { firstLineChars: 2 }),
    heading('二、存在的突出问题'),
    ...written(d.sections.problems),
    heading('三、下一步工作要求'),
    ...written(d.sections.requirements),
    ...closingParagraphs.map((p) => line(p, { firstLineChars: 2 })),
    ...(contact.length ? [line(''), ...contact] : []),
    line(''),
    ...attachmentList([first.title, second.title, ...d.extraAttachments]),
    line('', { keepNext: true }),
    line('', { keepNext: true }),
    ...signature(d.issuer, d.date),
    ...attachment(first),
    ...attachment(second),
  ];
  const doc = new Document({
    creator: d.issuer,
    title: f.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fontOf('body'), size: SIZE.san } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: 851, footer: 1304 } },
          grid: GRID,
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}


import { AlignmentType, DocumentGridType, LineRuleType, TabStopType, type IParagraphOptions, Paragraph, TextRun } from 'docx';

/**
 * The page and type of 党政机关公文 (GB/T 9704-2012) in Word's units: A4, margins 37/35/28/26 mm,
 * a 156 × 225 mm text block of 22 lines of 28 characters in 3号 (16 pt) type.
 */
const twipsOfMm = (mm: number) => Math.round((mm * 1440) / 25.4);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: twipsOfMm(37), bottom: twipsOfMm(35), left: twipsOfMm(28), right: twipsOfMm(26) },
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** 22 lines on 225 mm: an exact pitch of 28.95 pt. */
export const LINE_PITCH = 579;
export const CHARS_PER_LINE = 28;
/**
 * 28 characters to a line: 3号 characters drawn 0.25 pt closer (w:spacing) fit 28 to the 156 mm line.
 * Word's character grid would do the same, but LibreOffice spreads such a grid's characters apart.
 */
const CHAR_TIGHTEN = -Math.ceil(320 - TEXT_WIDTH / CHARS_PER_LINE) - 1;
export const GRID = { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH };

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { er: 44, san: 32, si: 28 };
/** One character of 3号 body text, in twips: indents are counted in characters. */
export const CHAR = 320;

/**
 * The fonts the association's documents use; digits and Latin letters in Times New Roman. Each
 * has a fallback in the font table (w:altName) that Windows has, so that a reader without the
 * association's fonts sees 宋体/仿宋/楷体 rather than whatever the system picks.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', altName: '宋体', panose: '02010600030101010101' },
  body: { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101' },
  heading: { name: '黑体', altName: 'SimHei', panose: '02010609060101010101' },
  subheading: { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101' },
  pageNumber: { name: '宋体', altName: 'SimSun', panose: '02010600030101010101' },
} as const;
export type FontRole = keyof typeof FONTS;

export const fontOf = (role: FontRole) => ({ eastAsia: FONTS[role].name, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });

/** word/fontTable.xml naming each font with its fallback, its GB2312 character set and its panose. */
export function fontTableXml(): string {
  const entry = (name: string, alt: string | null, panose: string, charset: string, family: string, pitch: string) =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:panose1 w:val="${panose}"/><w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  const fonts = Object.values(FONTS).map((f) => entry(f.name, f.altName, f.panose, '86', 'modern', 'fixed'));
  fonts.push(entry('Times New Roman', null, '02020603050405020304', '00', 'roman', 'variable'));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}

export interface RunSpec {
  text: string;
  font?: FontRole;
  /** Half-points. */
  size?: number;
  /** A line break before this run. */
  breakBefore?: boolean;
}

export const run = ({ text, font = 'body', size = SIZE.san, breakBefore }: RunSpec) =>
  new TextRun({ text, font: fontOf(font), size, break: breakBefore ? 1 : undefined, characterSpacing: size === SIZE.san ? CHAR_TIGHTEN : undefined });

/** A paragraph of body text at the exact line pitch. */
export function line(runs: RunSpec[] | string, options: Omit<IParagraphOptions, 'children'> & { firstLineChars?: number } = {}): Paragraph {
  const { firstLineChars, ...rest } = options;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    ...rest,
    indent: firstLineChars ? { firstLine: firstLineChars * CHAR, ...rest.indent } : rest.indent,
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0, ...rest.spacing },
    children: (typeof runs === 'string' ? [{ text: runs }] : runs).map(run),
  });
}

export const TAB = TabStopType;

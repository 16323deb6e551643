import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unitsFile from '../../db/units.json' with { type: 'json' };
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { pageSizeMm, renderDocument, type Rendered } from '../support/documents.ts';
import { BULLETIN_2024_Q2, bulletinRecords, ledgerEntriesOf, ledgerReaches, quarterRecords, type PortalRecord } from '../support/portal-records.ts';

/** The sections a manager writes (test text of our own, long enough to run the body over two pages). */
const SECTIONS = {
  problems: [
    '（一）报送数量不均衡。个别盟市季度报送量不足十条，与全区平均水平差距较大，日常信息工作缺少专人跟进。',
    '（二）稿件质量有待提高。部分稿件标题未使用行政区域全称，正文缺少来源署名，配图分辨率不达标，影响采用。',
    '（三）时效性不强。部分活动信息在活动结束一周以后才报送，错过了宣传的最佳时机。',
  ].join('\n'),
  requirements: [
    '（一）明确专人负责。各盟市、计划单列市计生协要指定信息员，建立稿件台账，按月梳理报送情况。',
    '（二）严把稿件质量。报送前对照质量要求逐条自查，落实审签程序，确保标题、正文、图片和来源规范完整。',
    '（三）增强时效意识。重大活动和事件信息应在3个工作日内报送，一般信息在5个工作日内报送。',
  ].join('\n'),
  closing: '希望各地对照先进找差距，持续提升信息报送的数量和质量。',
};

let t: TestApp;
let manager: Caller;
let bulletinId: string;
let word: Rendered;
let excel: Rendered;

beforeAll(async () => {
  t = await startTestApp({
    now: '2024-07-18T10:00:00+08:00',
    queue: { backend: 'postgres' },
    workers: true,
    env: { BULLETIN_CONTACT_NAME: '王芳', BULLETIN_CONTACT_PHONE: '0471-1234567' },
  });
  manager = await createUser(t.app, 'manager');
  const admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  const records = bulletinRecords();
  expect((await admin.post('/v1/import/submissions', { items: records })).json()).toMatchObject({ created: 1_026 });
  await ledgerReaches(t, ledgerEntriesOf(records));

  const created = await manager.post('/v1/bulletins', { year: 2024, quarter: 2 });
  expect(created.statusCode).toBe(201);
  bulletinId = created.json().id;
  expect((await manager.patch(`/v1/bulletins/${bulletinId}`, { sections: SECTIONS })).statusCode).toBe(200);
  const issued = await manager.post(`/v1/bulletins/${bulletinId}/issue`, { issuedOn: '2024-07-18', number: '内计生协字〔2024〕18号' });
  expect(issued.statusCode).toBe(200);

  // Each file is rendered once for the whole file's tests: LibreOffice takes seconds.
  const docx = await manager.get(`/v1/bulletins/${bulletinId}?format=docx`);
  expect(docx.statusCode).toBe(200);
  word = await renderDocument(docx.rawPayload, 'bulletin-2024-q2', 'docx');
  const xlsx = await manager.get(`/v1/bulletins/${bulletinId}?format=xlsx`);
  excel = await renderDocument(xlsx.rawPayload, 'bulletin-2024-q2-tables', 'xlsx');
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const UNIT_NAMES = unitsFile.units.map((u) => u.name);
/** pdftotext puts spaces between Chinese and Latin text: compare without them. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, '');
const linesOf = (page: string) => page.split('\n').map(squeeze).filter(Boolean);
/** The rows of a table as printed: a unit name followed by its figures. */
const tableRows = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((cells) => UNIT_NAMES.includes(cells[0]))
    .map(([name, ...figures]) => [name, ...figures.map(Number)]);

describe('the issued Q2 2024 bulletin as a Word document, rendered', () => {
  it('is five A4 pages: the 通报 on three, each attachment on a page of its own', async () => {
    expect(await pageSizeMm(word.pdf)).toEqual({ width: expect.closeTo(210, 0), height: expect.closeTo(297, 0) });
    expect(word.pages).toHaveLength(5);
    expect(word.pngs).toHaveLength(5);
    expect(linesOf(word.rawPages[3])[0]).toBe('附件1');
    expect(linesOf(word.rawPages[4])[0]).toBe('附件2');
  });

  it('numbers every page "— n —" at its foot', () => {
    word.rawPages.forEach((page, i) => expect(linesOf(page).at(-1)).toBe(`—${i + 1}—`));
  });

  it('sets the number and the title on two lines broken before 信息报送, with no word left alone', () => {
    const [number, ...rest] = linesOf(word.rawPages[0]);
    expect(number).toBe('内计生协字〔2024〕18号');
    expect(rest.slice(0, 2)).toEqual(['关于2024年二季度', '信息报送及采用情况的通报']);
    expect(rest[2]).toBe('各盟市、计划单列市计生协：');
  });

  it('prints the sections, the 通报表扬 paragraph, the contact, the attachment list and the issuer', () => {
    const text = squeeze(word.rawPages.slice(0, 3).join('\n')).replace(/\n/g, '');
    expect(text).toContain('一、信息报送总体情况据统计，2024年二季度各盟市、计划单列市计生协共报送信息586条，被采用298条。');
    expect(text).toContain('二、存在的突出问题（一）报送数量不均衡。');
    expect(text).toContain('三、下一步工作要求（一）明确专人负责。');
    expect(text).toContain('在此，对2024年二季度信息报送及采用情况排名前6位的盟市予以通报表扬。希望各地对照先进找差距');
    expect(text).toContain('联系人：王芳联系电话：0471-1234567');
    expect(text).toContain('附件：1.2024年二季度各盟市、计划单列市计生协信息报送情况统计表2.2024年二季度各盟市、计划单列市计生协信息报送得分统计表3.自治区计生协门户网站信息编辑与质量要求');
    expect(text).toContain('内蒙古自治区计划生育协会2024年7月18日');
    expect(text).not.toContain('待编辑撰写');
    expect(text).not.toContain('尚未撰写');
  });

  it('prints both tables with the association’s columns, every figure, and no unit name broken across lines', () => {
    for (const page of word.rawPages.slice(3)) {
      // Every unit name whole on one line of the page.
      for (const name of UNIT_NAMES) expect(page).toContain(name);
    }
    expect(linesOf(word.rawPages[3])).toContain('单位报送条数采用条数中国计生协采用条数');
    expect(linesOf(word.rawPages[3])).toContain('（统计区间为2024年4月1日至6月30日）');
    expect(tableRows(word.rawPages[3])).toEqual(BULLETIN_2024_Q2.period);
    expect(tableRows(word.rawPages[4])).toEqual(BULLETIN_2024_Q2.yearToDate);
    expect(squeeze(word.rawPages.slice(3).join(''))).not.toMatch(/排名|合计/);
  });
});

describe('the Word file itself', () => {
  let xml: string;
  let fontTable: string;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync((await manager.get(`/v1/bulletins/${bulletinId}?format=docx`)).rawPayload);
    xml = await zip.file('word/document.xml')!.async('string');
    fontTable = await zip.file('word/fontTable.xml')!.async('string');
  });

  it('lays the page out per GB/T 9704: A4, margins 37/35/28/26 mm, an exact 28.95 pt line pitch', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
    expect(xml).not.toMatch(/w:line="\d+"(?! w:lineRule)/);
  });

  it('names the association’s fonts, each with a fallback a reader has', () => {
    for (const [font, fallback] of [['方正小标宋简体', '宋体'], ['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体'], ['黑体', 'SimHei']]) {
      expect(xml).toContain(`w:eastAsia="${font}"`);
      expect(fontTable).toContain(`<w:font w:name="${font}"><w:altName w:val="${fallback}"/>`);
    }
    // （一） headings in 楷体, repeated table headings.
    expect(xml).toMatch(/w:eastAsia="楷体_GB2312"[^]*?<w:t[^>]*>（一）报送数量不均衡。<\/w:t>/);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
  });
});

describe('the tables as Excel, rendered', () => {
  it('gives one A4 page per attachment, titled as the attachment, with every unit name whole', async () => {
    expect(excel.pages).toHaveLength(2);
    expect(await pageSizeMm(excel.pdf)).toEqual({ width: expect.closeTo(210, 0), height: expect.closeTo(297, 0) });
    // Laid out as on the page (in reading order, LibreOffice puts the repeated headings first).
    const [first, second] = excel.pages.map(linesOf);
    expect(first[0]).toBe('附件1');
    expect(second[0]).toBe('附件2');
    expect(first.join('')).toContain('2024年二季度各盟市、计划单列市计生协信息报送情况统计表（统计区间为2024年4月1日至6月30日）');
    expect(second.join('')).toContain('2024年二季度各盟市、计划单列市计生协信息报送得分统计表（统计区间为2024年1月1日至6月30日）');
    expect(tableRows(excel.pages[0])).toEqual(BULLETIN_2024_Q2.period);
    expect(tableRows(excel.pages[1])).toEqual(BULLETIN_2024_Q2.yearToDate);
  });

  it('prints on A4 fitted to a page, headings repeated, borders, 宋体/仿宋, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await manager.get(`/v1/bulletins/${bulletinId}?format=xlsx`)).rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['附件1', '附件2']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printTitlesRow: '4:4' });
      expect(sheet.getCell('A1').font.name).toBe('黑体');
      expect(sheet.getCell('A2').font.name).toBe('宋体');
      expect(sheet.getCell('A5')).toMatchObject({ value: '鄂尔多斯市', font: { name: '仿宋' } });
      expect(sheet.getCell('A5').border.bottom?.style).toBe('thin');
      expect(typeof sheet.getCell('B5').value).toBe('number');
    }
  });
});

describe('the tables as CSV, with rank and totals as options', () => {
  it('gives both attachments with their labels, titles and periods, in the association’s columns', async () => {
    const records = parse((await manager.get(`/v1/bulletins/${bulletinId}?format=csv`)).body, { bom: true, relax_column_count: true }) as string[][];
    expect(records.slice(0, 4)).toEqual([
      ['附件1'],
      ['2024年二季度各盟市、计划单列市计生协信息报送情况统计表'],
      ['（统计区间为2024年4月1日至6月30日）'],
      ['单位', '报送条数', '采用条数', '中国计生协采用条数'],
    ]);
    expect(records.slice(4, 18).map(([name, ...figures]) => [name, ...figures.map(Number)])).toEqual(BULLETIN_2024_Q2.period);
    const second = records.findIndex((r) => r[0] === '附件2');
    expect(records.slice(second + 4, second + 18).map(([name, ...figures]) => [name, ...figures.map(Number)])).toEqual(BULLETIN_2024_Q2.yearToDate);
    expect(records).toHaveLength(second + 18);
  });

  it('adds 排名 and 合计 when asked', async () => {
    const records = parse((await manager.get(`/v1/bulletins/${bulletinId}?format=csv&rank=true&totals=true`)).body, { bom: true, relax_column_count: true }) as string[][];
    expect(records[3]).toEqual(['排名', '单位', '报送条数', '采用条数', '中国计生协采用条数']);
    expect(records[4]).toEqual(['1', '鄂尔多斯市', '95', '48', '2']);
    expect(records[18]).toEqual(['', '合计', '586', '298', '25']);
  });
});

describe('an issued bulletin is frozen', () => {
  let lateRecords: PortalRecord[];
  beforeAll(async () => {
    // Later corrections to the quarter: 包头市 gets two more items submitted and adopted in June.
    lateRecords = quarterRecords('150200', 2024, 2, { submitted: 2, adopted: 2, nationalAdopted: 0 }, 'late-');
    const admin = callerFor(t.app, BOOTSTRAP_TOKEN);
    expect((await admin.post('/v1/import/submissions', { items: lateRecords })).json()).toMatchObject({ created: 2 });
    await ledgerReaches(t, ledgerEntriesOf([...bulletinRecords(), ...lateRecords]));
  });

  it('keeps its figures and shows the re-run beside them', async () => {
    const live = (await manager.get('/v1/reports/bulletin?year=2024&quarter=2')).json();
    expect(live.periodTable.rows.find((r: any) => r.unitName === '包头市')).toMatchObject({ submitted: 75, adopted: 48 });
    const issued = (await manager.get(`/v1/bulletins/${bulletinId}`)).json();
    expect(issued).toMatchObject({ status: 'issued', issuedOn: '2024-07-18', number: '内计生协字〔2024〕18号', asOf: '2024-06-30' });
    expect(issued.periodTable.rows.map((r: any) => [r.unitName, r.submitted, r.adopted, r.nationalAdopted])).toEqual(BULLETIN_2024_Q2.period);
    expect(issued.totals).toMatchObject({ submitted: 586, adopted: 298 });
    expect(issued.text).toContain('包头市（73条）');
    expect(issued.rerun.differs).toBe(true);
    expect(issued.rerun.totals).toMatchObject({ submitted: 588, adopted: 300 });
    expect(issued.rerun.differences).toEqual(
      expect.arrayContaining([
        { table: 'period', unitCode: '150200', unitName: '包头市', field: 'submitted', issued: 73, now: 75 },
        { table: 'period', unitCode: '150200', unitName: '包头市', field: 'adopted', issued: 46, now: 48 },
        { table: 'score', unitCode: '150200', unitName: '包头市', field: 'total', issued: 593, now: 611 },
      ]),
    );
    // The files too.
    const csv = (await manager.get(`/v1/bulletins/${bulletinId}?format=csv`)).body;
    expect(csv).toContain('包头市,73,46,1');
  });

  it('refuses edits and a second issue, in Chinese', async () => {
    const edit = await manager.patch(`/v1/bulletins/${bulletinId}`, { sections: { closing: '改' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({ code: 'bulletin_issued', message: expect.stringContaining('已于2024年7月18日印发') });
    const again = await manager.post(`/v1/bulletins/${bulletinId}/issue`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('bulletin_already_issued');
  });

  it('is listed under its year and readable by everyone signed in, unit people included', async () => {
    const editor = await createUser(t.app, 'editor', '150200');
    const list = (await editor.get('/v1/bulletins?year=2024')).json();
    expect(list.bulletins).toEqual([expect.objectContaining({ id: bulletinId, status: 'issued', title: '关于2024年二季度信息报送及采用情况的通报' })]);
    // The default year is this year in Shanghai (2024 by the test clock).
    expect((await editor.get('/v1/bulletins')).json().year).toBe(2024);
    expect((await editor.get(`/v1/bulletins/${bulletinId}?format=xlsx`)).statusCode).toBe(200);
    expect((await editor.post('/v1/bulletins', { year: 2024, quarter: 2 })).statusCode).toBe(403);
  });
});

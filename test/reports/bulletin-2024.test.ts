import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { BULLETIN_2024_Q2, bulletinRecords, ledgerEntriesOf, ledgerReaches } from '../support/portal-records.ts';

let t: TestApp;
let manager: Caller;

beforeAll(async () => {
  // The workers run: imported points reach the ledger through the score outbox, as every item's do.
  t = await startTestApp({ now: '2024-07-18T10:00:00+08:00', queue: { backend: 'postgres' }, workers: true });
  manager = await createUser(t.app, 'manager');
  const admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  const records = bulletinRecords();
  const imported = await admin.post('/v1/import/submissions', { items: records });
  expect(imported.statusCode).toBe(200);
  expect(imported.json()).toMatchObject({ created: 1_026, unchanged: 0, errors: [] });
  await ledgerReaches(t, ledgerEntriesOf(records));
});
afterAll(async () => {
  await t?.close();
});

describe('the Q2 2024 bulletin, rebuilt from its own figures', () => {
  it('reproduces 附件1: every figure and the order', async () => {
    const report = (await manager.get('/v1/reports/period?from=2024-04-01&to=2024-06-30')).json();
    expect(report.rows.map((r: any) => [r.unitName, r.submitted, r.adopted, r.nationalAdopted])).toEqual(BULLETIN_2024_Q2.period);
    // 通辽市 and 乌海市 both sent 36: they share rank 7, and 锡林郭勒盟 is 9th.
    expect(report.rows.map((r: any) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 9, 10, 11, 12, 13, 14]);
    expect(report.totals).toEqual({ submitted: 586, adopted: 298, nationalAdopted: 25 });
  });

  it('reproduces 附件2: every count, every score and the order', async () => {
    const report = (await manager.get('/v1/reports/scores?year=2024&through=2024-06-30')).json();
    expect(report.rules).toEqual({ submitted: 3, adopted: 6, nationalAdopted: 10 });
    expect(
      report.rows.map((r: any) => [r.unitName, r.submitted, r.submittedPoints, r.adopted, r.adoptedPoints, r.nationalAdopted, r.nationalAdoptedPoints, r.total]),
    ).toEqual(BULLETIN_2024_Q2.yearToDate);
  });

  it('writes the overall situation with the bulletin’s top-6 lists', async () => {
    const bulletin = (await manager.get('/v1/reports/bulletin?year=2024&quarter=2')).json();
    const names = (list: Array<{ unitName: string; value: number }>) => list.map((u) => `${u.unitName}${u.value}`);
    expect(names(bulletin.topSubmitted)).toEqual(['鄂尔多斯市95', '包头市73', '赤峰市69', '呼和浩特市57', '兴安盟47', '巴彦淖尔市42']);
    expect(names(bulletin.topAdopted)).toEqual(['鄂尔多斯市48', '包头市46', '兴安盟33', '巴彦淖尔市25', '通辽市25', '呼和浩特市20']);
    expect(names(bulletin.nationalAdoptions)).toEqual([
      '赤峰市4', '兴安盟3', '巴彦淖尔市3', '通辽市3', '鄂尔多斯市2', '满洲里市2', '乌海市2', '呼伦贝尔市2', '包头市1', '锡林郭勒盟1', '乌兰察布市1', '阿拉善盟1',
    ]);
    expect(names(bulletin.topScore)).toEqual(['鄂尔多斯市903', '兴安盟884', '呼和浩特市711', '赤峰市653', '锡林郭勒盟647', '包头市593']);
    expect(bulletin.title).toBe('关于2024年二季度信息报送及采用情况的通报');
    expect(bulletin.text).toContain('2024年二季度各盟市、计划单列市计生协共报送信息586条，被采用298条。');
    expect(bulletin.text).toContain('信息报送条数排名前6位的盟市是：');
    expect(bulletin.text).toContain('截至二季度信息报送得分排名前6位的盟市是：');
    expect(bulletin.text).toContain('鄂尔多斯市（95条）、包头市（73条）、赤峰市（69条）、呼和浩特市（57条）、兴安盟（47条）、巴彦淖尔市（42条）');
    expect(bulletin.text).toContain('赤峰市（4条）、兴安盟（3条）');
    expect(bulletin.text).toContain('鄂尔多斯市（903分）、兴安盟（884分）、呼和浩特市（711分）、赤峰市（653分）、锡林郭勒盟（647分）、包头市（593分）');
  });

  it('exports a Word draft that holds the text and both tables', async () => {
    const response = await manager.get('/v1/reports/bulletin?year=2024&quarter=2&format=docx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('关于2024年二季度信息报送及采用情况的通报'));
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const tables = xml.split('<w:tbl>').slice(1).map((table) =>
      table.split('</w:tbl>')[0].split('</w:tr>').map((row) => [...row.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1])).filter((cells) => cells.length),
    );
    expect(tables).toHaveLength(2);
    // The association's own columns: no 排名 column, no 合计 row unless asked for.
    expect(tables[0][0]).toEqual(['单位', '报送条数', '采用条数', '中国计生协采用条数']);
    expect(tables[0]).toHaveLength(15);
    expect(tables[0].slice(1).map((cells) => [cells[0], ...cells.slice(1).map(Number)])).toEqual(BULLETIN_2024_Q2.period);
    expect(tables[1].slice(1).map((cells) => [cells[0], ...cells.slice(1).map(Number)])).toEqual(BULLETIN_2024_Q2.yearToDate);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('一、信息报送总体情况');
    expect(text).toContain('报送信息586条');
    expect(text).toContain('附件1');
    expect(text).toContain('（统计区间为2024年1月1日至6月30日）');
    expect(text).toContain('内蒙古自治区计划生育协会2024年7月18日');
    expect(text).toContain('附件1');
    expect(text).toContain('附件2');
  });

  it('exports the same numbers as CSV and XLSX', async () => {
    const json = (await manager.get('/v1/reports/period?from=2024-04-01&to=2024-06-30')).json();
    const csv = await manager.get('/v1/reports/period?from=2024-04-01&to=2024-06-30&format=csv&rank=true&totals=true');
    expect(csv.headers['content-type']).toContain('text/csv');
    const records = parse(csv.body, { bom: true }) as string[][];
    expect(records[0]).toEqual(['排名', '单位', '报送条数', '采用条数', '中国计生协采用条数']);
    expect(records.slice(1, 15).map((r) => [Number(r[0]), r[1], Number(r[2]), Number(r[3]), Number(r[4])])).toEqual(
      json.rows.map((r: any) => [r.rank, r.unitName, r.submitted, r.adopted, r.nationalAdopted]),
    );
    expect(records[15]).toEqual(['', '合计', '586', '298', '25']);

    const scoresJson = (await manager.get('/v1/reports/scores?year=2024&through=2024-06-30')).json();
    const xlsx = await manager.get('/v1/reports/scores?year=2024&through=2024-06-30&format=xlsx&rank=true');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getRow(1).getCell(1).value).replace(/\n/g, '')).toBe('2024年各盟市、计划单列市计生协信息报送得分统计表');
    const header = (sheet.getRow(3).values as unknown[]).slice(1).map((h) => String(h).replace(/\n/g, ''));
    expect(header).toEqual(['排名', '单位', '报送条数', '报送得分', '采用条数', '采用得分', '被中国计生协采用条数', '被中国计生协采用得分', '总得分']);
    const body = Array.from({ length: 14 }, (_, i) => (sheet.getRow(4 + i).values as unknown[]).slice(1));
    expect(sheet.rowCount).toBe(17);
    expect(body).toEqual(
      scoresJson.rows.map((r: any) => [r.rank, r.unitName, r.submitted, r.submittedPoints, r.adopted, r.adoptedPoints, r.nationalAdopted, r.nationalAdoptedPoints, r.total]),
    );
  });

  it('publishes the tables to everyone signed in, keeps the live bulletin for readers, and refuses bad periods', async () => {
    const editor = await createUser(t.app, 'editor', '150100');
    const period = await editor.get('/v1/reports/period?from=2024-04-01&to=2024-06-30');
    expect(period.statusCode).toBe(200);
    expect(period.json().totals).toEqual({ submitted: 586, adopted: 298, nationalAdopted: 25 });
    expect((await editor.get('/v1/reports/scores?year=2024&through=2024-06-30')).statusCode).toBe(200);
    expect((await editor.get('/v1/reports/bulletin?year=2024&quarter=2')).statusCode).toBe(403);
    const reversed = await manager.get('/v1/reports/period?from=2024-06-30&to=2024-04-01');
    expect(reversed.statusCode).toBe(400);
    expect((await manager.get('/v1/reports/bulletin?year=2024&quarter=5')).statusCode).toBe(400);
    expect((await manager.get('/v1/reports/scores?year=2024&through=2023-06-30')).statusCode).toBe(400);
  });
});

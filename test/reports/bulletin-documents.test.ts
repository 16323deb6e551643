import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unitsFile from '../../db/units.json' with { type: 'json' };
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { bulletinRecords } from '../support/bulletin-2024.ts';
import { pageSizeMm, renderDocument, type Rendered } from '../support/documents.ts';
import { BULLETIN_2024_Q2, ledgerEntriesOf, ledgerReaches, type PortalRecord } from '../support/portal-records.ts';

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

describe('the Q2 2024 bulletin as a Word document', () => {
  it('renders', () => {
    console.log(word.pages.length, word.pngs, excel.pngs);
    console.log(word.rawPages.join('\n=====\n'));
  });
});

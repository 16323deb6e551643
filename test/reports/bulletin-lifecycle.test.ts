import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { ledgerEntriesOf, ledgerReaches, quarterRecords } from '../support/portal-records.ts';

/** 27 November 2024: the fourth quarter is running, and only 满洲里市 has sent anything in it. */
const TODAY = '2024-11-27T10:00:00+08:00';
const MANZHOULI = '150781';

let t: TestApp;
let manager: Caller;
let reviewer: Caller;
let editor: Caller;

beforeAll(async () => {
  t = await startTestApp({ now: TODAY, queue: { backend: 'postgres' }, workers: true, env: { BULLETIN_CONTACT_NAME: '李明', BULLETIN_CONTACT_PHONE: '0471-7654321' } });
  manager = await createUser(t.app, 'manager');
  reviewer = await createUser(t.app, 'reviewer');
  editor = await createUser(t.app, 'editor', MANZHOULI);
  const records = quarterRecords(MANZHOULI, 2024, 4, { submitted: 2, adopted: 1, nationalAdopted: 1 });
  expect((await callerFor(t.app, BOOTSTRAP_TOKEN).post('/v1/import/submissions', { items: records })).json()).toMatchObject({ created: 2 });
  await ledgerReaches(t, ledgerEntriesOf(records));
});
afterAll(async () => {
  await t?.close();
});

const documentText = async (response: { rawPayload: Buffer }) => {
  const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

describe('reports of the current quarter, not yet over', () => {
  it('default to this year and quarter in Shanghai and say "截至11月27日"', async () => {
    const bulletin = (await manager.get('/v1/reports/bulletin')).json();
    expect(bulletin).toMatchObject({ year: 2024, quarter: 4, from: '2024-10-01', to: '2024-12-31', asOf: '2024-11-27' });
    expect(bulletin.text).toContain('据统计，截至11月27日，2024年四季度各盟市、计划单列市计生协共报送信息2条，被采用1条。');
    expect(bulletin.text).toContain('信息报送条数排名第一的是满洲里市（2条）。');
    expect(bulletin.text).toContain('其中，满洲里市（1条）优质信息或案例征集投稿被中国计生协采用。');
    expect(bulletin.text).not.toMatch(/前\d+位|分别来自|12月31日/);
    expect(bulletin.praise).toBe('在此，对2024年四季度信息报送及采用情况排名第一的满洲里市予以通报表扬。');
    expect(bulletin.scoreTable.through).toBe('2024-11-27');

    const period = (await editor.get('/v1/reports/period')).json();
    expect(period).toMatchObject({ from: '2024-10-01', to: '2024-12-31', totals: { submitted: 2, adopted: 1, nationalAdopted: 1 } });
    const scores = (await editor.get('/v1/reports/scores')).json();
    expect(scores).toMatchObject({ year: 2024, through: '2024-11-27' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await editor.get('/v1/reports/period?format=xlsx')).rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getCell('A2').value).toBe('（统计区间为2024年10月1日至11月27日）');
  });

  it('refuses a quarter that does not exist or has not begun', async () => {
    expect((await manager.get('/v1/reports/bulletin?year=2024&quarter=5')).statusCode).toBe(400);
    const future = await manager.get('/v1/reports/bulletin?year=2025&quarter=1');
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'period_not_started', message: expect.stringContaining('2025年1月1日') });
    expect((await manager.get('/v1/reports/period?from=2024-10-01')).statusCode).toBe(400);
  });
});

describe('a bulletin’s life', () => {
  let id: string;

  it('starts as a draft whose figures follow the data, with the contact from the settings', async () => {
    const created = await manager.post('/v1/bulletins', { year: 2024, quarter: 4 });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    id = draft.id;
    expect(draft).toMatchObject({
      status: 'draft',
      title: '关于2024年四季度信息报送及采用情况的通报',
      asOf: '2024-11-27',
      sections: { problems: '', requirements: '', closing: '' },
      contact: { name: '李明', phone: '0471-7654321' },
      extraAttachments: ['自治区计生协门户网站信息编辑与质量要求'],
      issuedOn: null,
      rerun: null,
    });
    expect(draft.totals).toMatchObject({ submitted: 2, adopted: 1, nationalAdopted: 1 });
    const text = await documentText(await manager.get(`/v1/bulletins/${id}?format=docx`));
    expect(text).toContain('（此部分尚未撰写）');
    expect(text).toContain('联 系 人：李明');
  });

  it('cannot be issued before its sections are written', async () => {
    const refused = await manager.post(`/v1/bulletins/${id}/issue`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'bulletin_incomplete', details: { missing: ['sections.problems', 'sections.requirements'] } });
  });

  it('takes the manager’s sections and contact, and refuses edits that are not', async () => {
    const edited = await manager.patch(`/v1/bulletins/${id}`, {
      sections: { problems: '（一）问题一。说明。', requirements: '（一）要求一。说明。' },
      contact: { phone: '0471-1111111' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, sections: { problems: '（一）问题一。说明。', closing: '' }, contact: { name: '李明', phone: '0471-1111111' } });
    expect((await manager.patch(`/v1/bulletins/${id}`, {})).statusCode).toBe(400);
    expect((await manager.patch(`/v1/bulletins/${id}`, { sections: { summary: 'x' } })).statusCode).toBe(400);
    expect((await manager.patch(`/v1/bulletins/${id}`, { status: 'issued' })).statusCode).toBe(400);
    expect((await reviewer.patch(`/v1/bulletins/${id}`, { sections: { closing: 'x' } })).statusCode).toBe(403);
  });

  it('is seen in draft by those who read reports, not by unit people', async () => {
    expect((await reviewer.get(`/v1/bulletins/${id}`)).statusCode).toBe(200);
    const hidden = await editor.get(`/v1/bulletins/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toMatchObject({ code: 'not_found', message: '通报不存在' });
    expect((await editor.get('/v1/bulletins?year=2024')).json().bulletins).toEqual([]);
    expect((await reviewer.get('/v1/bulletins?year=2024')).json().bulletins).toHaveLength(1);
  });

  it('refuses a 印发 date in the future or before the period', async () => {
    expect((await manager.post(`/v1/bulletins/${id}/issue`, { issuedOn: '2024-11-28' })).json().error.code).toBe('issued_on_in_future');
    expect((await manager.post(`/v1/bulletins/${id}/issue`, { issuedOn: '2024-09-30' })).json().error.code).toBe('issued_before_period');
    expect((await manager.post(`/v1/bulletins/${id}/issue`, { issuedOn: '2024-11-31' })).statusCode).toBe(400);
  });

  it('is issued today by default, with its figures as of today, and then becomes readable by unit people', async () => {
    const issued = await manager.post(`/v1/bulletins/${id}/issue`, { number: '内计生协字〔2024〕30号' });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', issuedOn: '2024-11-27', asOf: '2024-11-27', number: '内计生协字〔2024〕30号' });
    expect(issued.json().rerun).toMatchObject({ differs: false, differences: [] });
    const seen = await editor.get(`/v1/bulletins/${id}`);
    expect(seen.statusCode).toBe(200);
    const text = await documentText(await editor.get(`/v1/bulletins/${id}?format=docx`));
    expect(text).toContain('截至11月27日');
    expect(text).toContain('内计生协字〔2024〕30号');
    expect(text).toContain('2024年11月27日');
  });
});

describe('bad requests for bulletins', () => {
  it('refuses periods that do not exist, have not begun, or cross a year; unknown ids; other roles', async () => {
    const create = (body: object) => manager.post('/v1/bulletins', body);
    expect((await create({ year: 2024, quarter: 5 })).statusCode).toBe(400);
    expect((await create({ year: 2024 })).statusCode).toBe(400);
    expect((await create({ year: 2024, quarter: 4, from: '2024-10-01', to: '2024-10-31' })).statusCode).toBe(400);
    expect((await create({ from: '2024-12-01', to: '2025-01-10' })).statusCode).toBe(400);
    expect((await create({ from: '2024-10-31', to: '2024-10-01' })).statusCode).toBe(400);
    const future = await create({ year: 2025, quarter: 1 });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('period_not_started');
    expect((await reviewer.post('/v1/bulletins', { year: 2024, quarter: 4 })).statusCode).toBe(403);
    expect((await manager.get('/v1/bulletins/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await manager.get('/v1/bulletins/not-a-uuid')).statusCode).toBe(400);
    const rows = await t.services.db.selectFrom('bulletins').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('makes a bulletin for another span of one year, named by its dates', async () => {
    const created = await manager.post('/v1/bulletins', { from: '2024-10-01', to: '2024-10-31' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ quarter: null, title: '关于2024年10月1日至10月31日信息报送及采用情况的通报', asOf: '2024-10-31' });
    expect(created.json().text).toContain('截至10月31日，本年度信息报送得分排名第一的是满洲里市');
  });

  it('are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/bulletins', '/v1/bulletins/{id}', '/v1/bulletins/{id}/issue']));
    expect(doc.paths['/v1/bulletins/{id}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['format', 'rank', 'totals']));
  });
});

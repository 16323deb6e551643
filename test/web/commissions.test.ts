import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, person, startConsole, UNIT, type ConsoleStack } from './support/console-app.ts';
import { ConsolePage, expectText, screenshotFailures, PHONE } from './support/console-page.ts';
import { crew, type Crew } from './support/items.ts';
import { ActionDialog } from './support/action-dialog.ts';
import { CommissionsPage } from './support/commissions-page.ts';
import { EditorPage } from './support/editor-page.ts';
import { shanghaiDaysAgo } from './support/dates.ts';
import { png } from '../support/images.ts';

let c: ConsoleStack;
let team: Crew;
let reviewer: ConsolePage;
let editor: ConsolePage;
let approver: ConsolePage;
let issuedId = '';
let declinedId = '';
let answerId = '';

const ISSUED = '关于报送优生优育进家庭工作情况的约稿';
const OTHER = '关于报送计生特殊家庭帮扶工作的约稿';
const ANSWER = '鄂尔多斯市计生协推进优生优育进家庭';

screenshotFailures(() => [reviewer, editor, approver]);

beforeAll(async () => {
  // With the workers: an answer's sign-off reaches its assignment through the outbox, as in production.
  c = await startConsole({ workers: true });
  team = await crew(c.stack.app);
  await person(c.stack, 'zhaobj', '赵编辑', 'reviewer');
  await person(c.stack, 'lizg', '李撰稿', 'editor', UNIT);
  await person(c.stack, 'wangld', '王领导', 'approver', UNIT);
  // A second commission, issued through the API: the approver declines it.
  const other = await team.reviewer.post('/v1/commissions', { title: OTHER, requirements: '报送本年度帮扶工作的做法和成效。', kind: 'case', unitCodes: [UNIT, '150100'], dueWorkdays: 10 });
  expect(other.statusCode).toBe(201);
  declinedId = other.json().id;
  reviewer = await ConsolePage.open(c.browser, c.baseUrl, 'reviewer');
  editor = await ConsolePage.open(c.browser, c.baseUrl, 'editor');
  approver = await ConsolePage.open(c.browser, c.baseUrl, 'approver', PHONE);
});
afterAll(async () => {
  for (const p of [reviewer, editor, approver]) await p?.close();
  await c?.close();
});

describe('约稿 in the console', () => {
  test('a reviewer issues a commission to 鄂尔多斯市 and sees the unit waiting for an answer', async () => {
    await reviewer.signIn('zhaobj', PASSWORD);
    await reviewer.openMenu('约稿');
    await expectText(reviewer.page, OTHER);
    await reviewer.shots('commissions');
    const page = new CommissionsPage(reviewer);
    await page.fillIssue({ title: ISSUED, requirements: '请报送今年以来优生优育进家庭的做法、成效和典型事例。', kind: '调研报告', units: ['鄂尔多斯市'], workdays: 5 });
    // The open drawer at 1280 only: resized to a phone, it would be a layout nobody sees.
    await reviewer.shots('commission-issue', ['1280']);
    await page.send();
    // Sending leads to the commission's page; the closing form still shows the title for a moment.
    await reviewer.page.waitForURL(/\/commissions\/[0-9a-f-]{36}$/);
    issuedId = new URL(reviewer.page.url()).pathname.split('/').pop()!;
    await reviewer.page.getByRole('heading', { name: ISSUED }).first().waitFor();
    expect(await page.unitRow('鄂尔多斯市').innerText()).toContain('待回复');
    expect(await page.unitRow('鄂尔多斯市').count()).toBe(1);
    // Until the first answer it may be edited or cancelled.
    await expectText(reviewer.page, '修改');
    expect(await reviewer.page.getByRole('button', { name: '撤销约稿' }).isVisible()).toBe(true);
    await reviewer.shots('commission');

    const stored = await team.reviewer.get(`/v1/commissions/${issuedId}`);
    expect(stored.json()).toMatchObject({ title: ISSUED, kind: 'report', allUnits: false, assignments: [{ unitCode: UNIT, state: 'open' }] });
  });

  test('the unit’s editor finds it in 我的待办 and writes an answer linked to it', async () => {
    await editor.signIn('lizg', PASSWORD);
    const card = editor.page.getByTestId('commission-tasks');
    await expectText(editor.page, ISSUED);
    expect(await card.innerText()).toContain(OTHER);
    await editor.shots('tasks-with-commissions');
    await card.locator('.ant-list-item').filter({ hasText: ISSUED }).getByRole('button', { name: '撰写回复' }).click();
    // The click navigates on its own time: wait for the address rather than read it at once.
    await editor.page.waitForURL((url) => url.searchParams.has('commission'));
    await editor.settled();
    expect(new URL(editor.page.url()).searchParams.get('commission')).toBe(issuedId);
    // The commission is preselected.
    await expectText(editor.page, `${ISSUED}（调研报告`);
    await editor.shots('editor-answering');
    await new EditorPage(editor).fillNew({ title: ANSWER, eventDate: shanghaiDaysAgo(1) });
    await editor.page.waitForURL(/\/items\/[0-9a-f-]{36}\/edit$/);
    const itemId = new URL(editor.page.url()).pathname.split('/')[2]!;
    answerId = itemId;
    const item = await team.reviewer.get(`/v1/submissions/${itemId}`);
    expect(item.json()).toMatchObject({ commissionId: issuedId, kind: 'report' });

    await editor.goto(`/items/${itemId}`);
    await expectText(editor.page, '回复约稿');
    await editor.page.getByRole('link', { name: ISSUED }).click();
    await editor.settled();
    // A unit sees its own assignment only.
    await expectText(editor.page, '本单位回复情况');
    await editor.page.locator('.ant-table-row').first().waitFor();
    expect(await editor.page.locator('.ant-table-row').count()).toBe(1);
    await editor.shots('commission-unit');
  });

  test('the approver on a phone declines the other commission with a reason', async () => {
    await approver.signIn('wangld', PASSWORD);
    await approver.goto(`/commissions/${declinedId}`);
    const decline = approver.page.getByRole('button', { name: '申请不回复' });
    // The assignment's buttons come with the commission: wait for them rather than look at once.
    await decline.waitFor();
    expect(await approver.inFirstScreen(decline)).toBe(true);
    await decline.click();
    const dialog = new ActionDialog(approver.page, '申请不回复');
    await dialog.open();
    await dialog.confirm(false);
    await expectText(approver.page, '请说明本单位无法回复的原因');
    await dialog.reason('本单位今年未开展该项帮扶工作');
    await approver.shots('commission-decline-dialog');
    await dialog.confirm();
    await expectText(approver.page, '申请不回复');
    await expectText(approver.page, '不回复理由：本单位今年未开展该项帮扶工作');
    expect(await approver.page.getByRole('button', { name: '申请不回复' }).count()).toBe(0);
    await approver.shots('commission-declined');
  });

  test('the reviewer sees the decline waiting and refuses it with a reason; the assignment opens again', async () => {
    await reviewer.goto(`/commissions/${declinedId}`);
    const row = new CommissionsPage(reviewer).unitRow('鄂尔多斯市');
    expect(await row.innerText()).toContain('本单位今年未开展该项帮扶工作');
    // Only the declined unit offers the region's buttons.
    expect(await reviewer.page.getByRole('button', { name: '驳回申请' }).count()).toBe(1);
    await row.getByRole('button', { name: '驳回申请' }).click();
    const dialog = new ActionDialog(reviewer.page, '驳回申请');
    await dialog.open();
    await dialog.reason('该项工作全区均已部署，请如实报送');
    await dialog.confirm();
    await expectText(reviewer.page, '驳回理由：该项工作全区均已部署，请如实报送');
    expect(await row.innerText()).toContain('待回复');
    await reviewer.shots('commission-refused');
    const stored = await team.reviewer.get(`/v1/commissions/${declinedId}`);
    expect(stored.json().assignments.find((a: { unitCode: string }) => a.unitCode === UNIT).state).toBe('open');
  });

  test('a conflicting action reloads the commission and says so in Chinese', async () => {
    await approver.goto(`/commissions/${declinedId}`);
    await approver.page.getByRole('button', { name: '申请不回复' }).waitFor();
    // Someone else declines first, through the API.
    const first = await team.approver.post(`/v1/commissions/${declinedId}/assignments/${UNIT}/actions`, { action: 'decline', reason: '人员调整，无法按时完成' });
    expect(first.statusCode).toBe(200);
    await approver.page.getByRole('button', { name: '申请不回复' }).click();
    const dialog = new ActionDialog(approver.page, '申请不回复');
    await dialog.open();
    await dialog.reason('重复申请');
    await dialog.confirm();
    await expectText(approver.page, '该约稿刚被其他人处理过，已刷新为最新状态');
    await expectText(approver.page, '不回复理由：人员调整，无法按时完成');
  });

  test('the unit’s approver signs the answer off with the five gates; the region sees 鄂尔多斯市 已回复', async () => {
    // The editor's own steps (text, photo, 提交审签) are another file's subject: through the API here.
    await makeReady(answerId);
    await approver.goto(`/items/${answerId}`);
    const signOff = approver.page.getByRole('button', { name: '签发' });
    await signOff.waitFor();
    await signOff.click();
    const dialog = new ActionDialog(approver.page, '签发');
    await dialog.open();
    expect(await dialog.signer()).toBe('王领导');
    await dialog.tickAllGates();
    await dialog.confirm();
    await expectText(approver.page, '已报送');
    expect(await approver.historyShowing('签发人：王领导')).toContain('五关：政治关、政策关、保密关、文字关、规范关已确认');

    // The sign-off answers the assignment through the outbox and the workers.
    expect(await assignmentState(issuedId, 'answered')).toBe('answered');
    await reviewer.goto(`/commissions/${issuedId}`);
    const row = new CommissionsPage(reviewer).unitRow('鄂尔多斯市');
    await row.getByText('已回复').waitFor();
    expect(await row.innerText()).not.toContain('逾期');
    await row.getByRole('link', { name: '查看回复的信息' }).waitFor();
    // Answered: no more editing the commission.
    expect(await reviewer.page.getByRole('button', { name: '修改' }).count()).toBe(0);
    await reviewer.shots('commission-answered');
    await reviewer.goto('/commissions');
    await expectText(reviewer.page, '已回复 1');
  });

  test('the issue form fits a phone: every field inside the screen', async () => {
    const phone = await ConsolePage.open(c.browser, c.baseUrl, 'reviewer-phone', PHONE);
    try {
      await phone.signIn('zhaobj', PASSWORD);
      await phone.goto('/commissions');
      await phone.page.getByRole('button', { name: '发布约稿' }).click();
      const body = phone.page.locator('.ant-drawer-body');
      await body.waitFor();
      // The drawer slides in: measure it where it comes to rest (an animation cancelled by the next one rejects).
      await body.evaluate((el) => Promise.all((el.closest('.ant-drawer') ?? el).getAnimations({ subtree: true }).map((a: { finished: Promise<unknown> }) => a.finished.catch(() => undefined))));
      const box = await phone.page.locator('.ant-drawer-section, .ant-drawer-content').first().boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 1);
      await phone.page.screenshot({ path: '.data/screenshots/reviewer-commission-issue-phone-390.png' });
    } finally {
      await phone.close();
    }
  });
});

const PHOTO = png(1024, 768);

/** The answer gets its text and a photo and goes to sign-off, as the unit's editor would do it. */
async function makeReady(id: string): Promise<void> {
  const body = '近日，鄂尔多斯市计生协深入推进优生优育进家庭工作。（鄂尔多斯市计生协 李撰稿 供稿）';
  expect((await team.editor.patch(`/v1/submissions/${id}`, { body })).statusCode).toBe(200);
  expect((await team.editor.upload(`/v1/submissions/${id}/images`, PHOTO, 'photo.png', { caption: '活动现场' })).statusCode).toBe(201);
  const requested = await team.editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' });
  expect(requested.statusCode, requested.body).toBe(200);
}

/** The state of 鄂尔多斯市's assignment once it reaches `wanted` (a worker applies the step): bounded, about 15 s. */
async function assignmentState(id: string, wanted: string): Promise<string> {
  let state = '';
  for (let i = 0; i < 60 && state !== wanted; i++) {
    if (i > 0) await new Promise((done) => setTimeout(done, 250));
    const answer = await team.reviewer.get(`/v1/commissions/${id}`);
    state = answer.json().assignments.find((a: { unitCode: string }) => a.unitCode === UNIT).state;
  }
  return state;
}

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../support/app.ts';
import { FIVE_GATES } from '../support/gates.ts';
import { PASSWORD, person, startConsole, UNIT, type ConsoleStack } from './support/console-app.ts';
import { ConsolePage, expectText, screenshotFailures, PHONE } from './support/console-page.ts';
import { act, crew, itemUntil, type Crew } from './support/items.ts';
import { ActionDialog } from './support/action-dialog.ts';

let c: ConsoleStack;
let team: Crew;
let approver: ConsolePage;
const items: Record<string, string> = {};

screenshotFailures(() => [approver]);

beforeAll(async () => {
  c = await startConsole();
  team = await crew(c.stack.app);
  await person(c.stack, 'wangld', '王领导', 'approver', UNIT);
  items.signOff = await itemUntil(team, '鄂尔多斯市计生协举办家庭健康讲座', 'awaiting_signoff');
  items.giveBack = await itemUntil(team, '鄂尔多斯市计生协走访慰问计生特殊家庭', 'awaiting_signoff');
  items.race = await itemUntil(team, '鄂尔多斯市计生协开展青春健康教育进校园活动', 'awaiting_signoff');
  approver = await ConsolePage.open(c.browser, c.baseUrl, 'approver', PHONE);
});
afterAll(async () => {
  await approver?.close();
  await c?.close();
});

describe('an approver on a phone', () => {
  test('signs in and sees the items waiting for 签发 in 我的待办', async () => {
    await approver.signIn('wangld', PASSWORD);
    expect(new URL(approver.page.url()).pathname).toBe('/tasks');
    for (const title of ['鄂尔多斯市计生协举办家庭健康讲座', '鄂尔多斯市计生协走访慰问计生特殊家庭']) await expectText(approver.page, title);
    await expectText(approver.page, '待审签 3');
    await approver.shots('tasks');
  });

  test('sees an approver’s menu only: no 撰写, no 统计, no 管理', async () => {
    expect(await approver.menuEntries()).toEqual(['我的待办', '信息列表', '约稿', '通知']);
  });

  test('opens an item and finds 签发 on the first screen, then signs off with the 五关 and the signer filled in', async () => {
    await approver.page.getByRole('link', { name: '鄂尔多斯市计生协举办家庭健康讲座' }).click();
    await approver.settled();
    const signOff = approver.page.getByRole('button', { name: '签发' });
    expect(await approver.inFirstScreen(signOff)).toBe(true);
    // Exactly what the item allows this approver: no 采用, no 撤回 of an editor.
    expect((await approver.actionButtons()).sort()).toEqual(['签发', '退回'].sort());
    await approver.shots('item');

    await signOff.click();
    const dialog = new ActionDialog(approver.page, '签发');
    await dialog.open();
    expect(await dialog.signer()).toBe('王领导');
    await dialog.tickAllGates();
    await approver.shots('sign-off-dialog');
    await dialog.confirm();
    await expectText(approver.page, '已报送');
    const history = await approver.historyShowing('签发人：王领导');
    expect(history).toContain('五关：政治关、政策关、保密关、文字关、规范关已确认');
    // Until a reviewer takes it up, the approver may still call it back.
    expect(await approver.actionButtons()).toEqual(['撤回报送']);
  });

  test('returns an item with a reason, which the dialog asks for', async () => {
    await approver.goto(`/items/${items.giveBack}`);
    await approver.page.getByRole('button', { name: '退回' }).click();
    const dialog = new ActionDialog(approver.page, '退回');
    await dialog.open();
    await dialog.confirm(false);
    await expectText(approver.page, '请填写理由，撰稿人会看到');
    await dialog.reason('图片与正文内容不符，请更换');
    await dialog.confirm();
    await expectText(approver.page, '草稿');
    expect(await approver.historyShowing('理由：图片与正文内容不符，请更换')).toContain('草稿');
  });

  test('is told in Chinese when another approver signed off first, and sees the item as it now is', async () => {
    await approver.goto(`/items/${items.race}`);
    const other = await createUser(c.stack.app, 'approver', UNIT, '刘副主席');
    await act(other, items.race, 'sign_off', { signer: '刘副主席', gates: FIVE_GATES });
    await approver.page.getByRole('button', { name: '签发' }).click();
    const dialog = new ActionDialog(approver.page, '签发');
    await dialog.open();
    await dialog.tickAllGates();
    await dialog.confirm(false);
    await expectText(approver.page, '这条信息刚被其他人处理过，已刷新为最新状态，请确认后再操作。');
    await expectText(approver.page, '已报送');
    expect(await approver.historyShowing('签发人：刘副主席')).toContain('刘副主席');
  });

  test('after 签发 the queue is empty and says what comes next', async () => {
    await approver.openMenu('我的待办');
    await expectText(approver.page, '没有待审签的信息。撰稿人提交审签后会出现在这里，并通知您。');
    await approver.shots('tasks-empty');
  });
});

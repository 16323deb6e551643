import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../support/app.ts';
import { PASSWORD, person, startConsole, type ConsoleStack } from './support/console-app.ts';
import { ConsolePage, expectText, screenshotFailures } from './support/console-page.ts';
import { crew, itemUntil } from './support/items.ts';
import { ActionDialog } from './support/action-dialog.ts';

let c: ConsoleStack;
let reviewer: ConsolePage;
const items: Record<string, string> = {};
const TITLES = {
  adopt: '鄂尔多斯市计生协开展优生优育进家庭活动',
  reject: '鄂尔多斯市计生协召开年度工作会议',
  heldByOther: '鄂尔多斯市计生协举办生育关怀主题活动',
};

screenshotFailures(() => [reviewer]);

beforeAll(async () => {
  c = await startConsole();
  const team = await crew(c.stack.app);
  await person(c.stack, 'chenbj', '陈编辑', 'reviewer');
  items.adopt = await itemUntil(team, TITLES.adopt, 'submitted');
  items.reject = await itemUntil(team, TITLES.reject, 'submitted');
  items.heldByOther = await itemUntil(team, TITLES.heldByOther, 'submitted');
  const other = await createUser(c.stack.app, 'reviewer', undefined, '孙编辑');
  const claimed = await other.post(`/v1/tasks/${items.heldByOther}/claim`);
  if (claimed.statusCode !== 200) throw new Error(`claim failed: ${claimed.body}`);
  reviewer = await ConsolePage.open(c.browser, c.baseUrl, 'reviewer');
});
afterAll(async () => {
  await reviewer?.close();
  await c?.close();
});

const row = (title: string) => reviewer.page.locator('.ant-table-row').filter({ hasText: title });

describe('a reviewer of the region', () => {
  test('works the region’s queue: 认领 takes an item, 释放 gives it back', async () => {
    await reviewer.signIn('chenbj', PASSWORD);
    expect(new URL(reviewer.page.url()).pathname).toBe('/tasks');
    await row(TITLES.adopt).waitFor();
    await expectText(reviewer.page, '已报送 2');
    await reviewer.shots('tasks');

    await row(TITLES.adopt).getByRole('button', { name: '认领' }).click();
    await row(TITLES.adopt).getByRole('button', { name: '释放' }).waitFor();
    await row(TITLES.adopt).getByRole('button', { name: '释放' }).click();
    await row(TITLES.adopt).getByRole('button', { name: '认领' }).waitFor();
    await row(TITLES.adopt).getByRole('button', { name: '认领' }).click();
    await row(TITLES.adopt).getByRole('button', { name: '释放' }).waitFor();
  });

  test('sees a reviewer’s menu: 统计 but no 撰写 and no 管理', async () => {
    expect(await reviewer.menuEntries()).toEqual(['我的待办', '信息列表', '约稿', '统计', '通知']);
  });

  test('adopts, forwards to 中国计生协 and records its adoption, with only the buttons each step allows', async () => {
    await row(TITLES.adopt).getByRole('link').click();
    await reviewer.settled();
    // Claimed by this reviewer: decide, hand over (转交) or give back (释放).
    expect((await reviewer.actionButtons()).sort()).toEqual(['不予采用', '转交', '退回修改', '采用', '释放'].sort());
    await reviewer.shots('item-submitted');
    // Each step offers the next one; claims and hand-overs come and go beside them.
    for (const [press, state, next] of [
      ['采用', '已采用', '报送中国计生协'],
      ['报送中国计生协', '已转报', '中国计生协采用'],
      ['中国计生协采用', '中国计生协采用', null],
    ] as const) {
      await reviewer.page.getByTestId('actions').getByRole('button', { name: press, exact: true }).click();
      await reviewer.page.locator('.ant-tag').filter({ hasText: new RegExp(`^${state}$`) }).waitFor();
      const buttons = await reviewer.actionButtons();
      if (next) expect(buttons).toContain(next);
      else expect(buttons).toEqual([]);
      expect(buttons).not.toContain('签发');
    }
    await reviewer.shots('item-national-adopted');
  });

  test('rejects an item with a reason', async () => {
    await reviewer.goto(`/items/${items.reject}`);
    await reviewer.page.getByRole('button', { name: '不予采用' }).click();
    const dialog = new ActionDialog(reviewer.page, '不予采用');
    await dialog.open();
    await dialog.reason('与本季度已采用信息重复');
    await dialog.confirm();
    await reviewer.page.locator('.ant-tag').filter({ hasText: /^不予采用$/ }).waitFor();
    expect(await reviewer.historyShowing('理由：与本季度已采用信息重复')).toContain('不予采用');
  });

  test('sees who holds another reviewer’s claim, and no button to act on it', async () => {
    await reviewer.goto(`/items/${items.heldByOther}`);
    await expectText(reviewer.page, '认领人：孙编辑');
    expect(await reviewer.actionButtons()).toEqual([]);
    expect(await reviewer.page.getByRole('button', { name: '认领' }).count()).toBe(0);
    // Anyone who sees the item may leave a note (批注); it joins the timeline.
    await reviewer.page.getByLabel('批注').fill('建议补充活动照片的图注');
    await reviewer.page.getByRole('button', { name: '发表批注' }).click();
    expect(await reviewer.historyShowing('建议补充活动照片的图注')).toMatch(/批注\s*· 陈编辑/);
    await reviewer.shots('item-held-by-other');
  });

  test('the queue is empty once everything is decided, and says so', async () => {
    await reviewer.openMenu('我的待办');
    await expectText(reviewer.page, '队列已清空：各盟市报送的新信息会出现在这里。');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser, eventually } from '../support/app.ts';
import { jpeg, png } from '../support/images.ts';
import { act } from './support/items.ts';
import { PASSWORD, person, startConsole, UNIT, type ConsoleStack } from './support/console-app.ts';
import { ConsolePage, expectText, screenshotFailures } from './support/console-page.ts';
import { EditorPage } from './support/editor-page.ts';
import { shanghaiDaysAgo } from './support/dates.ts';

let c: ConsoleStack;
let editor: ConsolePage;
let zhangsan: Awaited<ReturnType<typeof person>>;

screenshotFailures(() => [editor]);

beforeAll(async () => {
  c = await startConsole({ workers: true });
  zhangsan = await person(c.stack, 'zhangsan', '张三', 'editor', UNIT);
  editor = await ConsolePage.open(c.browser, c.baseUrl, 'editor');
});
afterAll(async () => {
  await editor?.close();
  await c?.close();
});

describe('an editor in the console', () => {
  test('signs in and lands on 我的待办, which says what to do when it is empty', async () => {
    await editor.goto('/tasks');
    expect(new URL(editor.page.url()).pathname).toBe('/login'); // no session yet: 登录 first
    await editor.signIn('zhangsan', PASSWORD);
    expect(new URL(editor.page.url()).pathname).toBe('/tasks');
    await expectText(editor.page, '没有待办：可以点击“撰写”写一条新信息。');
    await editor.shots('tasks-empty');
  });

  test('sees only an editor’s menu: no 统计, no 管理', async () => {
    expect(await editor.menuEntries()).toEqual(['我的待办', '撰写', '信息列表', '约稿', '通知']);
  });

  test('writes an item, has the 640×480 photo refused with its message, replaces it and requests sign-off', async () => {
    const form = new EditorPage(editor);
    await editor.openMenu('撰写');
    await editor.shots('new-item');
    await form.fillNew({ title: '鄂尔多斯市计生协开展优生优育进家庭活动', eventDate: shanghaiDaysAgo(1) });
    await editor.page.waitForURL(/\/items\/[0-9a-f-]+\/edit$/);
    await editor.settled();

    // Live findings from the service: no photo yet, no source line; 提交审签 stays disabled.
    await form.body('5月18日，鄂尔多斯市计生协在康巴什区开展优生优育进家庭活动。');
    await form.waitForFinding('请至少上传1张反映信息内容的图片。');
    expect(await form.errors()).toEqual(expect.arrayContaining([expect.stringContaining('供稿')]));
    expect(await form.submitEnabled()).toBe(false);

    await form.upload('small.jpg', await jpeg(640, 480));
    await form.waitForFinding('第1张图片分辨率为640×480像素，低于800×600像素，请更换清晰图片。');
    expect(await editor.page.getByTestId('photo-size').allInnerTexts()).toEqual([expect.stringContaining('640×480')]);
    await editor.shots('edit-with-findings');

    await form.removePhoto(1);
    await form.upload('scene.png', png(1024, 768));
    await editor.page.getByText('1024×768').waitFor();
    await form.caption(1, '活动现场');
    await form.body('5月18日，鄂尔多斯市计生协在康巴什区开展优生优育进家庭活动。（鄂尔多斯市计生协 张三 供稿）');
    await form.waitUntilNoErrors();
    expect(await form.submitEnabled()).toBe(true);
    await editor.shots('edit-ready');

    await form.submit();
    await editor.page.waitForURL(/\/items\/[0-9a-f-]+$/);
    await editor.settled();
    await expectText(editor.page, '待审签');
    // The editor may still withdraw it; signing off is the approver's, never the editor's.
    expect(await editor.actionButtons()).toEqual(['撤回']);
    await editor.shots('item-awaiting-signoff');
  });

  test('finds the item in 信息列表 and its history with names', async () => {
    await editor.openMenu('信息列表');
    const row = editor.page.locator('.ant-table-row').filter({ hasText: '鄂尔多斯市计生协开展优生优育进家庭活动' });
    await row.filter({ hasText: '待审签' }).waitFor();
    await editor.shots('items');
    await row.getByRole('link').click();
    await editor.settled();
    const history = await editor.historyShowing('草稿 → 待审签');
    expect(history).toMatch(/提交审签\s*· 张三/);
    await editor.page.goBack();
    await editor.page.waitForURL(/\/items$/);
  });

  test('is refused the admin pages with the service’s Chinese message, never raw JSON', async () => {
    await editor.goto('/admin');
    await editor.page.locator('.ant-alert-error').first().waitFor();
    const text = await editor.page.locator('.ant-alert-error').first().innerText();
    expect(text).not.toContain('{');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    await editor.shots('admin-refused');
  });

  test('is notified when the approver returns the item, reads it in 通知 and finds the reason in the item', async () => {
    const approver = await createUser(c.stack.app, 'approver', UNIT, '王领导');
    const list = await approver.get('/v1/tasks');
    const id = list.json().items[0].id as string;
    await act(approver, id, 'return', { reason: '请补充活动参与人数' });
    // The workers write the notification a moment after the step.
    await eventually(async () => (await zhangsan.browser.get('/v1/notifications?unread=true')).json().items.length > 0, 30_000, 'the notification');
    await editor.goto('/tasks');
    await editor.page.getByTestId('unread-count').locator('.ant-scroll-number').waitFor();
    await editor.page.getByRole('link', { name: '通知' }).first().click();
    await editor.settled();
    const notice = editor.page.getByRole('link', { name: /被退回/ });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('请补充活动参与人数');
    await editor.shots('notifications');
    await notice.click();
    await editor.page.waitForURL(new RegExp(`/items/${id}$`));
    expect(await editor.historyShowing('理由：请补充活动参与人数')).toContain('王领导');
    await editor.goto('/notifications');
    await editor.page.getByRole('button', { name: '标为已读' }).first().waitFor({ state: 'detached' });
  });

  test('when the session has ended, goes to 登录 and comes back to the page they were on', async () => {
    await editor.openMenu('信息列表');
    await editor.page.getByRole('combobox', { name: '按状态筛选' }).waitFor();
    await editor.context.clearCookies(); // the session expires (or is ended elsewhere)
    await editor.page.goto(`${editor.baseUrl}/items?state=awaiting_signoff`);
    await editor.page.waitForURL(/\/login\?next=/);
    await editor.shots('login');
    await editor.signIn('zhangsan', PASSWORD);
    const back = new URL(editor.page.url());
    expect(back.pathname + back.search).toBe('/items?state=awaiting_signoff');
  });
});

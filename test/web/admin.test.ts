import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../support/app.ts';
import { PASSWORD, person, startConsole, type ConsoleStack } from './support/console-app.ts';
import { ConsolePage, expectText, screenshotFailures, PHONE } from './support/console-page.ts';
import { UsersPage } from './support/users-page.ts';

let c: ConsoleStack;
let admin: ConsolePage;
let users: UsersPage;

screenshotFailures(() => [admin]);

beforeAll(async () => {
  c = await startConsole();
  await person(c.stack, 'admin1', '系统管理员', 'admin');
  await createUser(c.stack.app, 'editor', '150100', '吴离职');
  admin = await ConsolePage.open(c.browser, c.baseUrl, 'admin');
  users = new UsersPage(admin);
});
afterAll(async () => {
  await admin?.close();
  await c?.close();
});

describe('an admin', () => {
  test('lands on 管理 with the people, and has no 我的待办, 撰写 or 统计', async () => {
    await admin.signIn('admin1', PASSWORD);
    expect(new URL(admin.page.url()).pathname).toBe('/admin');
    await users.row('吴离职').waitFor();
    expect(await admin.menuEntries()).toEqual(['信息列表', '约稿', '通知', '管理']);
    await admin.shots('users');
  });

  test('creates a colleague with an initial password, who must choose their own at first sign-in', async () => {
    await users.create({ name: '刘撰稿', login: 'liuzg', role: '撰稿', unit: '鄂尔多斯市', password: 'Initial-Pass-0001' });
    expect(await users.row('刘撰稿').innerText()).toContain('待改密码');
    await admin.shots('users-created');

    const newcomer = await ConsolePage.open(c.browser, c.baseUrl, 'newcomer', PHONE);
    try {
      await newcomer.signIn('liuzg', 'Initial-Pass-0001');
      expect(new URL(newcomer.page.url()).pathname).toBe('/password');
      await expectText(newcomer.page, '刘撰稿，首次登录请先设置自己的密码。');
      await newcomer.shots('password');
      await newcomer.page.getByLabel('当前密码').fill('Initial-Pass-0001');
      await newcomer.page.getByLabel('新密码', { exact: true }).fill('Steppe-Morning-2026');
      await newcomer.page.getByLabel('再次输入新密码').fill('Steppe-Morning-2026');
      await newcomer.page.getByRole('button', { name: '保存新密码' }).click();
      await newcomer.page.waitForURL(/\/tasks$/);
      await newcomer.settled();
      await newcomer.page.getByRole('heading', { name: '我的待办' }).waitFor();
    } finally {
      await newcomer.close();
    }
    await admin.page.reload();
    await admin.settled();
    expect(await users.row('刘撰稿').innerText()).toContain('正常');
  });

  test('resets a password, and disables a person who left', async () => {
    await users.resetPassword('刘撰稿', 'Initial-Pass-0002');
    await users.row('刘撰稿').filter({ hasText: '待改密码' }).waitFor();
    await users.disable('吴离职');
    await users.row('吴离职').filter({ hasText: '已停用' }).waitFor();
  });

  test('opens the working calendar and the scoring rules', async () => {
    await admin.page.getByRole('tab', { name: '工作日历' }).click();
    await admin.settled();
    await expectText(admin.page, /已录入全年安排|未录入全年安排/);
    await admin.shots('calendar');
    await admin.page.getByRole('tab', { name: '计分规则' }).click();
    await admin.settled();
    await admin.page.getByLabel('报送一条（分）').waitFor();
    await admin.shots('scoring');
    await admin.page.getByRole('tab', { name: '失败任务' }).click();
    await admin.settled();
    await admin.shots('failed-jobs');
  });
});

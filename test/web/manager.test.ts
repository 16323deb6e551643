import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser, eventually } from '../support/app.ts';
import { PASSWORD, person, startConsole, type ConsoleStack } from './support/console-app.ts';
import { ConsolePage, expectText, screenshotFailures } from './support/console-page.ts';
import { act, crew, itemUntil, type Crew } from './support/items.ts';
import { StatsPage } from './support/stats-page.ts';

let c: ConsoleStack;
let team: Crew;
let manager: ConsolePage;
let stats: StatsPage;
let waiting: string;

screenshotFailures(() => [manager]);

beforeAll(async () => {
  c = await startConsole({ workers: true });
  team = await crew(c.stack.app);
  await person(c.stack, 'zhoujl', '周经理', 'manager');
  await itemUntil(team, '鄂尔多斯市计生协开展优生优育进家庭活动', 'adopted');
  waiting = await itemUntil(team, '鄂尔多斯市计生协召开年度工作会议', 'submitted');
  await itemUntil(team, '鄂尔多斯市计生协举办家庭健康讲座', 'awaiting_signoff');
  manager = await ConsolePage.open(c.browser, c.baseUrl, 'manager');
  stats = new StatsPage(manager);
});
afterAll(async () => {
  await manager?.close();
  await c?.close();
});

/** The workers record points a moment after each step: wait until the quarter shows `adopted` adoptions. */
async function scoresRecorded(adopted: number) {
  const reports = await createUser(c.stack.app, 'manager', undefined, '报表');
  const today = new Date(Date.now() + 8 * 3600_000);
  const quarter = Math.floor(today.getUTCMonth() / 3) + 1;
  await eventually(async () => {
    const answer = await reports.get(`/v1/reports/bulletin?year=${today.getUTCFullYear()}&quarter=${quarter}`);
    return answer.json().totals.adopted === adopted;
  }, 15_000, `${adopted} adoptions in the ledger`);
}

describe('a manager', () => {
  test('lands on 统计 and sees the counts per state move when an item is adopted', async () => {
    await manager.signIn('zhoujl', PASSWORD);
    expect(new URL(manager.page.url()).pathname).toBe('/stats');
    expect(await stats.stateCount('已采用')).toBe(1);
    expect(await stats.stateCount('已报送')).toBe(1);
    expect(await stats.stateCount('待审签')).toBe(1);
    await manager.page.locator('canvas').first().waitFor();
    await manager.shots('stats-pipeline');

    await act(team.reviewer, waiting, 'adopt');
    await scoresRecorded(2);
    await manager.page.reload();
    await manager.settled();
    expect(await stats.stateCount('已采用')).toBe(2);
    expect(await stats.stateCount('已报送')).toBe(0);
  });

  test('sees only a manager’s menu: no 我的待办, no 撰写, no 管理', async () => {
    expect(await manager.menuEntries()).toEqual(['信息列表', '约稿', '统计', '通知']);
  });

  test('reads 附件1 for the quarter, exactly as the API computes it', async () => {
    await stats.tab('附件1 报送情况');
    const row = await stats.unitRow('鄂尔多斯市');
    expect(row).toEqual(['1', '鄂尔多斯市', '2', '2', '0']);
    expect(await stats.unitRow('呼和浩特市')).toEqual([expect.any(String), '呼和浩特市', '0', '0', '0']);
    await manager.shots('stats-period');
    await stats.tab('附件2 得分');
    expect((await stats.unitRow('鄂尔多斯市')).slice(1)).toEqual(['鄂尔多斯市', '2', '6', '2', '12', '0', '0', '18']);
    await manager.shots('stats-scores');
  });

  test('drafts the quarter’s bulletin, writes its problems section, downloads it as Word with the right totals, and issues it', async () => {
    await stats.tab('通报');
    await manager.page.getByRole('button', { name: '生成通报草稿' }).click();
    const text = manager.page.getByTestId('bulletin-text');
    await text.waitFor();
    expect(await text.innerText()).toContain('共报送信息2条，被采用2条');
    await manager.page.getByLabel('二、存在的突出问题').fill('个别盟市报送信息时效性不强。');
    await manager.page.getByLabel('三、下一步工作要求').fill('各盟市要在事件发生后及时报送。');
    await manager.page.getByRole('button', { name: '保存', exact: true }).click();
    await expectText(manager.page, '已保存');
    await manager.shots('stats-bulletin');

    const [download] = await Promise.all([
      manager.page.waitForEvent('download'),
      manager.page.getByRole('link', { name: /下载通报（Word）/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const words = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(words).toContain('共报送信息2条，被采用2条');
    expect(words).toContain('个别盟市报送信息时效性不强。');
    expect(words).toContain('鄂尔多斯市');

    await manager.page.getByRole('button', { name: '印发', exact: true }).click();
    const modal = manager.page.locator('.ant-modal').filter({ hasText: '印发通报' });
    await modal.getByLabel('文号').fill('内计生协字〔2026〕12号');
    await modal.getByRole('button', { name: '印发' }).click();
    await expectText(manager.page, /已印发 内计生协字〔2026〕12号/);
    expect(await manager.page.getByLabel('二、存在的突出问题').isDisabled()).toBe(true);
  });

  test('reads an item but has no button to change it', async () => {
    await manager.openMenu('信息列表');
    await manager.page.getByRole('link', { name: '鄂尔多斯市计生协举办家庭健康讲座' }).click();
    expect(await manager.actionButtons()).toEqual([]);
    await expectText(manager.page, '待审签');
    await manager.shots('item');
  });
});

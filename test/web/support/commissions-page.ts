import type { ConsolePage } from './console-page.ts';

/** 约稿 as the region issues a commission in the console. */
export class CommissionsPage {
  private readonly c: ConsolePage;
  constructor(c: ConsolePage) {
    this.c = c;
  }

  private get drawer() {
    return this.c.page.locator('.ant-drawer-body');
  }

  /** Opens 发布约稿 and fills the form for chosen units with a due date in working days (not yet sent). */
  async fillIssue({ title, requirements, kind, units, workdays }: { title: string; requirements: string; kind: string; units: string[]; workdays: number }): Promise<void> {
    await this.c.page.getByRole('button', { name: '发布约稿' }).click();
    await this.drawer.waitFor();
    await this.drawer.getByLabel('约稿主题').fill(title);
    await this.drawer.getByLabel('约稿要求').fill(requirements);
    await this.drawer.getByText(kind, { exact: true }).click();
    await this.drawer.getByText('指定单位', { exact: true }).click();
    const select = this.drawer.getByLabel('选择单位');
    for (const unit of units) {
      await select.click();
      await select.fill(unit);
      await this.c.page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: unit }).first().click();
    }
    await this.drawer.getByText('若干个工作日内').click();
    await this.drawer.getByLabel('工作日数（从今天起）').fill(String(workdays));
  }

  async send(): Promise<void> {
    await this.drawer.getByRole('button', { name: '发布约稿' }).click();
    await this.c.page.waitForURL(/\/commissions\/[0-9a-f-]{36}$/);
    await this.c.settled();
  }

  /** The row of one unit in 各单位回复情况. */
  unitRow(unitName: string) {
    return this.c.page.locator('.ant-table-row').filter({ hasText: unitName });
  }
}

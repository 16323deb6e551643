import type { ConsolePage } from './console-page.ts';

/** 统计, as a manager reads it. */
export class StatsPage {
  private readonly c: ConsolePage;
  constructor(c: ConsolePage) {
    this.c = c;
  }

  /** The figure on the card of a state in 流转情况. */
  async stateCount(label: string): Promise<number> {
    const card = this.c.page.getByTestId('state-counts').locator('.ant-statistic').filter({ has: this.c.page.getByText(label, { exact: true }) });
    return Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
  }

  private current = '流转情况';

  async tab(label: string): Promise<void> {
    await this.c.page.getByRole('tab', { name: label }).click();
    this.current = label;
    await this.c.settled();
  }

  /** The cells of a unit's row in the open tab's table. */
  async unitRow(unitName: string): Promise<string[]> {
    const panel = this.c.page.getByRole('tabpanel', { name: this.current });
    const row = panel.locator('.ant-table-row').filter({ hasText: unitName });
    await row.locator('td').last().waitFor();
    return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
  }
}

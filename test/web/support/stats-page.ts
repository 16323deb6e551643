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

  async tab(label: string): Promise<void> {
    await this.c.page.getByRole('tab', { name: label }).click();
    await this.c.settled();
  }

  /** The cells of a unit's row in the visible table. */
  async unitRow(unitName: string): Promise<string[]> {
    const row = this.c.page.locator('.ant-table-row:visible').filter({ hasText: unitName });
    await row.waitFor();
    return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
  }
}

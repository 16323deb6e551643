import type { Page } from 'playwright-core';

/** The dialog an action opens when it needs a reason, a signer or the 五关. */
export class ActionDialog {
  private readonly page: Page;
  private readonly action: string;
  constructor(page: Page, action: string) {
    this.page = page;
    this.action = action;
  }

  private get root() {
    return this.page.locator('.ant-modal').filter({ hasText: this.action });
  }

  async open(): Promise<void> {
    await this.root.waitFor();
  }

  async signer(): Promise<string> {
    return this.root.getByLabel('签发人').inputValue();
  }

  /** Ticks the five checks when the service asks for them (older services ask only for the signer). */
  async tickAllGates(): Promise<void> {
    const boxes = this.root.locator('.ant-checkbox-group input[type=checkbox]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  }

  async reason(text: string): Promise<void> {
    await this.root.getByLabel('理由').fill(text);
  }

  /** Presses the dialog's confirm button; by default waits for the dialog to close. */
  async confirm(closes = true): Promise<void> {
    await this.root.getByRole('button', { name: `确认${this.action}` }).click();
    if (closes) await this.root.waitFor({ state: 'hidden' });
  }
}

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

  /** Waits for the dialog and for the end of its opening animation (slow on a loaded machine): the test acts on it settled. */
  async open(): Promise<void> {
    await this.root.waitFor();
    await this.page.locator('.ant-modal[class*="ant-zoom"]').filter({ hasText: this.action }).waitFor({ state: 'detached' });
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

  /**
   * Presses the dialog's confirm button; by default waits for the dialog to close, and fails at once
   * with the console's message if the service refused the action instead.
   */
  async confirm(closes = true): Promise<void> {
    const errors = this.page.locator('.ant-message-error');
    const errorsBefore = await errors.count();
    await this.root.getByRole('button', { name: `确认${this.action}` }).click();
    if (!closes) return;
    const closed = this.root.waitFor({ state: 'hidden' }).then(() => null);
    const refused = errors.nth(errorsBefore).waitFor().then(() => errors.nth(errorsBefore).innerText());
    // The race's loser must not reject unheard when its wait times out.
    closed.catch(() => undefined);
    refused.catch(() => undefined);
    const message = await Promise.race([closed, refused]);
    if (message !== null) throw new Error(`「${this.action}」 was refused: ${message}`);
  }
}

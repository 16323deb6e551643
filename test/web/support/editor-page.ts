import type { ConsolePage } from './console-page.ts';

/** The 撰写 / 编辑 form, as an editor uses it. */
export class EditorPage {
  private readonly c: ConsolePage;
  constructor(c: ConsolePage) {
    this.c = c;
  }

  private get page() {
    return this.c.page;
  }

  async fillNew({ title, eventDate }: { title: string; eventDate: string }): Promise<void> {
    await this.page.getByLabel('标题').fill(title);
    const date = this.page.getByLabel('事件日期');
    await date.click();
    await date.fill(eventDate);
    await date.press('Enter'); // takes the typed date and sends the form, as a keyboard user does
  }

  async body(text: string): Promise<void> {
    await this.page.getByLabel('正文').fill(text);
  }

  async upload(name: string, buffer: Buffer): Promise<void> {
    const mimeType = name.endsWith('.png') ? 'image/png' : 'image/jpeg';
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  }

  async removePhoto(position: number): Promise<void> {
    await this.page.getByTestId('photo').nth(position - 1).getByRole('button', { name: '删除' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await this.page.getByTestId('photo').nth(position - 1).waitFor({ state: 'detached' });
  }

  async caption(position: number, text: string): Promise<void> {
    const input = this.page.getByLabel(`第${position}张图片的图注`);
    await input.fill(text);
    await input.blur();
  }

  async waitForFinding(message: string): Promise<void> {
    await this.page.getByTestId('findings').getByText(message).waitFor();
  }

  async errors(): Promise<string[]> {
    return this.page.getByTestId('findings').locator('[data-severity=error]').allInnerTexts();
  }

  async waitUntilNoErrors(): Promise<void> {
    await this.page.getByText(/质量检查全部通过|没有错误，仅有提醒/).waitFor();
  }

  submitButton() {
    return this.page.getByRole('button', { name: '提交审签' });
  }

  async submitEnabled(): Promise<boolean> {
    return this.submitButton().isEnabled();
  }

  async submit(): Promise<void> {
    await this.submitButton().click();
  }
}

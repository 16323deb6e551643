import type { ConsolePage } from './console-page.ts';

/** 管理 → 用户, as an admin uses it. */
export class UsersPage {
  private readonly c: ConsolePage;
  constructor(c: ConsolePage) {
    this.c = c;
  }

  private get page() {
    return this.c.page;
  }

  row(name: string) {
    return this.page.locator('.ant-table-row').filter({ hasText: name });
  }

  /** Picks an option of a select in the dialog, and checks it took (a busy machine may swallow the first click). */
  private async choose(label: string, option: string): Promise<void> {
    const field = this.page.locator('.ant-modal .ant-form-item').filter({ has: this.page.getByLabel(label) });
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.locator('.ant-modal').getByLabel(label).click();
      const choice = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
      await choice.waitFor();
      await choice.click();
      await choice.waitFor({ state: 'hidden' });
      if ((await field.innerText()).includes(option)) return;
    }
    throw new Error(`could not choose ${option} for ${label}`);
  }

  async create(p: { name: string; login: string; role: string; unit?: string; password: string }): Promise<void> {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    const modal = this.page.locator('.ant-modal').filter({ hasText: '新建用户' });
    await modal.getByLabel('姓名').fill(p.name);
    await modal.getByLabel('登录名').fill(p.login);
    await this.choose('角色', p.role);
    if (p.unit) await this.choose('单位', p.unit);
    await modal.getByLabel('初始密码').fill(p.password);
    await modal.getByRole('button', { name: '创建' }).click();
    await modal.waitFor({ state: 'hidden' });
    await this.row(p.name).waitFor();
  }

  async resetPassword(name: string, password: string): Promise<void> {
    await this.row(name).getByRole('button', { name: '重置密码' }).click();
    const modal = this.page.locator('.ant-modal').filter({ hasText: `重置 ${name} 的密码` });
    await modal.getByLabel('新的初始密码').fill(password);
    await modal.getByRole('button', { name: '重置' }).click();
    await modal.waitFor({ state: 'hidden' });
  }

  async disable(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: '停用' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
  }
}

import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS } from './console-app.ts';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * One person's browser window on the console: signing in, moving between pages by their menu and
 * links, and screenshots of each page at both widths for a person to look at.
 */
export class ConsolePage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly baseUrl: string;
  readonly who: string;
  private viewport: { width: number; height: number };

  private constructor(context: BrowserContext, page: Page, baseUrl: string, who: string, viewport: { width: number; height: number }) {
    this.context = context;
    this.page = page;
    this.baseUrl = baseUrl;
    this.who = who;
    this.viewport = viewport;
  }

  static async open(browser: Browser, baseUrl: string, who: string, viewport = DESKTOP): Promise<ConsolePage> {
    const phone = viewport.width < 600;
    const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    // An upper bound, not a speed check: a busy CI machine (two test files at once) may take a while.
    page.setDefaultTimeout(25_000);
    return new ConsolePage(context, page, baseUrl, who, viewport);
  }

  async goto(pathname: string): Promise<void> {
    await this.page.goto(this.baseUrl + pathname);
    await this.settled();
  }

  /** Signs in on 登录 (where the console sent the person, keeping where they were going; else opened). */
  async signIn(login: string, password: string): Promise<void> {
    if (!this.page.url().startsWith(`${this.baseUrl}/login`)) await this.goto('/login');
    await this.page.getByLabel('登录名').fill(login);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
    const refused = this.page.locator('.ant-alert-error');
    await Promise.race([this.page.waitForURL((url) => !url.pathname.startsWith('/login')), refused.waitFor()]);
    if (await refused.isVisible()) throw new Error(`sign-in refused: ${await refused.innerText()}`);
    await this.settled();
  }

  /** Waits until no spinner or skeleton is left on the page. */
  async settled(): Promise<void> {
    await this.page.locator('#root > *').first().waitFor();
    await this.page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' });
  }

  /** The side menu (or, on a phone, the drawer behind the menu button). */
  async menuEntries(): Promise<string[]> {
    const phone = this.viewport.width < 992;
    if (phone) await this.page.getByRole('button', { name: '菜单' }).click();
    const entries = await this.page.locator('.ant-menu-item').allInnerTexts();
    if (phone) await this.page.keyboard.press('Escape');
    return entries.map((t) => t.replace(/\s*\d+$/, '').trim());
  }

  async openMenu(label: string): Promise<void> {
    if (this.viewport.width < 992) await this.page.getByRole('button', { name: '菜单' }).click();
    await this.page.locator('.ant-menu-item').filter({ hasText: label }).click();
    await this.settled();
  }

  /** The buttons the item page offers for the item (its allowedActions). */
  async actionButtons(): Promise<string[]> {
    await this.page.getByTestId('item-title').waitFor();
    await this.settled();
    const bar = this.page.getByTestId('actions');
    if ((await bar.count()) === 0) return [];
    return (await bar.getByRole('button').allInnerTexts()).map((t) => t.trim());
  }

  /** Waits until the item's timeline shows `text` (it reloads after each step), and gives all of it. */
  async historyShowing(text: string | RegExp): Promise<string> {
    const history = this.page.getByTestId('history');
    await history.getByText(text).first().waitFor();
    return history.innerText();
  }

  /**
   * Screenshots of the page as it is, at 1280 px and at 390 px (full length), then back to this
   * window's size. `widths` narrows them: what is open at one size (a drawer) is not what a person
   * would see after turning to the other.
   */
  async shots(name: string, widths: ReadonlyArray<'1280' | '390'> = ['1280', '390']): Promise<void> {
    await this.settled();
    const sizes = ([['1280', DESKTOP], ['390', PHONE]] as const).filter(([label]) => widths.includes(label));
    for (const [label, size] of sizes) {
      await this.page.setViewportSize(size);
      await this.nextFrames(); // Ant Design's responsive grid and the charts lay out again
      await this.page.screenshot({ path: path.join(SCREENSHOTS, `${this.who}-${name}-${label}.png`), fullPage: true });
    }
    await this.page.setViewportSize(this.viewport);
  }

  private async nextFrames(): Promise<void> {
    await this.page.evaluate(() => {
      // Runs in the page: its own requestAnimationFrame.
      const frame = (f: () => void) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(f);
      return new Promise<void>((done) => frame(() => frame(done)));
    });
  }

  /** Whether an element is on screen without scrolling. */
  async inFirstScreen(locator: ReturnType<Page['locator']>): Promise<boolean> {
    const box = await locator.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= this.viewport.height;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export async function expectText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
  expect(await page.getByText(text).first().isVisible()).toBe(true);
}

/** After a failed test, a screenshot of each open window as it was (`failed-<who>.png`): what went wrong is then visible. */
export function screenshotFailures(windows: () => Array<ConsolePage | undefined>): void {
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const window of windows()) {
      if (window) await window.page.screenshot({ path: path.join(SCREENSHOTS, `failed-${window.who}.png`), fullPage: true }).catch(() => undefined);
    }
  });
}

/**
 * A test's hands on the phone: open the app as someone, tap what a person would tap (by its
 * visible text), expect what they would read, go back. Everything is scoped to the phone
 * frame, and waits the way a person waits (until it shows up or the timeout passes).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { VISITOR } from '../../local/preview/identities';

export const DEFAULT_TIMEOUT_MS = 10_000;

// Evaluated in the browser (this file is compiled without DOM types, so as strings).
const READY = "document.body.dataset.previewReady === 'true'";
const FATAL = 'document.body.dataset.previewError';

export interface OpenOptions {
  /** Identity key from local/preview/identities.ts: 'visitor', 'trainee-g3', 'leader-g3', 'admin'. */
  identity?: string;
  /** A page to launch on, e.g. '/reading/article/index?id=x' (default: the entry page). */
  path?: string;
}

export class Phone {
  readonly problems: string[] = [];

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console.error: ${message.text()}`);
      // E2E_DEBUG=1 shows the browser's console while a flow runs.
      if (process.env.E2E_DEBUG) console.log(`[browser ${message.type()}] ${message.text()}`);
    });
  }

  /** The phone's screen (status bar, navigation bar, pages, tabBar). */
  get screen(): Locator {
    return this.page.locator('#preview-phone');
  }

  /** The page on top of the stack. */
  get currentPage(): Locator {
    return this.page.locator('.wxp-page-frame:not([hidden])');
  }

  async openApp(options: OpenOptions = {}): Promise<void> {
    const query = `?identity=${encodeURIComponent(options.identity ?? VISITOR.key)}`;
    const hash = options.path ? `#${options.path.startsWith('/') ? options.path : `/${options.path}`}` : '';
    await this.page.goto(`${this.baseUrl}/${query}${hash}`);
    await this.page.waitForFunction(`${READY} || ${FATAL} !== undefined`);
    const fatal = await this.page.evaluate<string | undefined>(FATAL);
    if (fatal) throw new Error(`预览没能启动：${fatal}`);
  }

  /**
   * Taps the element of the current page showing `text`: an element whose whole text is `text`
   * wins over one that merely contains it (so '11月18日' taps the day tab, not a date range).
   */
  async tapText(text: string | RegExp): Promise<void> {
    await (await this.textLocator(text)).click();
  }

  private async textLocator(text: string | RegExp): Promise<Locator> {
    const loose = this.currentPage.getByText(text);
    await loose.first().waitFor({ state: 'visible' });
    if (text instanceof RegExp) return loose.first();
    const exact = this.currentPage.getByText(text, { exact: true });
    return (await exact.count()) > 0 ? exact.first() : loose.first();
  }

  /** Taps an element of the phone chrome or page by its accessible role and name. */
  async tapRole(role: Parameters<Page['getByRole']>[0], name: string | RegExp): Promise<void> {
    await this.screen.getByRole(role, { name }).first().click();
  }

  async expectText(text: string | RegExp): Promise<void> {
    await this.currentPage.getByText(text).first().waitFor({ state: 'visible' });
  }

  async expectNoText(text: string | RegExp): Promise<void> {
    await this.currentPage.getByText(text).first().waitFor({ state: 'hidden' });
  }

  /** What is drawn over the pages: showModal dialogs, toasts, the image and document viewers. */
  get overlays(): Locator {
    return this.page.locator('#wx-overlays');
  }

  async expectOverlayText(text: string | RegExp): Promise<void> {
    await this.overlays.getByText(text).first().waitFor({ state: 'visible' });
  }

  /** Taps a button of a dialog or viewer drawn over the page (e.g. showModal's 知道了). */
  async tapOverlayButton(name: string | RegExp): Promise<void> {
    await this.overlays.getByRole('button', { name }).first().click();
  }

  /** The navigation bar's title. */
  async title(): Promise<string> {
    return (await this.page.locator('.wxp-nav__title').textContent())?.trim() ?? '';
  }

  async expectTitle(title: string): Promise<void> {
    await this.page.locator('.wxp-nav__title', { hasText: title }).waitFor({ state: 'visible' });
  }

  async route(): Promise<string | null> {
    return this.page.evaluate<string | null>('window.__wxPreview.currentRoute()');
  }

  async expectRoute(route: string): Promise<void> {
    await this.page.waitForFunction(`window.__wxPreview.currentRoute() === ${JSON.stringify(route)}`);
  }

  /** The back arrow of the navigation bar. */
  async back(): Promise<void> {
    await this.page.getByRole('button', { name: '返回' }).click();
  }

  async tapTab(text: string): Promise<void> {
    await this.page.locator('#wx-tab-bar').getByRole('tab', { name: text }).click();
  }

  /** Chooses another identity in the switcher beside the phone (the app restarts on the same page). */
  async switchIdentity(key: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.selectOption('#preview-identity', key)]);
    await this.page.waitForFunction(READY);
  }

  async pullDownRefresh(): Promise<void> {
    await this.page.evaluate('window.__wxPreview.pullDownRefresh()');
  }

  /** Scrolls the current page so that `text` sits near the top of the screen. */
  async scrollToText(text: string | RegExp): Promise<void> {
    const target = await this.textLocator(text);
    await target.evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
      element.closest('.wxp-page-frame')?.scrollBy(0, -12);
    });
  }

  async scrollToBottom(): Promise<void> {
    await this.currentPage.evaluate((frame) => frame.scrollTo({ top: frame.scrollHeight }));
  }

  /** PNG of the phone screen. */
  async screenshot(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.screen.screenshot({ path: file, animations: 'disabled' });
  }
}

/**
 * An organiser publishes the organiser guide's example file with the publish command (its module, against
 * the stack's emulator through the real node-sdk); a reader finds it under its category tab in the article
 * list of the preview, opens it, sees its formatting, photo and 下一篇, and reads it again in dark mode;
 * back on the home tab, the tab bar shows the dark theme's icons, and the light ones again in light mode.
 *
 * Documentation example data (its title says 示例), never seed data.
 */
import path from 'node:path';
import { publishArticleFile } from '../../../scripts/publish/publish';
import type { E2EStack, Phone } from '../../support/e2e';

export const EXAMPLE_FILE = path.resolve(__dirname, '..', '..', '..', 'docs', 'examples', 'example-study-material.md');
export const EXAMPLE_TITLE = '示例：学习资料的发布格式';

export async function publishExample(stack: E2EStack): Promise<void> {
  const report = await publishArticleFile(stack.app, EXAMPLE_FILE);
  // A stack reused by several flows (or screenshots) may already hold it: then nothing changes, which is fine too.
  if (!/已发布 example-study-material|没有变化：example-study-material/.test(report.lines.join('\n'))) {
    throw new Error(`示例文章没有发布：${report.lines.join('；')}`);
  }
}

/** The icons of the tab bar, as the paths they load, once each has really loaded. */
async function tabIcons(phone: Phone): Promise<string[]> {
  const icons = phone.page.locator('#wx-tab-bar img.wxp-tab__icon');
  await phone.page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('#wx-tab-bar img.wxp-tab__icon')).every(
      (icon) => icon.complete && icon.naturalWidth === 81,
    ),
  );
  return icons.evaluateAll((elements) => elements.map((icon) => new URL((icon as HTMLImageElement).src).pathname));
}

/** The background colour of the first element matching `selector` in the current page, as rgb(). */
async function background(phone: Phone, selector: string): Promise<string> {
  return phone.currentPage
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
}

export async function publishArticleFlow(phone: Phone, stack: E2EStack): Promise<void> {
  await publishExample(stack);
  await phone.openApp({ identity: 'visitor', path: '/reading/list/index' });
  await phone.expectRoute('reading/list/index');
  await phone.tapText('学习资料');
  await phone.expectText(EXAMPLE_TITLE);
  await phone.expectText('这是一篇示例文章，演示标题信息');
  // Its cover, uploaded by the command, loads from the emulator's storage.
  const cover = phone.currentPage.locator(`img[src^="${stack.emulatorUrl.replace(/\/$/, '')}/storage/articles/"]`);
  await cover.first().waitFor({ state: 'visible' });

  await phone.tapText(EXAMPLE_TITLE);
  await phone.expectRoute('reading/article/index');
  await phone.expectText('全国人大网');
  await phone.expectText('图片下方的说明文字');
  await phone.scrollToText('下一篇');
  await phone.expectText('下一篇');

  // Dark mode: the page's tokens and the navigation bar follow the phone's colour scheme, as it changes.
  expect(await background(phone, '.article')).toBe('rgb(255, 255, 255)');
  await phone.page.emulateMedia({ colorScheme: 'dark' });
  await phone.page.waitForFunction(
    () => getComputedStyle(document.getElementById('wx-nav-bar')!).backgroundColor === 'rgb(31, 31, 34)',
  );
  expect(await background(phone, '.article')).toBe('rgb(31, 31, 34)');
  const title = phone.currentPage.locator('.article__title').first();
  expect(await title.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(230, 231, 233)');

  // The tab bar's icons follow the theme too (theme.json @variables): drawn in the dark theme's colours.
  // A fresh start on the home tab (about:blank first: a URL differing only in its hash would not reload).
  await phone.page.goto('about:blank');
  await phone.openApp({ identity: 'visitor', path: '/pages/home/index' });
  await phone.expectRoute('pages/home/index');
  expect(await tabIcons(phone)).toEqual([
    '/assets/tabbar/home-selected-dark.png',
    '/assets/tabbar/schedule-dark.png',
    '/assets/tabbar/discuss-dark.png',
    '/assets/tabbar/me-dark.png',
  ]);
  await phone.page.emulateMedia({ colorScheme: 'light' });
  await phone.page.waitForFunction(() =>
    document.querySelector<HTMLImageElement>('#wx-tab-bar img.wxp-tab__icon')!.src.endsWith('/home-selected.png'),
  );
  expect(await tabIcons(phone)).toEqual([
    '/assets/tabbar/home-selected.png',
    '/assets/tabbar/schedule.png',
    '/assets/tabbar/discuss.png',
    '/assets/tabbar/me.png',
  ]);
}

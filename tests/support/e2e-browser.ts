/**
 * Debian's Chromium driven by playwright-core (no browser download): one browser per test
 * file, and a phone-sized page per test.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `找不到 Chromium（${CHROMIUM_PATH}）：请运行 scripts/setup.sh，或 apt-get install chromium fonts-noto-cjk`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A context big enough for the desk (side panel + 375 × 812 phone). */
export function newPhoneContext(browser: Browser, deviceScaleFactor = 1): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 760, height: 880 },
    deviceScaleFactor,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

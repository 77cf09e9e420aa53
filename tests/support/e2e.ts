/**
 * End-to-end harness. In a test file:
 *
 *   const e2e = useE2E();                       // stack + Chromium for this file
 *   e2e.flow('新访客读报道', readReportFlow);     // a test: a fresh phone, screenshot on failure
 *
 * A flow is `async (phone: Phone, stack: E2EStack) => void` (see e2e-phone.ts for what a phone
 * can do); put reusable flows in tests/e2e/flows/ so other tests (and scripts/screenshots.ts) can
 * reuse them. A flow that needs data beyond the seed puts it in through the real node-sdk:
 *
 *   const fileId = await stack.putFile('e2e/讲义.pdf', bytes);        // storage, answers cloud://…
 *   await stack.db.collection('training_materials').doc('x').set({…}); // database
 *
 * (outside a flow, e.g. in beforeAll: `e2e.stack().db`).
 * Failing tests leave test-results/<test name>.png (the phone at the moment of failure).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, newPhoneContext } from './e2e-browser';
import { Phone } from './e2e-phone';
import { PROJECT_ROOT, startE2EStack } from './e2e-stack';
import type { E2EStack, E2EStackOptions } from './e2e-stack';

export { Phone } from './e2e-phone';
export type { E2EStack, E2EStackOptions } from './e2e-stack';

export type Flow = (phone: Phone, stack: E2EStack) => Promise<void>;

export const TEST_RESULTS_DIR = path.join(PROJECT_ROOT, 'test-results');
/** Starting the stack builds the functions and launches Chromium: give it room. */
export const E2E_SETUP_TIMEOUT_MS = 120_000;
export const E2E_FLOW_TIMEOUT_MS = 60_000;

export interface E2EContext {
  /** Declares a test that runs `flow` on a fresh phone. */
  flow(name: string, flow: Flow, timeoutMs?: number): void;
  /** Runs `flow` on a fresh phone and returns its outcome (for tests about flows). */
  runFlow(flow: Flow, screenshotName?: string): Promise<void>;
  stack(): E2EStack;
}

function fileSafe(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'flow'
  );
}

export function useE2E(options: E2EStackOptions = {}): E2EContext {
  let stack: E2EStack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    stack = await startE2EStack(options);
    browser = await launchChromium();
  }, E2E_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  }, E2E_SETUP_TIMEOUT_MS);

  async function runFlow(flow: Flow, screenshotName = 'flow'): Promise<void> {
    if (!stack || !browser) throw new Error('e2e 环境没有启动（useE2E 必须在 describe 或文件顶层调用）');
    const context = await newPhoneContext(browser);
    const phone = new Phone(await context.newPage(), stack.url);
    try {
      await flow(phone, stack);
    } catch (error) {
      const file = path.join(TEST_RESULTS_DIR, `${fileSafe(screenshotName)}.png`);
      await phone.screenshot(file).catch(() => undefined);
      const problems = phone.problems.length ? `\n页面里的错误：\n  ${phone.problems.join('\n  ')}` : '';
      if (error instanceof Error) error.message += `\n失败时的截图：${path.relative(PROJECT_ROOT, file)}${problems}`;
      throw error;
    } finally {
      await context.close();
    }
  }

  return {
    flow(name, flow, timeoutMs = E2E_FLOW_TIMEOUT_MS) {
      test(name, () => runFlow(flow, name), timeoutMs);
    },
    runFlow,
    stack() {
      if (!stack) throw new Error('e2e 环境没有启动');
      return stack;
    },
  };
}

/** Copies miniprogram/ into a temporary project folder, for tests that break a page on purpose. */
export function copyMiniprogram(): { projectRoot: string; miniprogramRoot: string; remove(): void } {
  const projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-mp-'));
  const miniprogramRoot = path.join(projectRoot, 'miniprogram');
  fs.cpSync(path.join(PROJECT_ROOT, 'miniprogram'), miniprogramRoot, { recursive: true });
  return { projectRoot, miniprogramRoot, remove: () => fs.rmSync(projectRoot, { recursive: true, force: true }) };
}

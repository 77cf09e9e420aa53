/**
 * Boots the preview in the browser: globals the mini-program expects (wx, App, getApp, Page,
 * Component, Behavior, getCurrentPages), the built-ins, WeChat's chrome, then app.js and the
 * entry page (or the page named in the URL hash, e.g. #/reading/article/index?id=x).
 */
import { setAppBoot } from './app-config';
import type { AppBoot } from './app-config';
import { callAppLifecycle, installApp } from './app-instance';
import './builtins';
import { renderNavBar } from './chrome/nav-bar';
import { renderTabBar } from './chrome/tab-bar';
import { installConstructors, registerComponents } from './components';
import type { ComponentDescriptor } from '../component-descriptor';
import { mountIdentitySwitcher } from './identity';
import { define, requireModule } from './modules';
import { reportError } from './notices';
import { currentPages, launch, onStackChange, reLaunch, startPullDownRefresh, topPage } from './page-stack';
import { applyRootFontSize } from './root-font';
import builtinsCss from './styles/builtins.css';
import chromeCss from './styles/chrome.css';
import { installTapBridge } from './tap-bridge';
import { createWx } from './wx';

function injectStyle(id: string, css: string): void {
  const style = document.createElement('style');
  style.dataset.preview = id;
  style.textContent = css;
  document.head.appendChild(style);
}

function fatal(message: string): void {
  console.error(`[preview] ${message}`);
  const phone = document.getElementById('preview-phone');
  const panel = document.createElement('div');
  panel.className = 'wxp-fatal';
  panel.setAttribute('role', 'alert');
  panel.textContent = message;
  phone?.appendChild(panel);
  document.body.dataset.previewError = message;
}

function entryFromHash(): string | undefined {
  return location.hash.startsWith('#/') ? decodeURIComponent(location.hash.slice(1)) : undefined;
}

let readyResolve: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (readyResolve = resolve));

function startApp(app: AppBoot): void {
  setAppBoot(app);
  injectStyle('app.wxss', app.css);
  try {
    if (app.appModule) requireModule(app.appModule);
  } catch (error) {
    reportError('app.ts 执行失败', error);
  }
  const entry = entryFromHash();
  const launchOptions = { path: entry ?? app.pages[0], query: {}, scene: 1001, referrerInfo: {} };
  callAppLifecycle('onLaunch', launchOptions);
  callAppLifecycle('onShow', launchOptions);
  // WeChat repaints the bars from theme.json when the phone switches between light and dark.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    renderNavBar();
    renderTabBar();
  });
  const launching = entry ? reLaunch(entry) : launch();
  launching.then(
    () => {
      document.body.dataset.previewReady = 'true';
      readyResolve();
    },
    (error: unknown) => fatal(`打开首页失败：${(error as Error).message}`),
  );
}

const previewApi = {
  define,
  app: startApp,
  components: (list: ComponentDescriptor[]) => registerComponents(list),
  fatal,
  ready,
  /** For tests and screenshots. */
  currentRoute: () => topPage()?.route ?? null,
  stack: () => currentPages().map((page) => page.route),
  pullDownRefresh: () => startPullDownRefresh(),
};

declare global {
  interface Window {
    __wxPreview: typeof previewApi;
  }
}

window.__wxPreview = previewApi;
const scope = globalThis as unknown as Record<string, unknown>;
scope.wx = createWx();
scope.getCurrentPages = () => currentPages().map((page) => page.instance);
installApp();
installConstructors();
injectStyle('builtins', builtinsCss);
injectStyle('chrome', chromeCss);

window.addEventListener('error', (event) => reportError('脚本错误', event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => reportError('未处理的 Promise 拒绝', event.reason));

onStackChange(() => {
  renderNavBar();
  renderTabBar();
  applyRootFontSize();
});

const pages = document.getElementById('wx-pages');
if (pages) installTapBridge(pages);
// Another identity is another WeChat user opening the mini-program: start it afresh on the same page.
mountIdentitySwitcher(() => {
  const route = topPage()?.route;
  location.hash = route ? `#/${route}` : '';
  location.reload();
});

if (window.__wxPreviewCompileError) fatal(window.__wxPreviewCompileError);
else {
  const script = document.createElement('script');
  script.src = '/__preview/app.js';
  script.onerror = () => fatal('加载 /__preview/app.js 失败');
  document.head.appendChild(script);
}

/**
 * Pages and navigation as WeChat runs them: a stack of at most 10 pages, tab pages kept alive
 * between switchTab calls, the lifecycles in WeChat's order (onLoad -> onShow -> onReady,
 * onHide when covered, onUnload when popped), one scroll container per page for
 * onPageScroll / onReachBottom / pull-down refresh. Navigations run one at a time.
 */
import * as jComponent from 'j-component';
import type { RenderedComponent } from 'j-component';
import type { ComponentCaller } from 'miniprogram-exparser';
import { entryPage, isTabPage, windowOf } from './app-config';
import type { WindowConfig } from './app-config';
import { componentIdOf, descriptorOf } from './components';
import { reportError } from './notices';

export interface PageEntry {
  route: string;
  query: Record<string, string>;
  component: RenderedComponent;
  frame: HTMLElement;
  instance: ComponentCaller;
  window: WindowConfig;
  /** Set by wx.setNavigationBarTitle / <navigation-bar>; overrides the .json title. */
  title?: string;
  navBarColors?: { frontColor?: string; backgroundColor?: string };
  navBarLoading?: boolean;
  rootFontSize?: string;
  ready: boolean;
  refreshing: boolean;
}

export class NavigationError extends Error {}

const MAX_STACK = 10;
const stack: PageEntry[] = [];
const aliveTabPages = new Map<string, PageEntry>();
const listeners: Array<() => void> = [];
let queue: Promise<unknown> = Promise.resolve();

export function onStackChange(listener: () => void): void {
  listeners.push(listener);
}

export function currentPages(): PageEntry[] {
  return [...stack];
}

export function topPage(): PageEntry | undefined {
  return stack[stack.length - 1];
}

export function callPage(entry: PageEntry, name: string, ...args: unknown[]): unknown {
  const method = entry.instance[name];
  if (typeof method !== 'function') return undefined;
  try {
    const result: unknown = (method as (...values: unknown[]) => unknown).apply(entry.instance, args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => reportError(`${entry.route} ${name}`, error));
    }
    return result;
  } catch (error) {
    reportError(`${entry.route} ${name}`, error);
    return undefined;
  }
}

const loadedScripts = new Map<string, Promise<void>>();

function loadScript(src: string): Promise<void> {
  let loading = loadedScripts.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`加载 ${src} 失败`));
      document.head.appendChild(script);
    });
    loadedScripts.set(src, loading);
  }
  return loading;
}

/** Splits "/a/b?x=1" (or "b?x=1" relative to the current page) into route and query. */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathPart, queryPart = ''] = url.split('?');
  let route: string;
  if (pathPart.startsWith('/')) route = pathPart.slice(1);
  else {
    const base = (topPage()?.route ?? '').split('/').slice(0, -1);
    for (const part of pathPart.split('/')) {
      if (part === '..') base.pop();
      else if (part && part !== '.') base.push(part);
    }
    route = base.join('/');
  }
  const query: Record<string, string> = {};
  for (const pair of queryPart.split('&')) {
    if (!pair) continue;
    const [key, value = ''] = pair.split('=');
    // WeChat passes query values to onLoad as written (still percent-encoded).
    query[key] = value;
  }
  return { route: route.replace(/\.html$/, ''), query };
}

function reachBottomWatcher(entry: PageEntry): void {
  let armed = true;
  entry.frame.addEventListener('scroll', () => {
    const frame = entry.frame;
    callPage(entry, 'onPageScroll', { scrollTop: frame.scrollTop });
    const distance = entry.window.onReachBottomDistance ?? 50;
    const nearBottom = frame.scrollTop + frame.clientHeight >= frame.scrollHeight - distance;
    if (nearBottom && armed) {
      armed = false;
      callPage(entry, 'onReachBottom');
    } else if (!nearBottom) armed = true;
  });
}

function pullDownWatcher(entry: PageEntry): void {
  let pulled = 0;
  let touchStartY: number | null = null;
  const frame = entry.frame;
  frame.addEventListener('wheel', (event) => {
    if (frame.scrollTop > 0 || event.deltaY >= 0) {
      pulled = 0;
      return;
    }
    pulled -= event.deltaY;
    if (pulled > 150) {
      pulled = 0;
      startPullDownRefresh(entry);
    }
  });
  frame.addEventListener('touchstart', (event) => {
    touchStartY = frame.scrollTop === 0 ? event.touches[0].clientY : null;
  });
  frame.addEventListener('touchend', (event) => {
    if (touchStartY !== null && event.changedTouches[0].clientY - touchStartY > 80) startPullDownRefresh(entry);
    touchStartY = null;
  });
}

export function startPullDownRefresh(entry: PageEntry | undefined = topPage()): boolean {
  if (!entry || entry.refreshing) return false;
  if (!entry.window.enablePullDownRefresh) {
    reportError(entry.route, '页面没有开启 enablePullDownRefresh，下拉刷新不会触发');
    return false;
  }
  entry.refreshing = true;
  entry.frame.classList.add('wxp-refreshing');
  callPage(entry, 'onPullDownRefresh');
  return true;
}

export function stopPullDownRefresh(entry: PageEntry | undefined = topPage()): void {
  if (!entry) return;
  entry.refreshing = false;
  entry.frame.classList.remove('wxp-refreshing');
}

async function createPage(route: string, query: Record<string, string>): Promise<PageEntry> {
  if (!componentIdOf(route)) await loadScript(`/__preview/page.js?path=${encodeURIComponent(route)}`);
  const id = componentIdOf(route);
  const descriptor = descriptorOf(route);
  if (!id || !descriptor) throw new NavigationError(`页面 ${route} 不存在或没能加载`);
  const frame = document.createElement('div');
  frame.className = 'wxp-page-frame';
  frame.dataset.route = route;
  frame.innerHTML = '<div class="wxp-refresh-indicator" aria-hidden="true"><i></i><i></i><i></i></div>';
  document.getElementById('wx-pages')?.appendChild(frame);
  const component = jComponent.create(id);
  if (!component) throw new NavigationError(`页面 ${route} 没能创建`);
  component.attach(frame);
  component.dom.setAttribute('data-wx-page', route);
  const instance = component.instance;
  Object.assign(instance, { route, __route__: route, options: query });
  const entry: PageEntry = {
    route,
    query,
    component,
    frame,
    instance,
    window: windowOf(descriptor.json),
    ready: false,
    refreshing: false,
  };
  reachBottomWatcher(entry);
  pullDownWatcher(entry);
  callPage(entry, 'onLoad', query);
  return entry;
}

function show(entry: PageEntry): void {
  for (const frame of document.querySelectorAll<HTMLElement>('.wxp-page-frame')) frame.hidden = frame !== entry.frame;
  listeners.forEach((listener) => listener());
  callPage(entry, 'onShow');
  entry.component.triggerPageLifeTime('show');
  if (!entry.ready) {
    entry.ready = true;
    setTimeout(() => callPage(entry, 'onReady'), 0);
  }
}

function hide(entry: PageEntry): void {
  callPage(entry, 'onHide');
  entry.component.triggerPageLifeTime('hide');
}

function unload(entry: PageEntry): void {
  callPage(entry, 'onUnload');
  entry.component.detach();
  entry.frame.remove();
  if (aliveTabPages.get(entry.route) === entry) aliveTabPages.delete(entry.route);
}

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export function navigateTo(url: string): Promise<void> {
  return serialised(async () => {
    const { route, query } = parseUrl(url);
    if (isTabPage(route))
      throw new NavigationError(
        `navigateTo:fail can not navigateTo a tabbar page（${route} 是 tabBar 页面，请用 switchTab）`,
      );
    if (stack.length >= MAX_STACK)
      throw new NavigationError('navigateTo:fail webview count limit exceed（页面栈最多 10 层）');
    const entry = await createPage(route, query);
    const previous = topPage();
    if (previous) hide(previous);
    stack.push(entry);
    show(entry);
  });
}

export function redirectTo(url: string): Promise<void> {
  return serialised(async () => {
    const { route, query } = parseUrl(url);
    if (isTabPage(route)) throw new NavigationError(`redirectTo:fail can not redirectTo a tabbar page（${route}）`);
    const entry = await createPage(route, query);
    const previous = stack.pop();
    if (previous) unload(previous);
    stack.push(entry);
    show(entry);
  });
}

export function switchTab(url: string): Promise<void> {
  return serialised(async () => {
    const { route } = parseUrl(url);
    if (!isTabPage(route)) throw new NavigationError(`switchTab:fail can not switch to no-tabBar page（${route}）`);
    const previousTop = topPage();
    if (previousTop?.route === route && stack.length === 1) return;
    const entry = aliveTabPages.get(route) ?? (await createPage(route, {}));
    aliveTabPages.set(route, entry);
    while (stack.length > 0) {
      const popped = stack.pop() as PageEntry;
      if (aliveTabPages.get(popped.route) === popped) {
        if (popped === previousTop) hide(popped);
      } else unload(popped);
    }
    stack.push(entry);
    show(entry);
  });
}

export function reLaunch(url: string): Promise<void> {
  return serialised(async () => {
    const { route, query } = parseUrl(url);
    const entry = await createPage(route, query);
    while (stack.length > 0) unload(stack.pop() as PageEntry);
    for (const alive of [...aliveTabPages.values()]) unload(alive);
    if (isTabPage(route)) aliveTabPages.set(route, entry);
    stack.push(entry);
    show(entry);
  });
}

export function navigateBack(delta = 1): Promise<void> {
  return serialised(async () => {
    if (stack.length <= 1) throw new NavigationError('navigateBack:fail cannot navigate back at first page.');
    const count = Math.max(1, Math.min(delta, stack.length - 1));
    for (let index = 0; index < count; index += 1) unload(stack.pop() as PageEntry);
    show(stack[stack.length - 1]);
  });
}

export function launch(url: string = entryPage()): Promise<void> {
  return reLaunch(`/${url.replace(/^\//, '')}`);
}

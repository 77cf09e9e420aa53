/**
 * Shim that lets miniprogram-simulate (j-component) run the real pages of miniprogram/.
 *
 * miniprogram-simulate gives Component/Behavior and a stubbed `wx`, but no App/getApp/Page, no
 * wx.cloud, a storage that forgets everything, and no page-meta behaviour. This file adds:
 * - `getApp()` / `App()` with a typed globalData, and `Page()` that fails loudly (pages use Component());
 * - the `wx` APIs the browser preview has too, from the same modules (local/wx/: callbacks, storage,
 *   system, navigation, interaction, cloud, page-meta), so a behaviour fixed there is fixed for both;
 *   only the ends differ: wx.cloud answers from a handler the test gives (services/cloud.ts above it runs
 *   for real), storage is a Map, navigation, toasts, modals and image previews are recorded;
 * - `<page-meta root-font-size>` applied to document.documentElement, as the real page-meta does.
 *
 * Usage in a jest test (project "pages", jsdom):
 *   const harness = installMiniprogram({ cloud: (name, data) => ({ ok: true, data: ... }) });
 *   const page = await openPage('pages/home/index');          // runs onLoad, waits for setData
 *   tap(select(page, '.article-item'));  await settle();
 *   expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reading/article/index?id=a1' }]);
 */
import path from 'node:path';
import { ApiFailure } from '../../local/wx/callbacks';
import { cloudApis } from '../../local/wx/cloud';
import { interactionApis, type ModalAnswer } from '../../local/wx/interaction';
import { navigationApis } from '../../local/wx/navigation';
import { PAGE_META_PROPERTIES, resolveFontSize } from '../../local/wx/page-meta';
import { storageApis, type KeyValueStore } from '../../local/wx/storage';
import { appBaseInfo, deviceInfo, menuButtonRect, systemInfo, windowInfo } from '../../local/wx/system';
import { createPrivacySimulation, type PrivacySimulation } from '../../local/wx/privacy';

/**
 * The slice of miniprogram-simulate / j-component this shim uses, typed here on purpose: their
 * own .d.ts import miniprogram-api-typings, whose global `require` type would then replace
 * Node's in every file tsconfig.node.json checks.
 */
export interface SimComponent {
  readonly dom: unknown;
  readonly data: Record<string, unknown>;
  readonly instance: Record<string, unknown>;
  attach(parent: unknown): void;
  detach(): void;
  dispatchEvent(eventName: string, options?: Record<string, unknown>): void;
  querySelector(selector: string): SimComponent | undefined;
  querySelectorAll(selector: string): SimComponent[];
  setData(data: Record<string, unknown>): void;
  triggerLifeTime(name: string, ...args: unknown[]): void;
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
}

interface Simulate {
  load(componentPath: string, options: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): SimComponent;
}

interface JComponent {
  register(definition: Record<string, unknown>): string;
}

interface MinimalDocument {
  documentElement: { style: { fontSize: string } };
  createElement(tag: string): unknown;
}

/* eslint-disable @typescript-eslint/no-require-imports -- untyped on purpose, see SimComponent */
const simulate = require('miniprogram-simulate') as Simulate;
const jComponent = require('j-component') as JComponent;
/* eslint-enable @typescript-eslint/no-require-imports */

/** jsdom's document (project "pages"), typed without the DOM lib that tsconfig.node.json leaves out. */
function doc(): MinimalDocument {
  return (globalThis as unknown as { document: MinimalDocument }).document;
}

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '..', '..', 'miniprogram');

/** What the fake cloud function answers: an envelope object, or an Error to simulate a transport failure. */
export type CloudHandler = (name: string, data: Record<string, unknown>) => unknown;
export type TempFileHandler = (fileId: string) => string | null;

export interface CloudCall {
  name: string;
  data: Record<string, unknown>;
}

export interface Navigation {
  kind: 'navigateTo' | 'switchTab' | 'redirectTo' | 'reLaunch' | 'navigateBack';
  url: string;
}

export interface Harness {
  cloudCalls: CloudCall[];
  navigations: Navigation[];
  toasts: string[];
  /** Title and content of each wx.showModal. */
  modals: Array<{ title: string; content: string }>;
  previews: Array<{ current: string; urls: string[] }>;
  storage: Map<string, unknown>;
  /** Replace the cloud handler mid-test (e.g. fail first, then succeed on retry). */
  setCloud(handler: CloudHandler): void;
  /** WeChat's own font scale (wx.getAppBaseInfo().fontSizeScaleFactor). */
  setSystemFontScale(factor: number): void;
  /** Privacy consent, shared with the preview (local/preview/client/wx/privacy.ts). */
  privacy: PrivacySimulation;
  /** How often wx.openPrivacyContract showed the contract. */
  contractsOpened: number;
  /** How the next wx.showModal calls are answered (default: confirmed). */
  setModalAnswer(answer: ModalAnswer): void;
}

export interface InstallOptions {
  cloud?: CloudHandler;
  tempFileUrl?: TempFileHandler;
  globalData?: Record<string, unknown>;
  systemFontScale?: number;
  /** Whether this WeChat user agreed to the privacy contract before (default: not yet). */
  privacyAgreed?: boolean;
}

type AnyRecord = Record<string, unknown>;

/** A store in a Map (the page tests read the Map directly). */
function mapStore(map: Map<string, unknown>): KeyValueStore {
  return {
    has: (key) => map.has(key),
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    delete: (key) => void map.delete(key),
    keys: () => [...map.keys()],
    bytes: () => [...map.values()].reduce<number>((sum, value) => sum + JSON.stringify(value ?? '').length * 2, 0),
  };
}

const PAGE_META_ID = 'page-meta';

/** Re-register <page-meta> so root-font-size reaches the document root like on a phone. */
function registerPageMeta(systemFontScale: () => number): void {
  const applyRootFontSize = (value: string): void => {
    doc().documentElement.style.fontSize = value ? resolveFontSize(value, systemFontScale()) : '';
  };
  jComponent.register({
    id: PAGE_META_ID,
    tagName: 'wx-page-meta',
    template: '<slot/>',
    properties: {
      ...PAGE_META_PROPERTIES,
      rootFontSize: { ...PAGE_META_PROPERTIES.rootFontSize, observer: applyRootFontSize },
    },
  });
}

export function installMiniprogram(options: InstallOptions = {}): Harness {
  let cloudHandler: CloudHandler = options.cloud ?? (() => new Error('no cloud handler installed'));
  let systemFontScale = options.systemFontScale ?? 1;
  let modalAnswer: ModalAnswer = { confirm: true, cancel: false };
  const harness: Harness = {
    cloudCalls: [],
    navigations: [],
    toasts: [],
    modals: [],
    previews: [],
    storage: new Map(),
    setCloud(handler) {
      cloudHandler = handler;
    },
    setSystemFontScale(factor) {
      systemFontScale = factor;
    },
    // Replaced just below; the simulation needs the harness to count contract openings.
    privacy: undefined as unknown as PrivacySimulation,
    contractsOpened: 0,
    setModalAnswer(answer) {
      modalAnswer = answer;
    },
  };
  let privacyAgreed = options.privacyAgreed ?? false;
  harness.privacy = createPrivacySimulation({
    loadAgreed: () => privacyAgreed,
    saveAgreed: (agreed) => {
      privacyAgreed = agreed;
    },
    // A test that leaves the page's own consent out sees WeChat's popup refused.
    officialPopup: async () => 'disagree',
    showContract: () => {
      harness.contractsOpened += 1;
    },
  });
  const tempFileUrl =
    options.tempFileUrl ?? ((fileId: string) => `https://tmp.example.test/${encodeURIComponent(fileId)}`);
  const app = { globalData: { cloudReady: true, ...options.globalData } };
  const g = globalThis as unknown as AnyRecord & { wx: AnyRecord };

  g.getApp = () => app;
  g.App = (definition: AnyRecord) => Object.assign(app, definition);
  g.Page = () => {
    throw new Error('Page() is not supported by miniprogram-simulate: write pages with Component()');
  };
  registerPageMeta(() => systemFontScale);
  doc().documentElement.style.fontSize = '';

  const record =
    (kind: Navigation['kind']) =>
    (url: string): void =>
      void harness.navigations.push({ kind, url });

  Object.assign(g.wx, {
    cloud: cloudApis(
      {
        async callFunction(name, data) {
          harness.cloudCalls.push({ name, data });
          // Settle on a later macrotask, like a real network round trip: the loading state renders first.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const result = await cloudHandler(name, data);
          if (result instanceof Error) throw new ApiFailure('cloud.callFunction', result.message, { errCode: -1 });
          return result;
        },
        async tempFileUrls(entries) {
          return entries.map(({ fileID }) => {
            const url = tempFileUrl(fileID);
            return url === null
              ? { fileID, tempFileURL: '', status: 1, errMsg: 'STORAGE_FILE_NONEXIST' }
              : { fileID, tempFileURL: url, status: 0, errMsg: 'ok' };
          });
        },
      },
      'req',
    ),
    ...storageApis(mapStore(harness.storage)),
    getAppBaseInfo: () => appBaseInfo(systemFontScale),
    getWindowInfo: () => windowInfo(),
    getDeviceInfo: deviceInfo,
    getSystemInfoSync: () => systemInfo(systemFontScale),
    getMenuButtonBoundingClientRect: menuButtonRect,
    ...navigationApis({
      navigateTo: record('navigateTo'),
      redirectTo: record('redirectTo'),
      switchTab: record('switchTab'),
      reLaunch: record('reLaunch'),
      navigateBack: (delta) => record('navigateBack')(String(delta)),
    }),
    ...interactionApis({
      showToast: (toast) => void harness.toasts.push(toast.title),
      hideToast: () => undefined,
      showModal: async (modal) => {
        harness.modals.push({ title: String(modal.title ?? ''), content: String(modal.content ?? '') });
        return modalAnswer;
      },
      showActionSheet: async () => null,
      showImageViewer: (urls, current) => void harness.previews.push({ current, urls }),
    }),
    ...harness.privacy.apis,
  });
  return harness;
}

/**
 * Loads a page (or component) by its path under miniprogram/, renders it attached to the
 * document, calls onLoad(query) for pages, and waits until pending answers have been applied.
 * Each call loads a fresh copy of the page's modules (jest.isolateModules): j-component cannot
 * load the same path twice from one module registry.
 */
export async function openPage(route: string, query: Record<string, string> = {}): Promise<SimComponent> {
  let id = '';
  jest.isolateModules(() => {
    id = simulate.load(path.join(MINIPROGRAM_ROOT, route), {
      rootPath: MINIPROGRAM_ROOT,
      compiler: 'official',
      compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
    });
  });
  const page = simulate.render(id);
  page.attach(doc().createElement('parent-wrapper'));
  const instance = page.instance as { onLoad?: (q: Record<string, string>) => void };
  instance.onLoad?.(query);
  await settle();
  return page;
}

/** Lets fake network answers, setData and j-component's async event dispatch run to completion. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

interface ExparserNode {
  shadowRoot?: ExparserNode;
  __wxHost?: ExparserNode;
  __componentNode__?: SimComponent;
  querySelector(selector: string): ExparserNode | null;
  querySelectorAll(selector: string): ExparserNode[];
}

function exparserNodeOf(node: SimComponent): ExparserNode {
  return (node as unknown as { _exparserNode: ExparserNode })._exparserNode;
}

/** j-component does not export its node wrapper class; reach it through a wrapper we hold. */
function wrap(like: SimComponent, found: ExparserNode): SimComponent {
  if (found.__componentNode__) return found.__componentNode__;
  let proto: unknown = Object.getPrototypeOf(like);
  while (proto && Object.getPrototypeOf(proto) !== Object.prototype) proto = Object.getPrototypeOf(proto);
  const NodeWrapper = (proto as { constructor: new (node: ExparserNode) => SimComponent }).constructor;
  return new NodeWrapper(found);
}

/**
 * Where to look under a node. miniprogram-simulate registers even built-ins (view, text...) as
 * components whose template is a bare <slot/>, so: a custom component's own template first, then
 * the children placed in it (the light tree) — which is where a view's content lives.
 */
function scopesOf(node: SimComponent): ExparserNode[] {
  const exparserNode = exparserNodeOf(node);
  const own = exparserNode.shadowRoot;
  return own && own.__wxHost === exparserNode ? [own, exparserNode] : [exparserNode];
}

/**
 * Finds a node by a chain of class/id selectors, descending into custom components:
 * select(page, '.page-state', '.state-view__retry'). Works from plain nodes too
 * (select(item, '.article-item__title')). Returns undefined when any step misses.
 * Query by selector rather than the DOM: j-component prefixes classes in the rendered DOM.
 */
export function select(root: SimComponent, ...selectors: string[]): SimComponent | undefined {
  let current: SimComponent | undefined = root;
  for (const selector of selectors) {
    if (!current) return undefined;
    const from: SimComponent = current;
    const found = scopesOf(from)
      .map((scope) => scope.querySelector(selector))
      .find((hit): hit is ExparserNode => hit !== null);
    current = found ? wrap(from, found) : undefined;
  }
  return current;
}

export function selectAll(root: SimComponent, selector: string): SimComponent[] {
  for (const scope of scopesOf(root)) {
    const found = scope.querySelectorAll(selector);
    if (found.length > 0) return found.map((hit) => wrap(root, hit));
  }
  return [];
}

/** The data-* values of a node (built-ins here have no properties, so read data-src etc.). */
export function dataset(node: SimComponent | undefined): Record<string, unknown> {
  return node ? ((exparserNodeOf(node) as unknown as { dataset?: Record<string, unknown> }).dataset ?? {}) : {};
}

export function text(node: SimComponent | undefined): string {
  const dom = node?.dom as { textContent?: string | null } | undefined;
  return (dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Taps a <button open-type="agreePrivacyAuthorization">: WeChat records the consent, then fires the event. */
export async function agreePrivacy(harness: Harness, button: SimComponent | undefined): Promise<void> {
  if (!button) throw new Error('agreePrivacy: button not found');
  harness.privacy.agree();
  button.dispatchEvent('agreeprivacyauthorization');
  await settle();
}

export async function tap(node: SimComponent | undefined): Promise<void> {
  if (!node) throw new Error('tap: node not found');
  node.dispatchEvent('tap');
  await settle();
}

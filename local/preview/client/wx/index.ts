/**
 * The global `wx`: the APIs the preview emulates, and — through a Proxy — an honest refusal
 * for every other name: calling an unknown wx.xxx shows "预览不支持 wx.xxx" and fails the call.
 */
import * as exparser from 'miniprogram-exparser';
import SelectorQuery from 'j-component/src/tool/selectorquery';
import {
  hideToast,
  showActionSheet,
  showDocumentViewer,
  showImageViewer,
  showModal,
  showToast,
} from '../chrome/overlays';
import { renderNavBar } from '../chrome/nav-bar';
import { reportUnsupported } from '../notices';
import {
  navigateBack,
  navigateTo,
  reLaunch,
  redirectTo,
  startPullDownRefresh,
  stopPullDownRefresh,
  switchTab,
  topPage,
} from '../page-stack';
import { ApiFailure, asyncApi } from '../../../wx/callbacks';
import { interactionApis } from '../../../wx/interaction';
import { navigationApis, type Navigator } from '../../../wx/navigation';
import { cloud } from './cloud';
import { downloadFile, downloadedTypes } from './download';
import { previewPrivacy } from './privacy-preview';
import { storageApis } from './storage';
import { appBaseInfo, deviceInfo, menuButtonRect, systemInfo, windowInfo } from './system';

function unsupportedApi(name: string) {
  return (options?: { fail?: (error: unknown) => void; complete?: (error: unknown) => void }) => {
    reportUnsupported(`wx.${name}`);
    const error = { errMsg: `${name}:fail 预览不支持` };
    if (options && typeof options === 'object' && (options.fail || options.complete)) {
      options.fail?.(error);
      options.complete?.(error);
      return undefined;
    }
    return Promise.reject(error);
  };
}

/** The page stack moves; the navigation bar then shows the new top page. */
const afterMove =
  (move: (target: string) => Promise<void>) =>
  async (target: string): Promise<void> => {
    await move(target);
    renderNavBar();
  };
const pageStack: Navigator = {
  navigateTo: afterMove(navigateTo),
  redirectTo: afterMove(redirectTo),
  switchTab: afterMove(switchTab),
  reLaunch: afterMove(reLaunch),
  navigateBack: async (delta) => {
    await navigateBack(delta);
    renderNavBar();
  },
};

const implemented: Record<string, unknown> = {
  ...storageApis,
  cloud,
  canIUse: () => true,
  nextTick: (callback: () => void) => setTimeout(callback, 0),
  getSystemInfoSync: systemInfo,
  getSystemInfo: asyncApi('getSystemInfo', systemInfo),
  getWindowInfo: windowInfo,
  getAppBaseInfo: appBaseInfo,
  getDeviceInfo: deviceInfo,
  getSystemSetting: () => ({
    bluetoothEnabled: false,
    locationEnabled: false,
    wifiEnabled: true,
    deviceOrientation: 'portrait',
  }),
  getAppAuthorizeSetting: () => ({}),
  getMenuButtonBoundingClientRect: menuButtonRect,
  getLaunchOptionsSync: () => ({ path: topPage()?.route ?? '', query: {}, scene: 1001, referrerInfo: {} }),
  getEnterOptionsSync: () => ({ path: topPage()?.route ?? '', query: {}, scene: 1001, referrerInfo: {} }),
  getAccountInfoSync: () => ({ miniProgram: { appId: 'preview', envVersion: 'develop', version: '' } }),
  onAppShow: () => undefined,
  onAppHide: () => undefined,
  offAppShow: () => undefined,
  offAppHide: () => undefined,
  onError: () => undefined,
  onUnhandledRejection: () => undefined,
  onThemeChange: () => undefined,
  onWindowResize: () => undefined,
  offWindowResize: () => undefined,
  reportAnalytics: () => undefined,
  getUpdateManager: () => ({
    onCheckForUpdate: () => undefined,
    onUpdateReady: () => undefined,
    onUpdateFailed: () => undefined,
    applyUpdate: () => undefined,
  }),
  ...previewPrivacy.apis,
  vibrateShort: asyncApi('vibrateShort', () => ({})),

  ...navigationApis(pageStack),
  startPullDownRefresh: asyncApi('startPullDownRefresh', () => {
    startPullDownRefresh();
    return {};
  }),
  stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => {
    stopPullDownRefresh();
    return {};
  }),
  pageScrollTo: asyncApi('pageScrollTo', (options: { scrollTop?: number; selector?: string; duration?: number }) => {
    const entry = topPage();
    if (!entry) return {};
    let top = options.scrollTop ?? 0;
    if (options.selector) {
      const target = entry.component._exparserNode.shadowRoot?.querySelector(options.selector);
      if (!target) throw new ApiFailure('pageScrollTo', `找不到 ${options.selector}`);
      top = target.$$.getBoundingClientRect().top - entry.frame.getBoundingClientRect().top + entry.frame.scrollTop;
    }
    entry.frame.scrollTo({ top, behavior: options.duration === 0 ? 'auto' : 'smooth' });
    return {};
  }),
  setNavigationBarTitle: asyncApi('setNavigationBarTitle', (options: { title?: string }) => {
    const entry = topPage();
    if (entry) entry.title = String(options.title ?? '');
    renderNavBar();
    return {};
  }),
  setNavigationBarColor: asyncApi(
    'setNavigationBarColor',
    (options: { frontColor?: string; backgroundColor?: string }) => {
      const entry = topPage();
      if (entry) entry.navBarColors = { frontColor: options.frontColor, backgroundColor: options.backgroundColor };
      renderNavBar();
      return {};
    },
  ),
  showNavigationBarLoading: () => {
    const entry = topPage();
    if (entry) entry.navBarLoading = true;
    renderNavBar();
  },
  hideNavigationBarLoading: () => {
    const entry = topPage();
    if (entry) entry.navBarLoading = false;
    renderNavBar();
  },
  hideHomeButton: asyncApi('hideHomeButton', () => ({})),
  setBackgroundColor: asyncApi('setBackgroundColor', () => ({})),
  setBackgroundTextStyle: asyncApi('setBackgroundTextStyle', () => ({})),

  ...interactionApis({ showToast, hideToast, showModal, showActionSheet, showImageViewer }),
  downloadFile,
  openDocument: asyncApi('openDocument', (options: { filePath?: string; fileType?: string }) => {
    if (!options.filePath) throw new ApiFailure('openDocument', 'parameter.filePath should be String');
    showDocumentViewer(options.filePath, options.fileType ?? downloadedTypes.get(options.filePath));
    return {};
  }),
  setClipboardData: asyncApi('setClipboardData', async (options: { data?: string }) => {
    await navigator.clipboard?.writeText(String(options.data ?? '')).catch(() => undefined);
    showToast({ title: '内容已复制', icon: 'none' });
    return {};
  }),
  createSelectorQuery: () => {
    const entry = topPage();
    return new SelectorQuery(entry ? exparser.Element.getMethodCaller(entry.component._exparserNode) : null);
  },
};

export function createWx(): Record<string, unknown> {
  const unsupported = new Map<string, unknown>();
  return new Proxy(implemented, {
    get(target, property) {
      if (typeof property !== 'string') return undefined;
      if (property in target) return target[property];
      if (!unsupported.has(property)) unsupported.set(property, unsupportedApi(property));
      return unsupported.get(property);
    },
  });
}

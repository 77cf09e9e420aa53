/**
 * The phone every simulated `wx` pretends to be (browser preview and page tests): a 375 × 812 screen at 2×
 * with WeChat's usual chrome, answering getAppBaseInfo, getWindowInfo, getDeviceInfo, getSystemInfoSync and
 * getMenuButtonBoundingClientRect. WeChat's font scale (设置 -> 字体大小) is the caller's: a URL parameter in
 * the preview, a harness setting in the page tests.
 */
export const SCREEN = {
  width: 375,
  height: 812,
  pixelRatio: 2,
  statusBarHeight: 44,
  navBarHeight: 44,
  tabBarHeight: 50,
};

const DEFAULT_WINDOW_HEIGHT = SCREEN.height - SCREEN.statusBarHeight - SCREEN.navBarHeight;

export function windowInfo(windowHeight: number = DEFAULT_WINDOW_HEIGHT) {
  return {
    pixelRatio: SCREEN.pixelRatio,
    screenWidth: SCREEN.width,
    screenHeight: SCREEN.height,
    windowWidth: SCREEN.width,
    windowHeight,
    statusBarHeight: SCREEN.statusBarHeight,
    screenTop: SCREEN.statusBarHeight + SCREEN.navBarHeight,
    safeArea: {
      left: 0,
      right: SCREEN.width,
      top: SCREEN.statusBarHeight,
      bottom: SCREEN.height - 34,
      width: SCREEN.width,
      height: SCREEN.height - SCREEN.statusBarHeight - 34,
    },
  };
}

export function appBaseInfo(fontScale: number) {
  return {
    SDKVersion: '3.7.12',
    enableDebug: false,
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeScaleFactor: fontScale,
    fontSizeSetting: Math.round(16 * fontScale),
    host: { env: 'WeChat' },
  };
}

export function deviceInfo() {
  return {
    brand: 'preview',
    model: '浏览器预览 (375×812)',
    system: 'iOS 17.0',
    platform: 'devtools',
    pixelRatio: SCREEN.pixelRatio,
    benchmarkLevel: 1,
  };
}

export function systemInfo(fontScale: number, windowHeight?: number) {
  return { ...deviceInfo(), ...windowInfo(windowHeight), ...appBaseInfo(fontScale) };
}

export function menuButtonRect() {
  const top = SCREEN.statusBarHeight + 6;
  return { width: 87, height: 32, top, bottom: top + 32, left: SCREEN.width - 7 - 87, right: SCREEN.width - 7 };
}

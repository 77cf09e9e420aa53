/** The device the preview pretends to be: a 375 × 812 phone at 2× with WeChat's usual chrome. */
export const SCREEN = {
  width: 375,
  height: 812,
  pixelRatio: 2,
  statusBarHeight: 44,
  navBarHeight: 44,
  tabBarHeight: 50,
};

/** WeChat's font scale (设置 -> 字体大小); ?fontScale=1.3 in the preview URL simulates a larger setting. */
export function fontSizeScaleFactor(): number {
  const value = Number(new URLSearchParams(location.search).get('fontScale'));
  return Number.isFinite(value) && value > 0 ? value : 1;
}

export function windowInfo() {
  const pages = document.getElementById('wx-pages');
  const windowHeight = pages?.clientHeight || SCREEN.height - SCREEN.statusBarHeight - SCREEN.navBarHeight;
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

export function appBaseInfo() {
  return {
    SDKVersion: '3.4.0',
    enableDebug: false,
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeScaleFactor: fontSizeScaleFactor(),
    fontSizeSetting: Math.round(16 * fontSizeScaleFactor()),
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

export function systemInfo() {
  return { ...deviceInfo(), ...windowInfo(), ...appBaseInfo(), fontSizeSetting: appBaseInfo().fontSizeSetting };
}

export function menuButtonRect() {
  const top = SCREEN.statusBarHeight + 6;
  return { width: 87, height: 32, top, bottom: top + 32, left: SCREEN.width - 7 - 87, right: SCREEN.width - 7 };
}

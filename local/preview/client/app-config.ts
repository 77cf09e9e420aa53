/** app.json as the runtime needs it: pages, tab bar, window defaults merged with a page's .json. */
export interface TabBarItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}

export interface TabBarConfig {
  color?: string;
  selectedColor?: string;
  backgroundColor?: string;
  borderStyle?: string;
  list: TabBarItem[];
}

export interface WindowConfig {
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: string;
  navigationBarTitleText?: string;
  navigationStyle?: string;
  backgroundColor?: string;
  enablePullDownRefresh?: boolean;
  onReachBottomDistance?: number;
}

export interface AppBoot {
  appJson: { window?: WindowConfig; tabBar?: TabBarConfig; entryPagePath?: string } & Record<string, unknown>;
  pages: string[];
  css: string;
  appModule: string | null;
  /** theme.json (app.json themeLocation): { light: {name: value}, dark: {...} }, or null. */
  theme?: { light?: Record<string, string>; dark?: Record<string, string> } | null;
}

let current: AppBoot | null = null;

/** The colour scheme the browser asks for (Chromium's emulateMedia, or the OS setting), as WeChat's theme. */
export function currentTheme(): 'light' | 'dark' {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** A window/tabBar value of app.json with its theme.json @variable resolved for the current theme. */
export function themed(value: string | undefined): string | undefined {
  if (value === undefined || !value.startsWith('@')) return value;
  return current?.theme?.[currentTheme()]?.[value.slice(1)] ?? value;
}

export function setAppBoot(app: AppBoot): void {
  current = app;
}

export function appBoot(): AppBoot {
  if (!current) throw new Error('app.json 还没有加载');
  return current;
}

export function isTabPage(route: string): boolean {
  return (appBoot().appJson.tabBar?.list ?? []).some((item) => item.pagePath === route);
}

export function windowOf(pageJson: Record<string, unknown>): WindowConfig {
  return { ...(appBoot().appJson.window ?? {}), ...(pageJson as WindowConfig) };
}

export function entryPage(): string {
  const boot = appBoot();
  return (boot.appJson.entryPagePath as string | undefined) ?? boot.pages[0];
}

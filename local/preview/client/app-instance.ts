/** App() and getApp(): one app instance, created when app.ts runs, launched before the first page. */
import { reportError } from './notices';

type AppOptions = Record<string, unknown> & { globalData?: Record<string, unknown> };

let appInstance: AppOptions | null = null;

export function installApp(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.App = (options: AppOptions) => {
    if (appInstance) throw new Error('App() 只能调用一次');
    appInstance = options;
  };
  scope.getApp = () => {
    if (!appInstance) appInstance = { globalData: {} };
    return appInstance;
  };
}

/** Calls an App lifecycle (onLaunch, onShow, onHide) if app.ts defined it. */
export function callAppLifecycle(name: string, ...args: unknown[]): void {
  const method = appInstance?.[name];
  if (typeof method !== 'function') return;
  try {
    const result: unknown = method.apply(appInstance, args);
    if (result instanceof Promise) result.catch((error: unknown) => reportError(`App.${name}`, error));
  } catch (error) {
    reportError(`App.${name}`, error);
  }
}

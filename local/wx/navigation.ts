/**
 * wx.navigateTo / redirectTo / switchTab / reLaunch / navigateBack for every simulated `wx`: WeChat's checks
 * and answers here, the moving itself by the caller's Navigator (the preview's page stack; the page tests
 * record where a page asked to go).
 */
import { ApiFailure, asyncApi } from './callbacks';

export interface Navigator {
  navigateTo(url: string): Promise<void> | void;
  redirectTo(url: string): Promise<void> | void;
  switchTab(url: string): Promise<void> | void;
  reLaunch(url: string): Promise<void> | void;
  navigateBack(delta: number): Promise<void> | void;
}

// A type, not an interface: asyncApi's options must be indexable like a plain object.
type NavigationOptions = { url?: string; delta?: number };

function requireUrl(options: NavigationOptions): string {
  if (typeof options.url !== 'string' || options.url === '') throw new Error('parameter.url should be String');
  return options.url;
}

function navigation(name: string, move: (options: NavigationOptions) => Promise<void> | void) {
  return asyncApi(name, async (options: NavigationOptions) => {
    try {
      await move(options);
    } catch (error) {
      throw new ApiFailure(name, (error as Error).message);
    }
    return {};
  });
}

export function navigationApis(navigator: Navigator) {
  return {
    navigateTo: navigation('navigateTo', (options) => navigator.navigateTo(requireUrl(options))),
    redirectTo: navigation('redirectTo', (options) => navigator.redirectTo(requireUrl(options))),
    switchTab: navigation('switchTab', (options) => navigator.switchTab(requireUrl(options))),
    reLaunch: navigation('reLaunch', (options) => navigator.reLaunch(requireUrl(options))),
    navigateBack: navigation('navigateBack', (options) => navigator.navigateBack(options.delta ?? 1)),
  };
}

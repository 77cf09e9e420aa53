/**
 * The typed shape of the App instance, and the one typed way to reach it from pages.
 * Kept apart from app.ts so that importing the types never runs App() a second time.
 */

export interface AppGlobalData {
  /** False when wx.cloud is missing (base library too old): services then answer a friendly error. */
  cloudReady: boolean;
}

export interface AppOption {
  globalData: AppGlobalData;
}

export function currentApp(): AppOption {
  return getApp<AppOption>();
}

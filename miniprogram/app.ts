import { CLOUD_ENV_ID } from './config/index';
import type { AppOption } from './shell/app-context';

App<AppOption>({
  globalData: { cloudReady: false },

  onLaunch() {
    if (!wx.cloud) {
      // Base library below 2.2.3 has no wx.cloud; the pages will show their error state with a retry.
      console.error('wx.cloud 不可用：请使用 2.2.3 或以上的基础库');
      return;
    }
    wx.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
    this.globalData.cloudReady = true;
  },
});

/**
 * Mixed into every page that shows one loaded screen: the error state's 重新加载 button (`bind:retry`)
 * and pull-down refresh both go through the page's own `load`. A pull-down keeps what is on screen while
 * it reloads (loadScreen reports a failure in a toast instead of blanking the page).
 */
import type { LoadOptions } from './screen-load';

/** What a page mixing this in must define. */
interface Reloadable {
  load(options?: LoadOptions): Promise<void>;
}

export const reloadBehavior = Behavior({
  methods: {
    onRetry() {
      void (this as unknown as Reloadable).load();
    },

    async onPullDownRefresh() {
      await (this as unknown as Reloadable).load({ keepContent: true });
      wx.stopPullDownRefresh();
    },
  },
});

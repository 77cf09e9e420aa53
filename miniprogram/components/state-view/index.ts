/**
 * The three non-content states every screen has, in one place:
 * - loading: a skeleton shaped like what is coming (list or article), not a spinner alone;
 * - empty: says what happened and what to do;
 * - error: the reason and a large retry button (emits `retry`);
 * - missing: what was asked for is not there (a deleted item, a broken link): the reason and a way
 *   back to the home page, since retrying cannot help.
 * Renders nothing when status is 'ready'. Pages drive `status` through shell/screen-load.
 */
import { HOME_PAGE } from '../../shell/routes';

Component({
  properties: {
    status: { type: String, value: 'loading' },
    /** 'list' or 'article': which skeleton to show while loading. */
    skeleton: { type: String, value: 'list' },
    emptyText: { type: String, value: '暂无内容' },
    emptyHint: { type: String, value: '下拉页面可以刷新' },
    errorMessage: { type: String, value: '加载失败，请稍后重试' },
  },
  data: {
    listRows: [1, 2, 3, 4],
    articleRowCol: [
      { width: '90%', height: '48rpx' },
      { width: '50%' },
      1,
      1,
      1,
      { width: '70%' },
      1,
      1,
      { width: '40%' },
    ],
    listRowCol: [{ width: '92%', height: '40rpx' }, { width: '60%' }],
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    onGoHome() {
      // The home page is a tab: switchTab also closes the pages stacked above it.
      void wx.switchTab({ url: HOME_PAGE });
    },
  },
});

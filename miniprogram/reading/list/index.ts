/**
 * 文章列表 (reading subpackage): every published article — notices, reports, study material — with category
 * tabs, a keyword search, pull-down refresh, more on reaching the bottom and covers where an article has one.
 * The unfiltered list is kept for offline reading (shell/article-feed-behavior.ts).
 */
import { ARTICLE_CATEGORIES, ARTICLE_WRITE_LIMITS } from '../../contracts/articles';
import { articleFeedBehavior } from '../../shell/article-feed-behavior';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { ARTICLE_LIST_PAGE } from '../../shell/routes';
import type { LoadOptions } from '../../shell/screen-load';

/** The tabs: 全部 ('' = no filter), then the readers' categories. */
export const LIST_TABS = [
  { key: '', label: '全部' },
  ...ARTICLE_CATEGORIES.map((category) => ({ key: category, label: category })),
];

Component({
  behaviors: [fontSizeBehavior, reloadBehavior, articleFeedBehavior],
  data: {
    tabs: LIST_TABS,
    /** What the search box holds; becomes feedQuery when the reader confirms. */
    queryInput: '',
    queryMaxLength: ARTICLE_WRITE_LIMITS.queryLength,
  },
  methods: {
    onLoad() {
      void this.load();
    },

    async load(options: LoadOptions = {}) {
      await this.loadFeed(options);
    },

    onShareAppMessage() {
      return { title: '履职学堂 · 文章', path: ARTICLE_LIST_PAGE };
    },

    onTabTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const key = event.currentTarget.dataset.key ?? '';
      if (key === this.data.feedCategory) return;
      this.setData({ feedCategory: key, status: 'loading', articles: [], nextCursor: null });
      void this.load();
    },

    onQueryInput(event: WechatMiniprogram.Input) {
      this.setData({ queryInput: event.detail.value });
    },

    onSearch() {
      const query = this.data.queryInput.trim();
      if (query === this.data.feedQuery) return;
      this.setData({ feedQuery: query, status: 'loading', articles: [], nextCursor: null });
      void this.load();
    },

    onClearSearch() {
      this.setData({ queryInput: '' });
      this.onSearch();
    },
  },
});

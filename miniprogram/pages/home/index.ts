/**
 * 首页: the course banner, large entries, then the latest reports (pull down to refresh,
 * more on reaching the bottom). Written with Component() so miniprogram-simulate can load it.
 */
import type { ArticleSummary } from '../../contracts/articles';
import { COURSE } from '../../config/index';
import { listArticles } from '../../services/articles';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { articlePage, HOME_PAGE } from '../../shell/routes';
import { loadGeneration, loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';
import { HOME_ENTRIES } from './entries';
import type { HomeEntry } from './entries';

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    course: COURSE,
    entries: HOME_ENTRIES,
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    articles: [] as ArticleSummary[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    showFontSize: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },

    onReachBottom() {
      void this.loadMore();
    },

    onShareAppMessage() {
      return { title: `${COURSE.name} · 履职学堂`, path: HOME_PAGE };
    },

    async load(options: LoadOptions = {}) {
      await loadScreen(
        this,
        () => listArticles(),
        ({ items, nextCursor }) =>
          this.setData({
            status: items.length > 0 ? 'ready' : 'empty',
            articles: items,
            nextCursor,
            moreError: '',
            loadingMore: false,
          }),
        options,
      );
    },

    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore || this.data.status !== 'ready') return;
      const generation = loadGeneration(this);
      this.setData({ loadingMore: true, moreError: '' });
      const result = await listArticles(cursor);
      if (loadGeneration(this) !== generation) {
        // A refresh started meanwhile and replaces the list: drop this page, but never leave the footer
        // saying 正在加载 (a refresh that fails keeps the old list and only shows a toast).
        this.setData({ loadingMore: false });
        return;
      }
      if (!result.ok) {
        this.setData({ loadingMore: false, moreError: result.error.message });
        return;
      }
      const known = new Set(this.data.articles.map((article) => article.id));
      const fresh = result.data.items.filter((article) => !known.has(article.id));
      this.setData({
        articles: [...this.data.articles, ...fresh],
        nextCursor: result.data.nextCursor,
        loadingMore: false,
      });
    },

    onOpenArticle(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (id) void wx.navigateTo({ url: articlePage(id) });
    },

    onEntryTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const entry: HomeEntry | undefined = this.data.entries.find(
        (candidate) => candidate.key === event.currentTarget.dataset.key,
      );
      if (!entry) return;
      const target = entry.target;
      if (target.kind !== 'action') {
        if (target.kind === 'tab') void wx.switchTab({ url: target.url });
        else void wx.navigateTo({ url: target.url });
      } else if (target.name === 'fontSize') {
        this.setData({ showFontSize: !this.data.showFontSize });
      } else {
        void wx.pageScrollTo({ selector: '#latest-articles', duration: 300 });
      }
    },
  },
});

/**
 * A page that lists published articles (home's latest reports, the article list page): the first page with
 * its loading/empty/error states, a saved copy shown at once (offline-cache.ts) and then refreshed, the next
 * pages on reaching the bottom (by the list's cursor), and opening an article.
 *
 * The page keeps its filter in `feedCategory` ('' for all) and `feedQuery` ('' for none); only the
 * unfiltered list is saved for offline reading (one copy, the last list the reader saw).
 */
import type { ArticleCategory, ArticleSummary, ListArticlesResponse } from '../contracts/articles';
import { listArticles, type ListOptions } from '../services/articles';
import { readCopy, saveCopy } from './offline-cache';
import { articlePage } from './routes';
import { loadScreen, type LoadOptions, type ScreenStatus } from './screen-load';

export const LATEST_LIST_COPY_KEY = 'list:latest';

interface FeedData {
  status: ScreenStatus;
  feedCategory: string;
  feedQuery: string;
  articles: ArticleSummary[];
  nextCursor: string | null;
  loadingMore: boolean;
}

function filterOf(data: FeedData): ListOptions {
  return {
    category: data.feedCategory === '' ? null : (data.feedCategory as ArticleCategory),
    q: data.feedQuery,
  };
}

function isUnfiltered(data: FeedData): boolean {
  return data.feedCategory === '' && data.feedQuery.trim() === '';
}

export const articleFeedBehavior = Behavior({
  data: {
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    feedCategory: '',
    feedQuery: '',
    articles: [] as ArticleSummary[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    /** True while the list on screen is a saved copy (no network answer yet). */
    savedCopy: false,
  },
  methods: {
    /** The first page: a saved copy first when there is one, then the network (a refresh keeps what is shown). */
    async loadFeed(options: LoadOptions = {}) {
      const data = this.data as unknown as FeedData;
      const saveKey = isUnfiltered(data) ? LATEST_LIST_COPY_KEY : null;
      const copy = saveKey !== null && data.status !== 'ready' ? readCopy<ListArticlesResponse>(saveKey) : null;
      if (copy) this.showFeed(copy.value, true);
      await loadScreen(
        this as unknown as Parameters<typeof loadScreen>[0],
        () => listArticles(filterOf(data)),
        (page) => {
          this.showFeed(page, false);
          if (saveKey !== null) saveCopy(saveKey, page);
        },
        { keepContent: options.keepContent === true || copy !== null },
      );
    },

    /** A first page replaces the list; `loadingMore` is left to loadMore, which alone sets and clears it. */
    showFeed({ items, nextCursor }: ListArticlesResponse, savedCopy: boolean) {
      this.setData({
        status: items.length > 0 ? 'ready' : 'empty',
        articles: items,
        nextCursor,
        moreError: '',
        savedCopy,
      });
    },

    onReachBottom() {
      void this.loadMore();
    },

    async loadMore() {
      const data = this.data as unknown as FeedData;
      const cursor = data.nextCursor;
      if (!cursor || data.loadingMore || data.status !== 'ready') return;
      this.setData({ loadingMore: true, moreError: '' });
      const result = await listArticles({ ...filterOf(data), cursor });
      const now = this.data as unknown as FeedData;
      if (now.nextCursor !== cursor) {
        // The list was replaced meanwhile (the refresh after a saved copy, a pull-down, another filter): this
        // page continues the OLD first page, and appended to the new one it would skip what lies between
        // (an article published meanwhile pushes the old page's last item onto page 2, never shown). Drop it;
        // the next reach of the bottom asks from the new cursor. (A load counter cannot tell: the refresh
        // that follows a saved copy starts before the reader can reach the bottom.)
        this.setData({ loadingMore: false });
        return;
      }
      if (!result.ok) {
        this.setData({ loadingMore: false, moreError: result.error.message });
        return;
      }
      const known = new Set(now.articles.map((article) => article.id));
      const fresh = result.data.items.filter((article) => !known.has(article.id));
      this.setData({
        articles: [...now.articles, ...fresh],
        nextCursor: result.data.nextCursor,
        loadingMore: false,
      });
    },

    onOpenArticle(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (id) void wx.navigateTo({ url: articlePage(id) });
    },
  },
});

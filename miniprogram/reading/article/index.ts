/**
 * 文章页 (reading subpackage): title, source, date and byline, a font-size control, then the
 * body rendered natively by <article-blocks>. Opened as /reading/article/index?id=<article id>.
 */
import { ARTICLE_CATEGORIES, STUDY_NOTE_CATEGORY, type Article, type ArticleByline } from '../../contracts/articles';
import { getArticle } from '../../services/articles';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { articlePage, queryParam } from '../../shell/routes';
import { readCopy, removeCopy, saveCopy } from '../../shell/offline-cache';
import { loadScreen, type ScreenStatus } from '../../shell/screen-load';

/** Where an opened article is kept for reading offline (shell/offline-cache.ts). */
export function articleCopyKey(id: string): string {
  return `article:${id}`;
}

/** Only the byline groups the article actually names, e.g. ['记者 张三 李四', '编辑 王五']. */
export function bylineLines(byline: ArticleByline): string[] {
  const groups: Array<[string, string[]]> = [
    ['记者', byline.reporters],
    ['通讯员', byline.correspondents],
    ['编辑', byline.editors],
  ];
  return groups.filter(([, names]) => names.length > 0).map(([label, names]) => `${label} ${names.join(' ')}`);
}

/**
 * The navigation bar says what kind of text this is, in a few characters: the source (a long
 * institution name) would be cut off by the capsule and is already printed under the title.
 * A report, or an article filed under no category, is a 课程报道.
 */
export function navigationTitle(article: Pick<Article, 'category'>): string {
  const category = article.category ?? '';
  if (category === STUDY_NOTE_CATEGORY || (ARTICLE_CATEGORIES as readonly string[]).includes(category)) {
    return category === '报道' ? '课程报道' : category;
  }
  return '课程报道';
}

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    id: '',
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    article: null as Article | null,
    bylines: [] as string[],
    /** True while the page shows a saved copy (the network answer has not replaced it). */
    savedCopy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: queryParam(query, 'id') });
      void this.load();
    },

    async load() {
      if (!this.data.id) {
        this.setData({ status: 'missing', errorMessage: '链接里没有指明文章' });
        return;
      }
      // A copy saved on an earlier visit shows at once (and is all there is without network).
      const copy = this.data.status === 'ready' ? null : readCopy<Article>(articleCopyKey(this.data.id));
      if (copy) this.show(copy.value, true);
      await loadScreen(
        this,
        () => getArticle(this.data.id),
        ({ article }) => {
          this.show(article, false);
          saveCopy(articleCopyKey(article.id), article);
        },
        {
          keepContent: copy !== null || this.data.status === 'ready',
          // Withdrawn or archived since it was saved: its copy must not stay readable (offline or online).
          onGone: () => {
            removeCopy(articleCopyKey(this.data.id));
            this.setData({ article: null, bylines: [], savedCopy: false });
          },
        },
      );
    },

    show(article: Article, savedCopy: boolean) {
      this.setData({ status: 'ready', article, bylines: bylineLines(article.byline), savedCopy });
      void wx.setNavigationBarTitle({ title: navigationTitle(article) });
    },

    onOpenNeighbour(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (id) void wx.redirectTo({ url: articlePage(id) });
    },

    onShareAppMessage() {
      const title = this.data.article?.title ?? '履职学堂';
      return { title, path: articlePage(this.data.id) };
    },

    onShareTimeline() {
      return { title: this.data.article?.title ?? '履职学堂', query: `id=${encodeURIComponent(this.data.id)}` };
    },
  },
});

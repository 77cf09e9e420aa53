/**
 * 文章页 (reading subpackage): title, source, date and byline, a font-size control, then the
 * body rendered natively by <article-blocks>. Opened as /reading/article/index?id=<article id>.
 */
import type { Article, ArticleByline } from '../../contracts/articles';
import { getArticle } from '../../services/articles';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { articlePage, queryParam } from '../../shell/routes';
import { loadScreen, type ScreenStatus } from '../../shell/screen-load';

/** Only the byline groups the article actually names, e.g. ['记者 张三 李四', '编辑 王五']. */
export function bylineLines(byline: ArticleByline): string[] {
  const groups: Array<[string, string[]]> = [
    ['记者', byline.reporters],
    ['通讯员', byline.correspondents],
    ['编辑', byline.editors],
  ];
  return groups.filter(([, names]) => names.length > 0).map(([label, names]) => `${label} ${names.join(' ')}`);
}

Component({
  behaviors: [fontSizeBehavior],
  data: {
    id: '',
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    article: null as Article | null,
    bylines: [] as string[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: queryParam(query, 'id') });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    async load() {
      if (!this.data.id) {
        this.setData({ status: 'error', errorMessage: '没有指定要打开的文章，请从首页重新进入' });
        return;
      }
      await loadScreen(
        this,
        () => getArticle(this.data.id),
        ({ article }) => {
          this.setData({ status: 'ready', article, bylines: bylineLines(article.byline) });
          void wx.setNavigationBarTitle({ title: article.source || '报道' });
        },
      );
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

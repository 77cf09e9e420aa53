/**
 * 首页: the course banner (from the training document), large entries, then the latest articles (pull down
 * to refresh, more on reaching the bottom, a saved copy shown at once and offline).
 * Written with Component() so miniprogram-simulate can load it.
 */
import { getOverview } from '../../services/training';
import { articleFeedBehavior } from '../../shell/article-feed-behavior';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { readCopy, saveCopy } from '../../shell/offline-cache';
import { reloadBehavior } from '../../shell/reload-behavior';
import { ARTICLE_LIST_PAGE, HOME_PAGE } from '../../shell/routes';
import type { LoadOptions } from '../../shell/screen-load';
import { courseBanner, type CourseBanner } from './banner';
import { HOME_ENTRIES } from './entries';
import type { HomeEntry } from './entries';

const BANNER_COPY_KEY = 'home:banner';

Component({
  behaviors: [fontSizeBehavior, reloadBehavior, articleFeedBehavior],
  data: {
    banner: null as CourseBanner | null,
    entries: HOME_ENTRIES,
    showFontSize: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },

    onShareAppMessage() {
      const name = this.data.banner?.name;
      return { title: name ? `${name} · 履职学堂` : '履职学堂', path: HOME_PAGE };
    },

    async load(options: LoadOptions = {}) {
      await Promise.all([this.loadBanner(), this.loadFeed(options)]);
    },

    /** The banner is a heading, not the page's content: without an answer it keeps its saved copy or stays hidden. */
    async loadBanner() {
      const copy = this.data.banner === null ? readCopy<CourseBanner>(BANNER_COPY_KEY) : null;
      if (copy) this.setData({ banner: copy.value });
      const result = await getOverview();
      if (!result.ok) return;
      const banner = courseBanner(result.data.training);
      this.setData({ banner });
      if (banner !== null) saveCopy(BANNER_COPY_KEY, banner);
    },

    onOpenList() {
      void wx.navigateTo({ url: ARTICLE_LIST_PAGE });
    },

    onEntryTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const entry: HomeEntry | undefined = this.data.entries.find(
        (candidate) => candidate.key === event.currentTarget.dataset.key,
      );
      if (!entry) return;
      const target = entry.target;
      if (target.kind === 'tab') void wx.switchTab({ url: target.url });
      else if (target.kind === 'page') void wx.navigateTo({ url: target.url });
      else this.setData({ showFontSize: !this.data.showFontSize });
    },
  },
});

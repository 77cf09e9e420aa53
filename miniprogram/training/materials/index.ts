/**
 * 课程资料: every material of the course (study notes, slides, other files), filtered by kind, or those of
 * one session when opened as /training/materials/index?sessionId=…
 */
import type { MaterialKind, MaterialView } from '../../contracts/training';
import { listMaterials } from '../../services/training';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { queryParam } from '../../shell/routes';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';

type Filter = 'all' | MaterialKind;

const FILTERS: { key: Filter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'article', label: '文章' },
  { key: 'file', label: '文件' },
];

const EMPTY_TEXTS: Record<Filter, string> = {
  all: '还没有课程资料',
  article: '还没有文章类资料',
  file: '还没有文件类资料',
};

Component({
  behaviors: [fontSizeBehavior, reloadBehavior],
  data: {
    filters: FILTERS,
    filter: 'all' as Filter,
    sessionId: '',
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    emptyText: EMPTY_TEXTS.all,
    materials: [] as MaterialView[],
    sessionTitles: {} as Record<string, string>,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ sessionId: queryParam(query, 'sessionId') });
      void this.load();
    },

    onFilterTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: Filter }>) {
      const key = event.currentTarget.dataset.key;
      if (!key || key === this.data.filter) return;
      this.setData({ filter: key });
      void this.load();
    },

    async load(options: LoadOptions = {}) {
      this.setData({ emptyText: EMPTY_TEXTS[this.data.filter] });
      const filter: { sessionId?: string; kind?: MaterialKind } = {};
      if (this.data.sessionId) filter.sessionId = this.data.sessionId;
      if (this.data.filter !== 'all') filter.kind = this.data.filter;
      await loadScreen(
        this,
        () => listMaterials(filter),
        ({ items, sessionTitles }) =>
          this.setData({ status: items.length > 0 ? 'ready' : 'empty', materials: items, sessionTitles }),
        options,
      );
    },
  },
});

/**
 * 审核心得 (leaders: their group; organisers: every group): the pending queue, oldest first, each with
 * 通过 / 通过并推荐 / 退回 with a comment / 隐藏, and the group's counts on top. A reflection leaves the
 * queue once handled.
 */
import type { Envelope } from '../../contracts/envelope';
import type { GroupStats, ReflectionAnswer, ReflectionPage, ReflectionSummary } from '../../contracts/reflections';
import { listReflections, reflectionStats } from '../../services/reflections';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { loadMorePages } from '../../shell/more-pages';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';
import { moderationBehavior, type ModerationMove } from '../lib/moderation-behavior';

Component({
  behaviors: [fontSizeBehavior, reloadBehavior, moderationBehavior],
  data: {
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    items: [] as ReflectionSummary[],
    nextCursor: null as string | null,
    groups: [] as GroupStats[],
    loadingMore: false,
    moreError: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async load(options: LoadOptions = {}) {
      await loadScreen(
        this,
        async (): Promise<Envelope<{ queue: ReflectionPage; groups: GroupStats[] }>> => {
          const [queue, stats] = await Promise.all([listReflections('listPending'), reflectionStats()]);
          if (!queue.ok) return queue;
          // The counts are a help, not the task: the queue shows without them.
          return { ok: true, data: { queue: queue.data, groups: stats.ok ? stats.data.groups : [] } };
        },
        ({ queue, groups }) =>
          this.setData({
            status: queue.items.length === 0 ? 'empty' : 'ready',
            items: queue.items,
            nextCursor: queue.nextCursor,
            groups,
          }),
        options,
      );
    },

    async loadMore() {
      const more = await loadMorePages(this, this.data, (cursor) => listReflections('listPending', cursor));
      if (more) this.setData(more);
    },

    /** A handled reflection leaves the queue; a failed move (e.g. someone else handled it) reloads it. */
    afterMove(id: string, _move: ModerationMove, answer: Envelope<ReflectionAnswer>) {
      if (!answer.ok) {
        void this.load({ keepContent: true });
        return;
      }
      const items = this.data.items.filter((item) => item.id !== id);
      this.setData({ items, status: items.length === 0 && this.data.nextCursor === null ? 'empty' : 'ready' });
    },
  },
});

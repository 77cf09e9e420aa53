/**
 * One reflection, whole: its text, who wrote it, the session, and — for its author — the status, the
 * reviewer's comment, 修改 and 撤回; for the leader of its group and organisers the moderation buttons
 * (通过 / 退回 with a comment / 隐藏 / 推荐为优秀 / 取消优秀).
 */
import { REFLECTION_STATUS_LABELS, type ReflectionAnswer, type ReflectionView } from '../../contracts/reflections';
import type { Envelope } from '../../contracts/envelope';
import { formatShanghaiDateTime } from '../../lib/datetime';
import { reflectionAction } from '../../services/reflections';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { reloadBehavior } from '../../shell/reload-behavior';
import { queryParam, writePage } from '../../shell/routes';
import { loadScreen, type LoadOptions, type ScreenStatus } from '../../shell/screen-load';
import { moderationBehavior, type ModerationMove } from '../lib/moderation-behavior';

function shown(reflection: ReflectionView) {
  return {
    ...reflection,
    statusLabel: REFLECTION_STATUS_LABELS[reflection.status],
    when: reflection.createdAt ? formatShanghaiDateTime(reflection.createdAt) : '',
    byline: [
      reflection.authorName,
      reflection.authorUnit,
      reflection.groupNo === null ? '' : `第${reflection.groupNo}组`,
    ]
      .filter((part) => part !== '')
      .join(' · '),
    canChange: reflection.mine && ['pending', 'published', 'returned'].includes(reflection.status),
  };
}

Component({
  behaviors: [fontSizeBehavior, reloadBehavior, moderationBehavior],
  data: {
    status: 'loading' as ScreenStatus,
    errorMessage: '',
    id: '',
    reflection: null as ReturnType<typeof shown> | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: queryParam(query, 'id') });
      void this.load();
    },

    async load(options: LoadOptions = {}) {
      await loadScreen(
        this,
        () => reflectionAction('get', this.data.id),
        ({ reflection }) => this.setData({ status: 'ready', reflection: shown(reflection) }),
        options,
      );
    },

    /** Called by the moderation behaviour with the function's answer to a move on this reflection. */
    afterMove(_id: string, _move: ModerationMove, answer: Envelope<ReflectionAnswer>) {
      if (answer.ok) this.setData({ reflection: shown(answer.data.reflection) });
    },

    onEdit() {
      void wx.navigateTo({ url: writePage(this.data.id) });
    },

    async onWithdraw() {
      const confirmed = await new Promise<boolean>((resolve) => {
        wx.showModal({
          title: '撤回这篇心得？',
          content: '撤回后本组同学将看不到它，且不能恢复。',
          confirmText: '撤回',
          success: (result) => resolve(result.confirm),
          fail: () => resolve(false),
        });
      });
      if (!confirmed) return;
      const answer = await reflectionAction('withdraw', this.data.id);
      if (answer.ok) {
        this.setData({ reflection: shown(answer.data.reflection) });
        void wx.showToast({ title: '已撤回', icon: 'none' });
      } else void wx.showToast({ title: answer.error.message, icon: 'none' });
    },
  },
});

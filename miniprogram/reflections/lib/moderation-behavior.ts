/**
 * The moderation buttons, shared by the review queue and the detail page: 通过, 通过并推荐, 退回 (with a
 * comment typed in place), 隐藏, 推荐为优秀, 取消优秀. Each button carries data-id, data-move and data-seen (the
 * updatedAt of the text on screen: a move on a reflection changed since then is refused, never applied); the page
 * mixing this in defines `afterMove(id, move, answer)` to show the outcome (drop the card, redraw).
 * A button is disabled while its reflection's move is on its way, so a double tap sends one request.
 */
import type { Envelope } from '../../contracts/envelope';
import { REFLECTION_LIMITS, type ReflectionAnswer } from '../../contracts/reflections';
import { countGraphemes, isBlank, tidy } from '../../lib/graphemes';
import { reflectionAction, returnReflection } from '../../services/reflections';

export type ModerationMove = 'approve' | 'approveFeature' | 'hide' | 'feature' | 'unfeature' | 'return';

const DONE: Record<ModerationMove, string> = {
  approve: '已通过',
  approveFeature: '已通过并推荐为优秀',
  hide: '已隐藏',
  feature: '已推荐为优秀',
  unfeature: '已取消优秀',
  return: '已退回给作者',
};

interface ModerationHost {
  data: { busyId: string; returningId: string; returningSeen: string; returnComment: string };
  setData(data: Record<string, unknown>): void;
  afterMove(id: string, move: ModerationMove, answer: Envelope<ReflectionAnswer>): void;
}

async function send(
  id: string,
  move: ModerationMove,
  seen: string,
  comment: string,
): Promise<Envelope<ReflectionAnswer>> {
  if (move === 'return') return returnReflection(id, comment, seen);
  if (move === 'approveFeature') {
    const approved = await reflectionAction('approve', id, seen);
    return approved.ok ? reflectionAction('feature', id, approved.data.reflection.updatedAt) : approved;
  }
  return reflectionAction(move, id, seen);
}

async function run(host: ModerationHost, id: string, move: ModerationMove, seen: string, comment = ''): Promise<void> {
  if (host.data.busyId !== '') return;
  host.setData({ busyId: id });
  const answer = await send(id, move, seen, comment);
  host.setData({ busyId: '', ...(answer.ok && move === 'return' ? { returningId: '', returnComment: '' } : {}) });
  void wx.showToast({ title: answer.ok ? DONE[move] : answer.error.message, icon: 'none' });
  host.afterMove(id, move, answer);
}

type MoveEvent = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { id: string; move: ModerationMove; seen?: string }
>;

export const moderationBehavior = Behavior({
  data: {
    busyId: '',
    returningId: '',
    returningSeen: '',
    returnComment: '',
    returnError: '',
    commentMax: REFLECTION_LIMITS.commentMax,
  },
  methods: {
    onModerate(event: MoveEvent) {
      const { id, move, seen } = event.currentTarget.dataset;
      if (id && move) void run(this as unknown as ModerationHost, id, move, seen ?? '');
    },

    /** 退回 opens a comment box under the reflection; the comment goes to the author. */
    onStartReturn(event: MoveEvent) {
      const { id, seen } = event.currentTarget.dataset;
      this.setData({ returningId: id, returningSeen: seen ?? '', returnComment: '', returnError: '' });
    },

    onCancelReturn() {
      this.setData({ returningId: '', returningSeen: '', returnComment: '', returnError: '' });
    },

    onReturnInput(event: WechatMiniprogram.Input) {
      this.setData({ returnComment: event.detail.value, returnError: '' });
    },

    onConfirmReturn() {
      const host = this as unknown as ModerationHost;
      const comment = tidy(host.data.returnComment);
      if (isBlank(comment)) {
        this.setData({ returnError: '请写下退回的理由，作者会看到' });
        return;
      }
      if (countGraphemes(comment) > REFLECTION_LIMITS.commentMax) {
        this.setData({ returnError: `退回意见不能超过 ${REFLECTION_LIMITS.commentMax} 个字` });
        return;
      }
      void run(host, host.data.returningId, 'return', host.data.returningSeen, comment);
    },
  },
});

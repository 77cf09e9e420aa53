/** 审核心得 and the detail page's moderation buttons: approve, approve and feature, return with a comment, hide. */
import type { CloudCall } from '../../support/simulate';
import { installMiniprogram, openPage, select, selectAll, settle, tap, text } from '../../support/simulate';
import { summary, view } from './fixtures';

const STATS = {
  ok: true,
  data: { groups: [{ groupNo: 3, enrolled: 12, submitted: 5, pending: 2, published: 3, featured: 1 }] },
};

function queue() {
  return [
    summary('p1', {
      title: '待审一',
      status: 'pending',
      authorName: '示例学员甲',
      checkNote: '自动检查未能完成，请人工审核',
    }),
    summary('p2', { title: '待审二', status: 'pending', authorName: '示例学员乙' }),
  ];
}

/** The updatedAt of every fixture reflection: what the reviewer saw, sent with each move (a later edit -> CONFLICT). */
const SEEN = summary('any').updatedAt;

function moves(calls: CloudCall[]) {
  return calls.filter((call) => !['listPending', 'stats'].includes(String(call.data.action))).map((call) => call.data);
}

function reviewCloud() {
  return (_name: string, data: Record<string, unknown>) => {
    if (data.action === 'listPending') return { ok: true, data: { items: queue(), nextCursor: null } };
    if (data.action === 'stats') return STATS;
    const status = data.action === 'return' ? 'returned' : data.action === 'hide' ? 'hidden' : 'published';
    return { ok: true, data: { reflection: view(String(data.id), { status, featured: data.action === 'feature' }) } };
  };
}

test('shows the queue oldest first with its counts and the buttons a pending reflection allows', async () => {
  installMiniprogram({ cloud: reviewCloud() });
  const page = await openPage('reflections/review/index');
  expect(text(select(page, '.stats'))).toContain('第3组');
  expect(text(select(page, '.stats'))).toContain('待审 2');
  const cards = selectAll(page, '.pending-item');
  expect(cards.map((card) => text(card))).toEqual([
    expect.stringContaining('待审一'),
    expect.stringContaining('待审二'),
  ]);
  for (const button of [
    '.moderation__approve',
    '.moderation__approve-feature',
    '.moderation__return',
    '.moderation__hide',
  ]) {
    expect(select(cards[0], button)).toBeDefined();
  }
  expect(select(cards[0], '.moderation__feature')).toBeUndefined();
  expect(text(select(cards[0], '.reflection-card__check'))).toBe('自动检查未能完成，请人工审核');
  expect(select(cards[1], '.reflection-card__check')).toBeUndefined();
});

test('通过 approves and the reflection leaves the queue; 通过并推荐 approves then features', async () => {
  const harness = installMiniprogram({ cloud: reviewCloud() });
  const page = await openPage('reflections/review/index');
  await tap(select(selectAll(page, '.pending-item')[0], '.moderation__approve', '.t-button'));
  await settle();
  expect(moves(harness.cloudCalls)).toEqual([{ action: 'approve', id: 'p1', updatedAt: SEEN }]);
  expect(selectAll(page, '.pending-item').map((card) => text(card))).toEqual([expect.stringContaining('待审二')]);
  await tap(select(selectAll(page, '.pending-item')[0], '.moderation__approve-feature', '.t-button'));
  await settle();
  expect(moves(harness.cloudCalls).slice(1)).toEqual([
    { action: 'approve', id: 'p2', updatedAt: SEEN },
    { action: 'feature', id: 'p2', updatedAt: SEEN },
  ]);
  expect(harness.toasts).toEqual(['已通过', '已通过并推荐为优秀']);
  expect(select(page, '.page-state', '.state-view__empty')).toBeDefined();
});

test('退回 asks for a comment first, then sends it to the author', async () => {
  const harness = installMiniprogram({ cloud: reviewCloud() });
  const page = await openPage('reflections/review/index');
  const card = selectAll(page, '.pending-item')[1];
  await tap(select(card, '.moderation__return', '.t-button'));
  await tap(select(card, '.moderation__confirm-return', '.t-button'));
  expect(text(select(card, '.moderation__error'))).toContain('请写下退回的理由');
  expect(moves(harness.cloudCalls)).toEqual([]);
  select(card, '.moderation__comment')?.dispatchEvent('input', { detail: { value: '请结合本县实际补充' } });
  await settle();
  await tap(select(card, '.moderation__confirm-return', '.t-button'));
  await settle();
  expect(moves(harness.cloudCalls)).toEqual([
    { action: 'return', id: 'p2', comment: '请结合本县实际补充', updatedAt: SEEN },
  ]);
  expect(selectAll(page, '.pending-item')).toHaveLength(1);
});

test('隐藏 hides; a move someone else made first reloads the queue', async () => {
  const harness = installMiniprogram({ cloud: reviewCloud() });
  const page = await openPage('reflections/review/index');
  harness.setCloud((name, data) =>
    data.action === 'hide'
      ? { ok: false, error: { code: 'CONFLICT', message: '这篇心得刚被他人处理过，请刷新后重试' } }
      : reviewCloud()(name, data),
  );
  await tap(select(selectAll(page, '.pending-item')[0], '.moderation__hide', '.t-button'));
  await settle();
  expect(harness.toasts).toEqual(['这篇心得刚被他人处理过，请刷新后重试']);
  expect(harness.cloudCalls.filter((call) => call.data.action === 'listPending')).toHaveLength(2);
});

test('the detail page gives a reviewer 推荐为优秀 on a published reflection, then 取消优秀', async () => {
  const harness = installMiniprogram({
    cloud: (_name, data) =>
      data.action === 'get'
        ? { ok: true, data: { reflection: view('r9', { reviewable: true, title: '值得推荐' }) } }
        : { ok: true, data: { reflection: view('r9', { reviewable: true, featured: data.action === 'feature' }) } },
  });
  const page = await openPage('reflections/detail/index', { id: 'r9' });
  expect(text(select(page, '.detail__title'))).toBe('值得推荐');
  expect(select(page, '.moderation__approve')).toBeUndefined();
  await tap(select(page, '.moderation__feature', '.t-button'));
  await settle();
  expect(text(select(page, '.detail__badge--featured'))).toBe('优秀心得');
  expect(select(page, '.moderation__unfeature')).toBeDefined();
  expect(harness.cloudCalls.map((call) => call.data)).toEqual([
    { action: 'get', id: 'r9' },
    { action: 'feature', id: 'r9', updatedAt: SEEN },
  ]);
});

test('the detail page shows a trainee no moderation buttons, and the author the reviewer’s comment with 修改', async () => {
  const harness = installMiniprogram({
    cloud: () => ({
      ok: true,
      data: { reflection: view('r5', { mine: true, status: 'returned', comment: '请补充' }) },
    }),
  });
  const page = await openPage('reflections/detail/index', { id: 'r5' });
  expect(select(page, '.moderation')).toBeUndefined();
  expect(text(select(page, '.detail__comment'))).toBe('审核意见：请补充');
  expect(text(select(page, '.detail__status'))).toBe('已退回');
  await tap(select(page, '.detail__edit', '.t-button'));
  expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reflections/write/index?id=r5' }]);
});

test('the author withdraws after confirming; the page shows 已撤回', async () => {
  const harness = installMiniprogram({
    cloud: (_name, data) =>
      data.action === 'get'
        ? { ok: true, data: { reflection: view('r7', { mine: true, status: 'published' }) } }
        : { ok: true, data: { reflection: view('r7', { mine: true, status: 'withdrawn' }) } },
  });
  const asked: string[] = [];
  let confirm = false;
  Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
    showModal: (options: { title: string; success: (result: { confirm: boolean }) => void }) => {
      asked.push(options.title);
      options.success({ confirm });
    },
  });
  const page = await openPage('reflections/detail/index', { id: 'r7' });
  await tap(select(page, '.detail__withdraw', '.t-button'));
  expect(asked).toEqual(['撤回这篇心得？']);
  expect(harness.cloudCalls.map((call) => call.data.action)).toEqual(['get']);
  confirm = true;
  await tap(select(page, '.detail__withdraw', '.t-button'));
  await settle();
  expect(harness.cloudCalls.map((call) => call.data)).toEqual([
    { action: 'get', id: 'r7' },
    { action: 'withdraw', id: 'r7' },
  ]);
  expect(text(select(page, '.detail__status'))).toBe('已撤回');
  expect(select(page, '.detail__withdraw')).toBeUndefined();
});

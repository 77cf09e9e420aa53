/** 研讨 tab: the wall, its empty state, the other lists, the review entry, and the visitor's invitation. */
import type { CloudHandler } from '../../support/simulate';
import { installMiniprogram, openPage, select, selectAll, settle, tap, text } from '../../support/simulate';
import { summary } from './fixtures';

function wall(items: ReturnType<typeof summary>[], extra: Record<string, unknown> = {}) {
  return { ok: true, data: { items, nextCursor: null, groupNo: 3, canReview: false, ...extra } };
}

function reflections(answers: Record<string, unknown>): CloudHandler {
  return (_name, data) =>
    answers[String(data.action)] ?? { ok: false, error: { code: 'INTERNAL', message: '未预期的请求' } };
}

test('shows my group’s wall, newest first, with the group in the heading and a write button', async () => {
  const harness = installMiniprogram({
    cloud: reflections({ listGroup: wall([summary('a', { title: '甲的心得' }), summary('b', { title: '乙的心得' })]) }),
  });
  const page = await openPage('pages/discuss/index');
  expect(text(select(page, '.intro'))).toContain('第3组 · 分组研讨');
  expect(selectAll(page, '.reflection-item').map((card) => text(card))).toEqual([
    expect.stringContaining('甲的心得'),
    expect.stringContaining('乙的心得'),
  ]);
  expect(select(page, '.review-entry')).toBeUndefined();
  await tap(select(page, '.intro__write', '.t-button'));
  expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reflections/write/index' }]);
});

test('an empty wall invites writing', async () => {
  const harness = installMiniprogram({ cloud: reflections({ listGroup: wall([]) }) });
  const page = await openPage('pages/discuss/index');
  expect(text(select(page, '.list-empty'))).toContain('本组还没有人发表心得');
  await tap(select(page, '.list-empty__write', '.t-button'));
  expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reflections/write/index' }]);
});

test('the featured and my own lists load when their tab is chosen; mine shows status and the reviewer’s comment', async () => {
  const harness = installMiniprogram({
    cloud: reflections({
      listGroup: wall([]),
      listFeatured: {
        ok: true,
        data: { items: [summary('f', { title: '第五组的优秀心得', featured: true, groupNo: 5 })], nextCursor: null },
      },
      listMine: {
        ok: true,
        data: {
          items: [summary('m', { title: '被退回的心得', status: 'returned', comment: '请补充本县做法', mine: true })],
          nextCursor: null,
        },
      },
    }),
  });
  const page = await openPage('pages/discuss/index');
  const [, featuredTab, mineTab] = selectAll(page, '.tab');
  await tap(featuredTab);
  expect(text(select(page, '.reflection-item'))).toContain('第五组的优秀心得');
  expect(text(select(page, '.reflection-item'))).toContain('优秀');
  await tap(mineTab);
  const mine = text(select(page, '.reflection-item'));
  expect(mine).toContain('已退回');
  expect(mine).toContain('审核意见：请补充本县做法');
  expect(harness.cloudCalls.map((call) => call.data.action)).toEqual(['listGroup', 'listFeatured', 'listMine']);
});

test('loads more of the wall by cursor', async () => {
  const harness = installMiniprogram({
    cloud: (_name, data) =>
      data.cursor === 'c1'
        ? wall([summary('b', { title: '第二页' })])
        : {
            ok: true,
            data: { items: [summary('a', { title: '第一页' })], nextCursor: 'c1', groupNo: 3, canReview: false },
          },
  });
  const page = await openPage('pages/discuss/index');
  await tap(select(page, '.list-footer__more'));
  await settle();
  expect(selectAll(page, '.reflection-item')).toHaveLength(2);
  expect(harness.cloudCalls[1].data).toEqual({ action: 'listGroup', cursor: 'c1' });
  expect(text(select(page, '.list-footer'))).toContain('没有更多了');
});

test('leaders and organisers get the way to the review queue', async () => {
  const harness = installMiniprogram({ cloud: reflections({ listGroup: wall([], { canReview: true }) }) });
  const page = await openPage('pages/discuss/index');
  await tap(select(page, '.review-entry'));
  expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reflections/review/index' }]);
});

test('a visitor who has not enrolled sees an invitation to enrol on 我的, not a wall', async () => {
  const harness = installMiniprogram({
    cloud: reflections({
      listGroup: { ok: false, error: { code: 'PERMISSION_DENIED', message: '请先在“我的”页面加入培训班' } },
    }),
  });
  const page = await openPage('pages/discuss/index');
  expect(text(select(page, '.invite'))).toContain('加入培训班后参与研讨');
  expect(selectAll(page, '.reflection-item')).toHaveLength(0);
  expect(select(page, '.tabs')).toBeUndefined();
  await tap(select(page, '.invite__enrol', '.t-button'));
  expect(harness.navigations).toEqual([{ kind: 'switchTab', url: '/pages/me/index' }]);

  // Enrolled on 我的, back on this tab (WeChat keeps the tab page loaded and calls onShow): the wall, no invitation.
  harness.setCloud(reflections({ listGroup: wall([summary('a', { title: '报名后看到的心得' })]) }));
  (page.instance as { onShow: () => void }).onShow();
  await settle();
  expect(select(page, '.invite')).toBeUndefined();
  expect(text(select(page, '.reflection-item'))).toContain('报名后看到的心得');
});

import { page, summary } from './fixtures/articles';
import {
  installMiniprogram,
  openPage,
  select,
  selectAll,
  settle,
  tap,
  text,
  type SimComponent,
} from '../support/simulate';

const titles = (list: SimComponent) => selectAll(list, '.list-item__title').map((node) => text(node).trim());

describe('文章列表', () => {
  test('shows every article with its category, date, source, summary, cover and pinned mark', async () => {
    const harness = installMiniprogram({
      cloud: () =>
        page([
          summary('n1', '报到须知', {
            category: '通知',
            pinned: true,
            summary: '报到时间与地点',
            source: '培训班组织者',
          }),
          summary('r1', '培训班侧记', { category: '报道', cover: 'cloud://env/photo.jpg' }),
        ]),
    });
    const list = await openPage('reading/list/index');
    expect(harness.cloudCalls).toEqual([{ name: 'articles', data: { action: 'list' } }]);
    expect(titles(list)).toEqual(['置顶报到须知', '培训班侧记']);
    const [first, second] = selectAll(list, '.list-item');
    expect(text(first)).toContain('报到时间与地点');
    expect(text(first)).toContain('通知');
    expect(select(first, '.list-item__cover')).toBeUndefined();
    expect(select(second, '.list-item__cover')).toBeDefined();
    await tap(second);
    expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reading/article/index?id=r1' }]);
  });

  test('category tabs ask for that category; 全部 asks for all again', async () => {
    const harness = installMiniprogram({
      cloud: (_name, data) =>
        page([summary(`x-${String(data.category ?? 'all')}`, `类别 ${String(data.category ?? '全部')}`)]),
    });
    const list = await openPage('reading/list/index');
    const tabs = selectAll(list, '.tab');
    expect(tabs.map((tab) => text(tab).trim())).toEqual(['全部', '通知', '报道', '学习资料']);
    await tap(tabs[3]);
    expect(titles(list)).toEqual(['类别 学习资料']);
    expect(selectAll(list, '.tab--active').map((tab) => text(tab).trim())).toEqual(['学习资料']);
    await tap(tabs[0]);
    expect(harness.cloudCalls.map((call) => call.data)).toEqual([
      { action: 'list' },
      { action: 'list', category: '学习资料' },
      { action: 'list' },
    ]);
  });

  test('search sends the keyword within the current tab; no result says what to do; clearing shows all', async () => {
    const harness = installMiniprogram({
      cloud: (_name, data) => (data.q === '无此词' ? page([]) : page([summary('a', `结果 ${String(data.q ?? '')}`)])),
    });
    const list = await openPage('reading/list/index');
    await tap(selectAll(list, '.tab')[2]);
    const input = select(list, '.search__input')!;
    input.dispatchEvent('input', { detail: { value: ' 监督 ' } });
    await settle();
    await tap(select(list, '.search__button'));
    expect(titles(list)).toEqual(['结果 监督']);
    expect(harness.cloudCalls[harness.cloudCalls.length - 1].data).toEqual({
      action: 'list',
      category: '报道',
      q: '监督',
    });

    input.dispatchEvent('input', { detail: { value: '无此词' } });
    await settle();
    await tap(select(list, '.search__button'));
    const empty = select(list, '.page-state', '.state-view__empty');
    expect(text(empty)).toContain('没有找到相关文章');
    expect(text(empty)).toContain('换个关键词');

    await tap(select(list, '.search__clear'));
    expect(harness.cloudCalls[harness.cloudCalls.length - 1].data).toEqual({ action: 'list', category: '报道' });
  });

  test('reaching the bottom loads the next page by cursor, with the same filter', async () => {
    const harness = installMiniprogram({
      cloud: (_name, data) =>
        data.cursor === 'c2'
          ? page([summary('a3', '第三篇')])
          : page([summary('a1', '第一篇'), summary('a2', '第二篇')], 'c2'),
    });
    const list = await openPage('reading/list/index');
    await tap(selectAll(list, '.tab')[1]);
    (list.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await settle();
    expect(titles(list)).toEqual(['第一篇', '第二篇', '第三篇']);
    expect(harness.cloudCalls[harness.cloudCalls.length - 1].data).toEqual({
      action: 'list',
      category: '通知',
      cursor: 'c2',
    });
    expect(text(select(list, '.list-footer__end'))).toContain('已显示全部');
  });

  test('a next page asked for while the saved list was refreshed is dropped: no gap, never two at once', async () => {
    // Seen last time: 第一篇, 第二篇 (cursor after 第二篇).
    const online = installMiniprogram({
      cloud: () => page([summary('a1', '第一篇'), summary('a2', '第二篇')], 'old-c2'),
    });
    await openPage('reading/list/index');
    const saved = new Map(online.storage);

    // Meanwhile 新一篇 was published: the fresh first page ends at 第一篇, and 第二篇 is on page 2 now.
    const answers = new Map<string, (answer: unknown) => void>();
    const harness = installMiniprogram({
      cloud: (_name, data) => new Promise((resolve) => answers.set(String(data.cursor ?? 'first'), resolve)),
    });
    for (const [key, value] of saved) harness.storage.set(key, value);
    const list = await openPage('reading/list/index');
    expect(titles(list)).toEqual(['第一篇', '第二篇']);
    const reachBottom = () => (list.instance as unknown as { onReachBottom(): void }).onReachBottom();
    const cursorsAsked = () => harness.cloudCalls.map((call) => call.data.cursor).filter(Boolean);

    reachBottom(); // from the saved list's cursor, while its refresh is still on the way
    await settle();
    answers.get('first')!(page([summary('a0', '新一篇'), summary('a1', '第一篇')], 'new-c2'));
    await settle();
    expect(titles(list)).toEqual(['新一篇', '第一篇']);
    reachBottom(); // the old request is still out: no second one
    await settle();
    expect(cursorsAsked()).toEqual(['old-c2']);

    // The old page 2 (after 第二篇) would leave 第二篇 out: it is dropped, and the footer stops loading.
    answers.get('old-c2')!(page([summary('a3', '第三篇')]));
    await settle();
    expect(titles(list)).toEqual(['新一篇', '第一篇']);
    expect(select(list, '.list-footer__end')).toBeUndefined();

    reachBottom();
    await settle();
    expect(cursorsAsked()).toEqual(['old-c2', 'new-c2']);
    answers.get('new-c2')!(page([summary('a2', '第二篇'), summary('a3', '第三篇')]));
    await settle();
    expect(titles(list)).toEqual(['新一篇', '第一篇', '第二篇', '第三篇']);
  });

  test('pull-down refresh reloads and stops the spinner', async () => {
    let round = 0;
    installMiniprogram({ cloud: () => page([summary(`a${++round}`, `第${round}次`)]) });
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const list = await openPage('reading/list/index');
    await (list.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    await settle();
    expect(titles(list)).toEqual(['第2次']);
    expect(stop).toHaveBeenCalled();
  });

  test('without network the last list shows from storage, marked as a saved copy; a filtered list is not saved', async () => {
    const online = installMiniprogram({ cloud: () => page([summary('a1', '上次的文章')]) });
    await openPage('reading/list/index');
    const saved = new Map(online.storage);
    const offline = installMiniprogram({ cloud: () => new Error('offline') });
    for (const [key, value] of saved) offline.storage.set(key, value);
    const list = await openPage('reading/list/index');
    expect(titles(list)).toEqual(['上次的文章']);
    expect(text(select(list, '.saved-copy'))).toContain('离线');
    expect(offline.toasts).toEqual(['网络不给力，请检查网络后重试']);

    // Back online: the fresh answer replaces the copy and the mark goes away.
    offline.setCloud(() => page([summary('a2', '最新的文章')]));
    await (list.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    await settle();
    expect(titles(list)).toEqual(['最新的文章']);
    expect(select(list, '.saved-copy')).toBeUndefined();
  });
});

import { page, summary } from './fixtures/articles';
import type { TrainingView } from '../../miniprogram/contracts/training';
import {
  installMiniprogram,
  openPage,
  select,
  selectAll,
  settle,
  tap,
  text,
  type CloudHandler,
  type Harness,
} from '../support/simulate';

/** The course as the training function's overview answers it (facts from seed/training/training.json). */
const TRAINING: TrainingView = {
  id: 'xinyang-2024-11-renda-training',
  name: '信阳全市县乡人大干部履职能力提升培训班',
  theme: '',
  organiser: '市人大常委会',
  venue: '大别山干部学院',
  startDate: '2024-11-18',
  endDate: '2024-11-20',
  groupCount: 10,
  source: '',
  reportArticleId: null,
  problems: [],
};

/** The home page asks two functions: `training` for the banner (answered here), `articles` by the test's handler. */
function withTraining(articles: CloudHandler, training: TrainingView | null = TRAINING): CloudHandler {
  return (name, data) =>
    name === 'training'
      ? { ok: true, data: { training, days: [], unscheduled: [], counts: { total: 0 } } }
      : articles(name, data);
}

function articleCalls(harness: Harness) {
  return harness.cloudCalls.filter((call) => call.name === 'articles');
}

describe('首页', () => {
  test('shows the course banner and the articles the service returns', async () => {
    const harness = installMiniprogram({
      cloud: withTraining(() => page([summary('a1', '信阳举办县乡人大干部培训班')])),
    });
    const home = await openPage('pages/home/index');

    expect(text(select(home, '.banner'))).toContain('信阳全市县乡人大干部履职能力提升培训班');
    expect(text(select(home, '.banner'))).toContain('2024年11月18日—20日');
    expect(text(select(home, '.banner'))).toContain('大别山干部学院');
    const items = selectAll(home, '.article-item');
    expect(items).toHaveLength(1);
    expect(text(items[0])).toContain('信阳举办县乡人大干部培训班');
    expect(text(items[0])).toContain('2024-11-20');
    expect(text(items[0])).toContain('河南省人大融媒体中心');
    expect(articleCalls(harness)).toEqual([{ name: 'articles', data: { action: 'list' } }]);

    await tap(items[0]);
    expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reading/article/index?id=a1' }]);
  });
});

describe('首页 states', () => {
  test('empty list says what to do', async () => {
    installMiniprogram({ cloud: withTraining(() => page([])) });
    const home = await openPage('pages/home/index');
    const empty = select(home, '.page-state', '.state-view__empty');
    expect(empty).toBeDefined();
    expect(text(empty)).toContain('还没有发布报道');
    expect(text(empty)).toContain('下拉页面可以刷新');
    expect(selectAll(home, '.article-item')).toHaveLength(0);
  });

  test('shows the skeleton while the first page is on its way', async () => {
    let answer: (value: unknown) => void = () => undefined;
    installMiniprogram({ cloud: withTraining(() => new Promise((resolve) => (answer = resolve))) });
    const home = await openPage('pages/home/index');
    expect(select(home, '.page-state', '.state-view__skeleton')).toBeDefined();
    answer(page([summary('a1', '标题一')]));
    await settle();
    expect(select(home, '.page-state')).toBeUndefined();
    expect(selectAll(home, '.article-item')).toHaveLength(1);
  });

  test('a network failure shows the error state; retry loads the list', async () => {
    const harness = installMiniprogram({ cloud: withTraining(() => new Error('timeout')) });
    const home = await openPage('pages/home/index');
    const error = select(home, '.page-state', '.state-view__error');
    expect(text(error)).toContain('网络不给力，请检查网络后重试');

    harness.setCloud(withTraining(() => page([summary('a1', '重试后的报道')])));
    // The tap lands on TDesign's inner <button>, which emits the t-button's own tap.
    await tap(select(home, '.page-state', '.state-view__retry', '.t-button'));
    expect(select(home, '.page-state')).toBeUndefined();
    expect(text(select(home, '.article-item'))).toContain('重试后的报道');
    expect(articleCalls(harness)).toHaveLength(2);
  });

  test('a function error shows its own message', async () => {
    installMiniprogram({
      cloud: withTraining(() => ({ ok: false, error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } })),
    });
    const home = await openPage('pages/home/index');
    expect(text(select(home, '.page-state', '.state-view__error'))).toContain('操作过于频繁，请稍后再试');
  });

  test('an answer of another shape (a function out of step with the client) ends in the error state, not a skeleton', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const harness = installMiniprogram({ cloud: withTraining(() => ({ ok: true, data: { articles: [] } })) });
    const home = await openPage('pages/home/index');
    expect(select(home, '.page-state', '.state-view__skeleton')).toBeUndefined();
    expect(text(select(home, '.page-state', '.state-view__error'))).toContain('内容暂时无法显示，请更新小程序后重试');
    expect(error).toHaveBeenCalled();

    harness.setCloud(withTraining(() => page([summary('a1', '更新后的报道')])));
    await tap(select(home, '.page-state', '.state-view__retry', '.t-button'));
    expect(text(select(home, '.article-item'))).toContain('更新后的报道');
    error.mockRestore();
  });

  test('a slow answer overtaken by a retry is dropped', async () => {
    const answers: ((value: unknown) => void)[] = [];
    installMiniprogram({ cloud: withTraining(() => new Promise((resolve) => answers.push(resolve))) });
    const home = await openPage('pages/home/index');
    (home.instance as unknown as { onRetry(): void }).onRetry();
    await settle();
    answers[1](page([summary('new', '新的答复')]));
    await settle();
    answers[0](page([summary('old', '旧的答复')]));
    await settle();
    expect(selectAll(home, '.article-item').map((item) => text(item))).toEqual([expect.stringContaining('新的答复')]);
  });
});

describe('首页 paging', () => {
  test('reaching the bottom loads the next page with nextCursor, then says all are shown', async () => {
    const harness = installMiniprogram({
      cloud: withTraining((_name, data) =>
        data.cursor === 'c2'
          ? page([summary('a3', '第三篇')])
          : page([summary('a1', '第一篇'), summary('a2', '第二篇')], 'c2'),
      ),
    });
    const home = await openPage('pages/home/index');
    expect(selectAll(home, '.article-item')).toHaveLength(2);
    expect(select(home, '.list-footer__more')).toBeDefined();

    (home.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await settle();
    expect(articleCalls(harness).map((call) => call.data)).toEqual([
      { action: 'list' },
      { action: 'list', cursor: 'c2' },
    ]);
    const items = selectAll(home, '.article-item').map((item) => text(item));
    expect(items).toEqual([
      expect.stringContaining('第一篇'),
      expect.stringContaining('第二篇'),
      expect.stringContaining('第三篇'),
    ]);
    expect(text(select(home, '.list-footer__end'))).toContain('已显示全部文章');

    // Nothing more to fetch: another reach-bottom asks nothing.
    (home.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await settle();
    expect(articleCalls(harness)).toHaveLength(2);
  });

  test('a failed next page keeps the list and offers a retry in the footer', async () => {
    let failNext = true;
    installMiniprogram({
      cloud: withTraining((_name, data) => {
        if (!data.cursor) return page([summary('a1', '第一篇')], 'c2');
        if (failNext) return new Error('offline');
        return page([summary('a2', '第二篇')]);
      }),
    });
    const home = await openPage('pages/home/index');
    (home.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await settle();
    expect(selectAll(home, '.article-item')).toHaveLength(1);
    expect(text(select(home, '.list-footer__error'))).toContain('网络不给力');

    failNext = false;
    await tap(select(home, '.list-footer__error'));
    expect(selectAll(home, '.article-item')).toHaveLength(2);
  });

  test('pull-down refresh reloads the first page and stops the spinner', async () => {
    let round = 0;
    installMiniprogram({ cloud: withTraining(() => page([summary(`a${++round}`, `第${round}次`)])) });
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const home = await openPage('pages/home/index');
    await (home.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    await settle();
    expect(text(select(home, '.article-item'))).toContain('第2次');
    expect(stop).toHaveBeenCalled();
  });
});

describe('首页 banner', () => {
  test('comes from the training document: a date or venue changed there shows here', async () => {
    const moved = { ...TRAINING, venue: '信阳市委党校', startDate: '2024-11-30', endDate: '2024-12-02' };
    installMiniprogram({ cloud: withTraining(() => page([]), moved) });
    const home = await openPage('pages/home/index');
    expect(text(select(home, '.banner'))).toContain('2024年11月30日—12月2日');
    expect(text(select(home, '.banner'))).toContain('信阳市委党校');
  });

  test('no training document: no banner, the articles still show', async () => {
    installMiniprogram({ cloud: withTraining(() => page([summary('a1', '标题')]), null) });
    const home = await openPage('pages/home/index');
    expect(select(home, '.banner')).toBeUndefined();
    expect(selectAll(home, '.article-item')).toHaveLength(1);
  });

  test('offline: the banner and the latest list saved on the last visit show at once, marked as a saved copy', async () => {
    const online = installMiniprogram({ cloud: withTraining(() => page([summary('a1', '上次看到的文章')])) });
    await openPage('pages/home/index');
    const saved = new Map(online.storage);
    const offline = installMiniprogram({ cloud: () => new Error('offline') });
    for (const [key, value] of saved) offline.storage.set(key, value);
    const home = await openPage('pages/home/index');
    expect(text(select(home, '.banner'))).toContain('大别山干部学院');
    expect(text(select(home, '.article-item'))).toContain('上次看到的文章');
    expect(text(select(home, '.saved-copy'))).toContain('已保存的副本');
    expect(select(home, '.page-state')).toBeUndefined();
  });
});

describe('首页 entries', () => {
  test('every entry leads somewhere: 日程 研讨 我的 switch tab, 课程资料 文章 open a page, 字号 opens the control', async () => {
    const harness = installMiniprogram({ cloud: withTraining(() => page([summary('a1', '标题')])) });
    const home = await openPage('pages/home/index');
    await tap(select(home, '.entry--schedule'));
    await tap(select(home, '.entry--materials'));
    await tap(select(home, '.entry--discuss'));
    await tap(select(home, '.entry--me'));
    await tap(select(home, '.entry--articles'));
    expect(harness.navigations).toEqual([
      { kind: 'switchTab', url: '/pages/schedule/index' },
      { kind: 'navigateTo', url: '/training/materials/index' },
      { kind: 'switchTab', url: '/pages/discuss/index' },
      { kind: 'switchTab', url: '/pages/me/index' },
      { kind: 'navigateTo', url: '/reading/list/index' },
    ]);

    expect(select(home, '.font-size-card')).toBeUndefined();
    await tap(select(home, '.entry--fontSize'));
    expect(select(home, '.font-size-card')).toBeDefined();
  });

  test('each entry is listed once', async () => {
    installMiniprogram({ cloud: withTraining(() => page([])) });
    const home = await openPage('pages/home/index');
    const labels = selectAll(home, '.entry__label').map((label) => text(label));
    expect(labels).toEqual([...new Set(labels)]);
    expect(labels).toContain('课程资料');
  });

  test('labels and hints are at most four characters, the width the tiles are sized for (no word breaks)', async () => {
    installMiniprogram({ cloud: withTraining(() => page([])) });
    const home = await openPage('pages/home/index');
    const texts = selectAll(home, '.entry__label, .entry__hint').map((node) => text(node).trim());
    expect(texts.length).toBe(12);
    for (const entryText of texts) expect([...entryText].length).toBeLessThanOrEqual(4);
  });
});

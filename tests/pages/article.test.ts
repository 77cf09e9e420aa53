import type { Article, ArticleBlock } from '../../miniprogram/contracts/articles';
import { dataset, installMiniprogram, openPage, select, selectAll, settle, tap, text } from '../support/simulate';

const blocks: ArticleBlock[] = [
  { type: 'paragraph', text: '11月18日至20日，信阳全市县乡人大干部履职能力提升培训班在大别山干部学院举办。' },
  { type: 'heading', level: 2, text: '突出政治引领' },
  { type: 'quote', paragraphs: ['引文第一段', '引文第二段'] },
  { type: 'image', src: 'cloud://env-1.bucket/photos/opening.jpg', name: 'opening.jpg', caption: '开班仪式现场' },
  { type: 'image', src: '', name: '图片2.png', caption: '学员现场教学' },
  { type: 'list', ordered: true, items: ['第一项', '第二项'] },
];

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    title: '信阳市举办县乡人大干部履职能力提升培训班',
    source: '河南省人大融媒体中心',
    publishedAt: '2024-11-22',
    summary: '',
    cover: '',
    updatedAt: '2024-11-22T08:00:00.000Z',
    byline: { reporters: ['张三'], correspondents: [], editors: ['李四'] },
    blocks,
    pinned: false,
    previous: null,
    next: null,
    ...overrides,
  };
}

describe('文章页', () => {
  test('renders title, source, date, byline and every kind of block', async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
    const page = await openPage('reading/article/index', { id: 'a1' });

    expect(harness.cloudCalls).toEqual([{ name: 'articles', data: { action: 'get', id: 'a1' } }]);
    expect(text(select(page, '.article__header'))).toContain('信阳市举办县乡人大干部履职能力提升培训班');
    expect(text(select(page, '.article__header'))).toContain('河南省人大融媒体中心');
    expect(text(select(page, '.article__header'))).toContain('2024-11-22');
    const bylines = selectAll(page, '.article__byline').map((node) => text(node));
    expect(bylines).toEqual(['记者 张三', '编辑 李四']);

    const body = select(page, '.article-blocks')!;
    expect(text(select(body, '.block-heading'))).toBe('突出政治引领');
    expect(select(body, '.block-heading', '.block-heading__bar')).toBeDefined();
    expect(selectAll(body, '.block-quote__paragraph').map((node) => text(node))).toEqual(['引文第一段', '引文第二段']);
    expect(text(select(body, '.block-paragraph'))).toContain('大别山干部学院');
    expect(selectAll(body, '.block-list__item').map((node) => text(node))).toEqual(['1.第一项', '2.第二项']);

    // The cloud:// photo was resolved to https by the service; the missing one is a placeholder.
    expect(dataset(select(body, '.block-image__photo')).src).toBe(
      'https://tmp.example.test/cloud%3A%2F%2Fenv-1.bucket%2Fphotos%2Fopening.jpg',
    );
    const placeholder = select(body, '.block-image__placeholder');
    expect(text(placeholder)).toContain('图片暂缺');
    expect(text(placeholder)).toContain('图片2.png');
    expect(selectAll(body, '.block-image__caption').map((node) => text(node))).toEqual([
      '开班仪式现场',
      '学员现场教学',
    ]);
  });

  test('tapping a photo opens the preview with every real photo', async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
    const page = await openPage('reading/article/index', { id: 'a1' });
    const blocksComponent = select(page, '.article-blocks');
    await tap(select(blocksComponent!, '.block-image__photo'));
    const url = 'https://tmp.example.test/cloud%3A%2F%2Fenv-1.bucket%2Fphotos%2Fopening.jpg';
    expect(harness.previews).toEqual([{ current: url, urls: [url] }]);
  });

  test('a photo whose cloud file is gone becomes the placeholder, not a broken image', async () => {
    installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }), tempFileUrl: () => null });
    const page = await openPage('reading/article/index', { id: 'a1' });
    const body = select(page, '.article-blocks')!;
    expect(select(body, '.block-image__photo')).toBeUndefined();
    expect(selectAll(body, '.block-image__placeholder')).toHaveLength(2);
  });

  test('shows the article skeleton first, then the content', async () => {
    let answer: (value: unknown) => void = () => undefined;
    installMiniprogram({ cloud: () => new Promise((resolve) => (answer = resolve)) });
    const page = await openPage('reading/article/index', { id: 'a1' });
    expect(select(page, '.page-state', '.state-view__skeleton')).toBeDefined();
    expect(select(page, '.article__header')).toBeUndefined();
    answer({ ok: true, data: { article: article() } });
    await settle();
    expect(select(page, '.page-state')).toBeUndefined();
    expect(text(select(page, '.article__header'))).toContain('信阳市举办');
  });

  test('not found says so and leads back to the home page: no retry, which could not help', async () => {
    const harness = installMiniprogram({
      cloud: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '内容不存在或已被删除' } }),
    });
    const gone = await openPage('reading/article/index', { id: 'missing' });
    expect(text(select(gone, '.page-state', '.state-view__missing'))).toContain('内容不存在或已被删除');
    expect(select(gone, '.page-state', '.state-view__retry')).toBeUndefined();
    await tap(select(gone, '.page-state', '.state-view__home', '.t-button'));
    expect(harness.navigations).toEqual([{ kind: 'switchTab', url: '/pages/home/index' }]);
  });

  test('a network error or a failing function can be retried', async () => {
    const harness = installMiniprogram({ cloud: () => new Error('timeout') });
    const page = await openPage('reading/article/index', { id: 'a1' });
    expect(text(select(page, '.page-state', '.state-view__error'))).toContain('网络不给力');
    expect(select(page, '.page-state', '.state-view__home')).toBeUndefined();
    harness.setCloud(() => ({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }));
    await tap(select(page, '.page-state', '.state-view__retry', '.t-button'));
    expect(text(select(page, '.page-state', '.state-view__error'))).toContain('服务暂时不可用');
    harness.setCloud(() => ({ ok: true, data: { article: article() } }));
    await tap(select(page, '.page-state', '.state-view__retry', '.t-button'));
    expect(text(select(page, '.article__header'))).toContain('信阳市举办');
  });

  test('without an id it says the link names no article, offers the home page, and asks the server nothing', async () => {
    const harness = installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
    const page = await openPage('reading/article/index', {});
    expect(text(select(page, '.page-state', '.state-view__missing'))).toContain('链接里没有指明文章');
    expect(select(page, '.page-state', '.state-view__retry')).toBeUndefined();
    expect(select(page, '.page-state', '.state-view__home')).toBeDefined();
    expect(harness.cloudCalls).toHaveLength(0);
  });

  test('an id with a malformed %-escape (a garbled link) still loads the page instead of throwing in onLoad', async () => {
    const harness = installMiniprogram({
      cloud: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或尚未发布' } }),
    });
    const page = await openPage('reading/article/index', { id: 'a1%E0%A4%A' });
    expect(harness.cloudCalls).toEqual([{ name: 'articles', data: { action: 'get', id: 'a1%E0%A4%A' } }]);
    expect(text(select(page, '.page-state', '.state-view__missing'))).toContain('文章不存在或尚未发布');
  });

  test('an article of another shape (a function out of step with the client) ends in the error state', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    installMiniprogram({ cloud: () => ({ ok: true, data: { article: { id: 'a1', title: '只有标题' } } }) });
    const page = await openPage('reading/article/index', { id: 'a1' });
    expect(text(select(page, '.page-state', '.state-view__error'))).toContain('内容暂时无法显示');
    error.mockRestore();
  });

  test('the navigation bar names the kind of text (课程报道, or 学习笔记 for a study note), not its long source', async () => {
    const wxGlobal = (globalThis as unknown as { wx: { setNavigationBarTitle(options: { title: string }): void } }).wx;
    const setTitle = jest.spyOn(wxGlobal, 'setNavigationBarTitle').mockImplementation(() => undefined);
    installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
    await openPage('reading/article/index', { id: 'a1' });
    expect(setTitle).toHaveBeenLastCalledWith({ title: '课程报道' });

    const note = article({ id: 'n1', source: '据河南省人大融媒体中心报道整理', category: '学习笔记' });
    installMiniprogram({ cloud: () => ({ ok: true, data: { article: note } }) });
    await openPage('reading/article/index', { id: 'n1' });
    expect(setTitle).toHaveBeenLastCalledWith({ title: '学习笔记' });

    installMiniprogram({ cloud: () => ({ ok: true, data: { article: article({ category: '通知' }) } }) });
    await openPage('reading/article/index', { id: 'a1' });
    expect(setTitle).toHaveBeenLastCalledWith({ title: '通知' });
    setTitle.mockRestore();
  });

  test('shares the article with its title and id', async () => {
    installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
    const page = await openPage('reading/article/index', { id: 'a1' });
    const instance = page.instance as unknown as {
      onShareAppMessage(): { title: string; path: string };
      onShareTimeline(): { title: string; query: string };
    };
    expect(instance.onShareAppMessage()).toEqual({ title: article().title, path: '/reading/article/index?id=a1' });
    expect(instance.onShareTimeline()).toEqual({ title: article().title, query: 'id=a1' });
  });

  describe('inline formatting and links', () => {
    const formatted: ArticleBlock[] = [
      {
        type: 'paragraph',
        text: '详见全国人大网 与 重点',
        spans: [
          { text: '详见' },
          { text: '全国人大网', href: 'https://www.npc.gov.cn/' },
          { text: ' 与 ' },
          { text: '重点', bold: true, italic: true },
        ],
      },
    ];

    test('bold and italic runs are styled; a link tap copies its address and says so', async () => {
      const harness = installMiniprogram({
        cloud: () => ({ ok: true, data: { article: article({ blocks: formatted }) } }),
      });
      const copied: string[] = [];
      (wx as unknown as { setClipboardData: unknown }).setClipboardData = (options: {
        data: string;
        success?: () => void;
      }) => {
        copied.push(options.data);
        options.success?.();
      };
      const page = await openPage('reading/article/index', { id: 'a1' });
      const body = select(page, '.article-blocks')!;
      expect(text(select(body, '.block-paragraph'))).toBe('详见全国人大网 与 重点');
      expect(selectAll(body, '.span--bold').map((node) => text(node))).toEqual(['重点']);
      expect(selectAll(body, '.span--italic').map((node) => text(node))).toEqual(['重点']);
      const link = select(body, '.span--link')!;
      expect(text(link)).toBe('全国人大网');
      await tap(link);
      await settle();
      expect(copied).toEqual(['https://www.npc.gov.cn/']);
      expect(harness.toasts).toEqual(['链接已复制，可粘贴到浏览器打开']);
    });
  });

  describe('previous and next', () => {
    test('shows the neighbours and opens one in place of this article', async () => {
      const harness = installMiniprogram({
        cloud: () => ({
          ok: true,
          data: {
            article: article({ previous: { id: 'p1', title: '更新的一篇' }, next: { id: 'n1', title: '更早的一篇' } }),
          },
        }),
      });
      const page = await openPage('reading/article/index', { id: 'a1' });
      expect(text(select(page, '.neighbour--previous'))).toContain('上一篇');
      expect(text(select(page, '.neighbour--previous'))).toContain('更新的一篇');
      expect(text(select(page, '.neighbour--next'))).toContain('更早的一篇');
      await tap(select(page, '.neighbour--next'));
      expect(harness.navigations).toEqual([{ kind: 'redirectTo', url: '/reading/article/index?id=n1' }]);
    });

    test('the last article has no 下一篇', async () => {
      installMiniprogram({
        cloud: () => ({ ok: true, data: { article: article({ previous: { id: 'p1', title: '更新的一篇' } }) } }),
      });
      const page = await openPage('reading/article/index', { id: 'a1' });
      expect(select(page, '.neighbour--previous')).toBeDefined();
      expect(select(page, '.neighbour--next')).toBeUndefined();
    });

    test('an article without neighbours (a study note, a lone article) shows no neighbour box', async () => {
      installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
      const page = await openPage('reading/article/index', { id: 'a1' });
      expect(select(page, '.neighbours')).toBeUndefined();
    });
  });

  describe('offline', () => {
    test('an article opened before shows from storage without network, marked as a saved copy', async () => {
      const online = installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
      await openPage('reading/article/index', { id: 'a1' });
      const saved = new Map(online.storage);

      const offline = installMiniprogram({ cloud: () => new Error('offline') });
      for (const [key, value] of saved) offline.storage.set(key, value);
      const page = await openPage('reading/article/index', { id: 'a1' });
      expect(select(page, '.page-state')).toBeUndefined();
      expect(text(select(page, '.article__header'))).toContain('信阳市举办县乡人大干部履职能力提升培训班');
      expect(text(select(page, '.article__saved'))).toContain('已保存的副本');
      expect(offline.toasts).toEqual(['网络不给力，请检查网络后重试']);
    });

    test('with network the copy is replaced by the fresh article and the mark goes away', async () => {
      const first = installMiniprogram({
        cloud: () => ({ ok: true, data: { article: article({ title: '旧标题' }) } }),
      });
      await openPage('reading/article/index', { id: 'a1' });
      const saved = new Map(first.storage);
      const second = installMiniprogram({
        cloud: () => ({ ok: true, data: { article: article({ title: '新标题' }) } }),
      });
      for (const [key, value] of saved) second.storage.set(key, value);
      const page = await openPage('reading/article/index', { id: 'a1' });
      expect(text(select(page, '.article__header'))).toContain('新标题');
      expect(select(page, '.article__saved')).toBeUndefined();
    });

    test('an article withdrawn since it was saved: the copy is removed and the page says it is gone', async () => {
      const online = installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
      await openPage('reading/article/index', { id: 'a1' });
      const saved = new Map(online.storage);
      expect(saved.has('offline.copy.article:a1')).toBe(true);

      const withdrawn = installMiniprogram({
        cloud: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或尚未发布' } }),
      });
      for (const [key, value] of saved) withdrawn.storage.set(key, value);
      const page = await openPage('reading/article/index', { id: 'a1' });
      expect(text(select(page, '.page-state', '.state-view__missing'))).toContain('文章不存在或尚未发布');
      expect(select(page, '.article__saved')).toBeUndefined();
      expect(select(page, '.article__header')).toBeUndefined();
      expect(withdrawn.storage.has('offline.copy.article:a1')).toBe(false);

      // Opened again later without network: nothing of it is left to read.
      const offline = installMiniprogram({ cloud: () => new Error('offline') });
      for (const [key, value] of withdrawn.storage) offline.storage.set(key, value);
      const again = await openPage('reading/article/index', { id: 'a1' });
      expect(text(select(again, '.page-state', '.state-view__error'))).toContain('网络不给力');
    });

    test('a network failure keeps the saved copy', async () => {
      const online = installMiniprogram({ cloud: () => ({ ok: true, data: { article: article() } }) });
      await openPage('reading/article/index', { id: 'a1' });
      const saved = new Map(online.storage);
      const offline = installMiniprogram({ cloud: () => new Error('offline') });
      for (const [key, value] of saved) offline.storage.set(key, value);
      await openPage('reading/article/index', { id: 'a1' });
      expect(offline.storage.has('offline.copy.article:a1')).toBe(true);
    });

    test('an article never opened, without network, is the error state with a retry', async () => {
      installMiniprogram({ cloud: () => new Error('offline') });
      const page = await openPage('reading/article/index', { id: 'never-opened' });
      expect(text(select(page, '.page-state', '.state-view__error'))).toContain('网络不给力');
    });
  });
});

/**
 * Session detail and materials pages: speakers with posts, materials that open — an article in the reader,
 * a file downloaded with progress and shown by wx.openDocument, or a clear Chinese message when it fails.
 */
import type { MaterialView, MaterialsResponse, SessionResponse } from '../../../miniprogram/contracts/training';
import { normalizeMaterial, normalizeSession, withDownloadUrl } from '../../../core/training/read-stored';
import seedSessions from '../../../seed/training/sessions.json';
import seedMaterials from '../../../seed/training/materials.json';
import { installMiniprogram, openPage, select, selectAll, settle, tap, text } from '../../support/simulate';
import { ok } from './fixtures';

type AnyRecord = Record<string, unknown>;
const wxGlobal = (globalThis as unknown as { wx: AnyRecord }).wx;

const slides = withDownloadUrl(
  normalizeMaterial({
    _id: 'slides',
    kind: 'file',
    title: '课件（示例文件）',
    sessionId: 'lecture-wu-wenyi',
    fileId: 'cloud://env.bucket/slides/lecture.pdf',
    size: 2_516_582,
  }) as MaterialView,
  'https://tmp.example.test/lecture.pdf',
);

function seedSession(id: string): SessionResponse {
  const session = normalizeSession(seedSessions.find((candidate) => candidate._id === id));
  if (!session) throw new Error(`no seed session ${id}`);
  const materials = seedMaterials
    .filter((material) => material.sessionId === id)
    .map((material) => normalizeMaterial(material) as MaterialView);
  return { session, materials };
}

interface FileDoubles {
  downloads: string[];
  opened: AnyRecord[];
  /** Call to let the pending download finish. */
  finishDownload: (outcome: { statusCode: number } | 'network-error') => void;
  progress: (percent: number) => void;
}

/** wx.downloadFile / openDocument doubles: the download waits until the test finishes it (modals: harness.modals). */
function installFileDoubles(openFails = false): FileDoubles {
  const doubles: FileDoubles = {
    downloads: [],
    opened: [],
    finishDownload: () => undefined,
    progress: () => undefined,
  };
  Object.assign(wxGlobal, {
    downloadFile(options: { url: string; success: (r: AnyRecord) => void; fail: (e: AnyRecord) => void }) {
      doubles.downloads.push(options.url);
      const listeners: ((update: { progress: number }) => void)[] = [];
      doubles.progress = (percent) => listeners.forEach((listener) => listener({ progress: percent }));
      doubles.finishDownload = (outcome) => {
        if (outcome === 'network-error') options.fail({ errMsg: 'downloadFile:fail timeout' });
        else options.success({ statusCode: outcome.statusCode, tempFilePath: 'wxfile://tmp/lecture.pdf' });
      };
      return {
        onProgressUpdate: (listener: (update: { progress: number }) => void) => listeners.push(listener),
        abort() {},
      };
    },
    openDocument(options: AnyRecord & { success: () => void; fail: (e: AnyRecord) => void }) {
      doubles.opened.push({ filePath: options.filePath, fileType: options.fileType });
      setTimeout(
        () => (openFails ? options.fail({ errMsg: 'openDocument:fail filetype not supported' }) : options.success()),
        0,
      );
    },
    setNavigationBarTitle() {},
  });
  return doubles;
}

describe('日程详情', () => {
  test('shows the topic, the speaker with the post, the summary, and no time the report does not give', async () => {
    installFileDoubles();
    const harness = installMiniprogram({ cloud: () => ok(seedSession('lecture-wu-wenyi')) });
    const page = await openPage('training/session/index', { id: 'lecture-wu-wenyi' });

    expect(harness.cloudCalls).toEqual([{ name: 'training', data: { action: 'session', id: 'lecture-wu-wenyi' } }]);
    expect(text(select(page, '.head__title'))).toBe('深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想');
    expect(text(select(page, '.head__when'))).toBe('日期待定');
    expect(text(select(page, '.speaker__name'))).toBe('吴文毅');
    expect(text(select(page, '.speaker__post'))).toBe('省人大常委会副秘书长、办公厅主任');
    expect(text(select(page, '.summary'))).toContain('全面回顾总结了人民代表大会制度发展的历史脉络');
  });

  test('lists the exchange meeting’s speakers with their roles, on the afternoon of the 19th', async () => {
    installFileDoubles();
    installMiniprogram({ cloud: () => ok(seedSession('exchange-2024-11-19')) });
    const page = await openPage('training/session/index', { id: 'exchange-2024-11-19' });
    expect(text(select(page, '.head__when'))).toBe('11月19日 周二 下午');
    expect(selectAll(page, '.speaker').map(text)).toEqual([
      '陶中华交流发言浉河区人大常委会主任',
      '胡文进交流发言罗山县灵山镇人大主席',
      '段亮交流发言息县曹黄林镇人大主席',
      '谢天学交流结束后讲话市人大常委会主任',
    ]);
    expect(text(select(page, '.no-materials'))).toContain('本场暂无资料');
  });

  test('an article-type material opens the article reader', async () => {
    installFileDoubles();
    const harness = installMiniprogram({ cloud: () => ok(seedSession('lecture-xiong-jianxin')) });
    const page = await openPage('training/session/index', { id: 'lecture-xiong-jianxin' });
    const item = select(page, '.material-list', '.material');
    expect(text(item)).toContain('学习笔记:民生实事项目人大代表票决制');
    await tap(item);
    expect(harness.navigations).toEqual([
      { kind: 'navigateTo', url: '/reading/article/index?id=note-lecture-xiong-jianxin' },
    ]);
  });

  test('a failed pull-down refresh keeps the session on screen and says why in a toast', async () => {
    installFileDoubles();
    const harness = installMiniprogram({ cloud: () => ok(seedSession('lecture-wu-wenyi')) });
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const page = await openPage('training/session/index', { id: 'lecture-wu-wenyi' });
    harness.setCloud(() => new Error('offline'));
    jest.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    await settle();
    expect(text(select(page, '.speaker__name'))).toBe('吴文毅');
    expect(select(page, '.page-state')).toBeUndefined();
    expect(harness.toasts).toEqual(['网络不给力，请检查网络后重试']);
    expect(stop).toHaveBeenCalled();
  });

  test('an unknown session shows the function’s message and leads back to the home page, not to a retry', async () => {
    installFileDoubles();
    const harness = installMiniprogram({
      cloud: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个日程，可能已被删除' } }),
    });
    const page = await openPage('training/session/index', { id: 'nope' });
    expect(text(select(page, '.page-state', '.state-view__missing'))).toContain('没有找到这个日程，可能已被删除');
    expect(select(page, '.page-state', '.state-view__retry')).toBeUndefined();
    await tap(select(page, '.page-state', '.state-view__home', '.t-button'));
    expect(harness.navigations).toEqual([{ kind: 'switchTab', url: '/pages/home/index' }]);
  });

  test('without an id the session page says so, offers the home page, and asks the server nothing', async () => {
    installFileDoubles();
    const harness = installMiniprogram({ cloud: () => ok(seedSession('lecture-wu-wenyi')) });
    const page = await openPage('training/session/index', {});
    expect(text(select(page, '.page-state', '.state-view__missing'))).toContain('链接里没有指明日程');
    expect(select(page, '.page-state', '.state-view__home')).toBeDefined();
    expect(harness.cloudCalls).toHaveLength(0);
  });

  test('a failing function keeps the retry on the session page', async () => {
    installFileDoubles();
    const harness = installMiniprogram({
      cloud: () => ({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }),
    });
    const page = await openPage('training/session/index', { id: 'lecture-wu-wenyi' });
    expect(text(select(page, '.page-state', '.state-view__error'))).toContain('服务暂时不可用');
    expect(select(page, '.page-state', '.state-view__home')).toBeUndefined();
    harness.setCloud(() => ok(seedSession('lecture-wu-wenyi')));
    await tap(select(page, '.page-state', '.state-view__retry', '.t-button'));
    expect(text(select(page, '.speaker__name'))).toBe('吴文毅');
  });
});

describe('课程资料', () => {
  const listing = (items: MaterialView[]): { ok: true; data: MaterialsResponse } =>
    ok({
      items,
      sessionTitles: { 'lecture-wu-wenyi': '深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想' },
    }) as never;

  test('filters by kind through the function', async () => {
    installFileDoubles();
    const harness = installMiniprogram({ cloud: () => listing([slides]) });
    const page = await openPage('training/materials/index');
    expect(text(select(page, '.material-list', '.material'))).toContain('PDF · 2.4 MB · 深入学习贯彻');
    await tap(select(page, '.filter--file'));
    await tap(select(page, '.filter--article'));
    expect(harness.cloudCalls.map((call) => call.data)).toEqual([
      { action: 'materials' },
      { action: 'materials', kind: 'file' },
      { action: 'materials', kind: 'article' },
    ]);
  });

  test('a study note does not repeat its lecture, which its title already names; the action sits under the title', async () => {
    installFileDoubles();
    const note = seedMaterials.find(
      (material) => material.sessionId === 'lecture-wu-wenyi' && material.kind === 'article',
    );
    installMiniprogram({ cloud: () => listing([normalizeMaterial(note) as MaterialView, slides]) });
    const page = await openPage('training/materials/index');
    const list = select(page, '.material-list')!;
    const metas = selectAll(list, '.material__meta').map(text);
    expect(metas).toEqual([
      '学习笔记',
      '文件 · PDF · 2.4 MB · 深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想',
    ]);
    expect(selectAll(list, '.material__body .material__action').map(text)).toEqual(['阅读 ›', '打开 ›']);
  });

  test('a file downloads with progress and opens in the document viewer', async () => {
    const files = installFileDoubles();
    const harness = installMiniprogram({ cloud: () => listing([slides]) });
    const page = await openPage('training/materials/index');
    const item = select(page, '.material-list', '.material');

    await tap(item);
    expect(files.downloads).toEqual(['https://tmp.example.test/lecture.pdf']);
    files.progress(40);
    await settle();
    expect(text(select(page, '.material-list', '.material__progress'))).toBe('正在下载 40%');

    files.finishDownload({ statusCode: 200 });
    await settle();
    expect(files.opened).toEqual([{ filePath: 'wxfile://tmp/lecture.pdf', fileType: 'pdf' }]);
    expect(select(page, '.material-list', '.material__progress')).toBeUndefined();
    expect(harness.modals).toEqual([]);
  });

  test('a failed download says so in Chinese, and nothing is opened', async () => {
    const files = installFileDoubles();
    const harness = installMiniprogram({ cloud: () => listing([slides]) });
    const page = await openPage('training/materials/index');
    await tap(select(page, '.material-list', '.material'));
    files.finishDownload('network-error');
    await settle();
    expect(files.opened).toEqual([]);
    expect(harness.modals).toEqual([{ title: '无法打开资料', content: '文件下载失败，请检查网络后重试' }]);
    expect(text(select(page, '.material-list', '.material__error'))).toBe('文件下载失败，请检查网络后重试');
  });

  test('an expired address (HTTP 403) and a viewer that cannot open the file are explained too', async () => {
    let files = installFileDoubles();
    const harness = installMiniprogram({ cloud: () => listing([slides]) });
    let page = await openPage('training/materials/index');
    await tap(select(page, '.material-list', '.material'));
    files.finishDownload({ statusCode: 403 });
    await settle();
    expect(harness.modals[0].content).toBe('文件下载失败（服务器返回 403），请稍后重试');

    files = installFileDoubles(true);
    page = await openPage('training/materials/index');
    await tap(select(page, '.material-list', '.material'));
    files.finishDownload({ statusCode: 200 });
    await settle();
    expect(harness.modals[1].content).toBe('文件已下载，但无法打开，请确认手机上有可以打开该文件的应用');
  });

  test('a file without an address is not downloaded', async () => {
    const files = installFileDoubles();
    const unavailable = withDownloadUrl(slides, null);
    const harness = installMiniprogram({ cloud: () => listing([unavailable]) });
    const page = await openPage('training/materials/index');
    expect(text(select(page, '.material-list', '.material__note'))).toBe('暂时无法打开');
    await tap(select(page, '.material-list', '.material'));
    expect(files.downloads).toEqual([]);
    expect(harness.modals).toEqual([{ title: '无法打开资料', content: '文件暂时无法获取，请下拉刷新后重试' }]);
  });
});

// The `articles` function's organiser actions and the reader's list/search/paging, end to end against the
// local emulator through the real @cloudbase/node-sdk, called as the platform calls it (context from
// the functions host's builder: a console call, or a WeChat user by openid).
import { main } from '../../cloudfunctions/articles/index';
import { COLLECTIONS } from '../../core/database/collections';
import { buildInvocationContext } from '../../local/functions-host/context';
import type {
  ArticleWriteResponse,
  GetArticleResponse,
  ListAllArticlesResponse,
  ListArticlesResponse,
} from '../../miniprogram/contracts/articles';
import type { Envelope } from '../../miniprogram/contracts/envelope';
import { CALLERS } from './authorization/table';
import { dataOf, startEmulatorForFunctions } from '../support/functions';
import type { TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

type Who = 'console' | 'admin' | 'trainee1' | 'visitor';

function call<T>(who: Who, event: Record<string, unknown>): Promise<Envelope<T>> {
  const openid = CALLERS[who].openid;
  const context = buildInvocationContext('articles', {
    openid,
    appid: openid === null ? null : 'wx-test',
    source: openid === null ? null : 'wx_client',
  });
  return main(event, context) as Promise<Envelope<T>>;
}

const write = async (who: Who, event: Record<string, unknown>) => dataOf<ArticleWriteResponse>(await call(who, event));
const list = async (event: Record<string, unknown> = {}) =>
  dataOf<ListArticlesResponse>(await call('visitor', { action: 'list', ...event }));
const get = (id: string) => call<GetArticleResponse>('visitor', { action: 'get', id });

function articleInput(title: string, extra: Record<string, unknown> = {}) {
  return { title, body: `${title}的正文。\n\n第二段。`, ...extra };
}

beforeAll(async () => {
  emulator = await startEmulatorForFunctions();
  for (const who of ['admin', 'trainee1'] as const) {
    const { openid, enrolment } = CALLERS[who];
    await emulator.db
      .collection(COLLECTIONS.trainees)
      .doc(openid!)
      .set({ ...enrolment, rosterId: '', enrolledAt: '' });
  }
});

afterAll(async () => {
  await emulator.close();
});

async function clearArticles(): Promise<void> {
  await emulator.db
    .collection(COLLECTIONS.articles)
    .where({ _id: emulator.db.command.exists(true) })
    .remove();
}

describe.each(['console', 'admin'] as const)('an organiser (%s) manages an article', (who) => {
  beforeAll(clearArticles);

  it('creates a draft, edits it, publishes, unpublishes and archives it', async () => {
    const created = await write(who, { action: 'upsert', article: articleInput('开班通知', { category: '通知' }) });
    expect(created).toMatchObject({ version: 1, status: 'draft', changed: true });
    const id = created.id;
    // A draft is invisible to readers.
    await expect(get(id)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await list()).items).toEqual([]);

    const edited = await write(who, {
      action: 'upsert',
      article: { ...articleInput('开班通知（更新）', { category: '通知' }), id },
      version: 1,
    });
    expect(edited).toMatchObject({ id, version: 2, changed: true });

    // The same content again changes nothing.
    const again = await write(who, {
      action: 'upsert',
      article: { ...articleInput('开班通知（更新）', { category: '通知' }), id },
      version: 2,
    });
    expect(again).toMatchObject({ version: 2, changed: false });

    expect(await write(who, { action: 'publish', id })).toMatchObject({ version: 3, status: 'published' });
    expect((await list()).items.map((item) => [item.id, item.title, item.category])).toEqual([
      [id, '开班通知（更新）', '通知'],
    ]);
    const { article } = dataOf<GetArticleResponse>(await get(id));
    expect(article.blocks[0]).toEqual({ type: 'paragraph', text: '开班通知（更新）的正文。' });
    expect(article.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(await write(who, { action: 'unpublish', id })).toMatchObject({ version: 4, status: 'draft' });
    await expect(get(id)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await list()).items).toEqual([]);

    expect(await write(who, { action: 'archive', id })).toMatchObject({ version: 5, status: 'archived' });
    const archived = dataOf<ListAllArticlesResponse>(await call(who, { action: 'listAll', status: 'archived' }));
    expect(archived.items.map((item) => [item.id, item.status, item.version])).toEqual([[id, 'archived', 5]]);
    const drafts = dataOf<ListAllArticlesResponse>(await call(who, { action: 'listAll', status: 'draft' }));
    expect(drafts.items).toEqual([]);
  });

  it('answers CONFLICT to an edit of a stale version, or of an existing article without one', async () => {
    const { id } = await write(who, { action: 'upsert', article: articleInput('两人同时编辑') });
    await write(who, { action: 'upsert', article: { ...articleInput('甲的修改'), id }, version: 1 });
    await expect(
      call(who, { action: 'upsert', article: { ...articleInput('乙的修改'), id }, version: 1 }),
    ).resolves.toEqual({ ok: false, error: { code: 'CONFLICT', message: '文章已被他人修改，请刷新后再编辑' } });
    await expect(call(who, { action: 'upsert', article: { ...articleInput('没有版本'), id } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const stored = dataOf<ListAllArticlesResponse>(await call(who, { action: 'listAll' }));
    expect(stored.items.find((item) => item.id === id)).toMatchObject({ title: '甲的修改', version: 2 });
  });

  it('creates with a chosen id, and rejects bad input naming the field', async () => {
    expect(await write(who, { action: 'upsert', article: { ...articleInput('指定编号'), id: 'chosen-id' } })).toEqual({
      id: 'chosen-id',
      version: 1,
      status: 'draft',
      changed: true,
    });
    await expect(call(who, { action: 'upsert', article: { body: '无标题' } })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '缺少参数 article.title' },
    });
    await expect(
      call(who, { action: 'upsert', article: { ...articleInput('坏封面'), cover: 'javascript:alert(1)' } }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('cover') },
    });
    await expect(call(who, { action: 'publish', id: 'no-such' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe.each(['trainee1', 'visitor'] as const)('a %s may not manage articles', (who) => {
  it.each([
    [{ action: 'upsert', article: { title: '越权', body: '正文' } }],
    [{ action: 'publish', id: 'x' }],
    [{ action: 'unpublish', id: 'x' }],
    [{ action: 'archive', id: 'x' }],
    [{ action: 'listAll' }],
  ])('%j -> PERMISSION_DENIED, nothing written', async (event) => {
    const before = (await emulator.db.collection(COLLECTIONS.articles).count()).total;
    await expect(call(who, event)).resolves.toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect((await emulator.db.collection(COLLECTIONS.articles).count()).total).toBe(before);
  });
});

describe('documents made by hand in the console', () => {
  let warn: jest.SpyInstance;
  beforeAll(async () => {
    await clearArticles();
    const articles = emulator.db.collection(COLLECTIONS.articles);
    await articles.doc('minimal').set({ title: '最简单的一篇', body: '只有**标题**和正文。', status: 'published' });
    await articles.doc('no-body').set({ title: '没有正文', status: 'published' });
    await articles.doc('number-title').set({ title: 42, body: '标题是数字', status: 'published' });
    await articles.doc('object-title').set({ title: { zh: '?' }, body: 7, status: 'published' });
  });
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('are listed and open; what readers need is computed on read and logged', async () => {
    const page = await list();
    // A number as title reads as its digits; a title that is no text at all leaves the document out.
    expect(page.items.map((item) => item.id).sort()).toEqual(['minimal', 'no-body', 'number-title']);
    expect(page.items.find((item) => item.id === 'minimal')?.summary).toBe('只有标题和正文。');
    const { article } = dataOf<GetArticleResponse>(await get('minimal'));
    expect(article.blocks).toEqual([
      {
        type: 'paragraph',
        text: '只有标题和正文。',
        spans: [{ text: '只有' }, { text: '标题', bold: true }, { text: '和正文。' }],
      },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('minimal'));
    expect(dataOf<GetArticleResponse>(await get('no-body')).article.blocks).toEqual([]);
    expect(dataOf<GetArticleResponse>(await get('number-title')).article.title).toBe('42');
    await expect(get('object-title')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an organiser sees the broken one, and can overwrite it (version 0: never written through the function)', async () => {
    const all = dataOf<ListAllArticlesResponse>(await call('console', { action: 'listAll' }));
    expect(all.items.find((item) => item.id === 'object-title')).toMatchObject({ title: '（无标题）', version: 0 });
    expect(
      await write('console', {
        action: 'upsert',
        article: { ...articleInput('修好了'), id: 'object-title' },
        version: 0,
      }),
    ).toMatchObject({ version: 1, changed: true });
  });

  it('one typed with an unreadable version ("3") is listed as version 0, saved once, published, and then has an integer version', async () => {
    const articles = emulator.db.collection(COLLECTIONS.articles);
    await articles.doc('string-version').set({ title: '版本号是文字', body: '正文', status: 'draft', version: '3' });
    const all = dataOf<ListAllArticlesResponse>(await call('console', { action: 'listAll' }));
    expect(all.items.find((item) => item.id === 'string-version')).toMatchObject({ version: 0 });
    expect(
      await write('console', {
        action: 'upsert',
        article: { ...articleInput('版本号修好了'), id: 'string-version' },
        version: 0,
      }),
    ).toMatchObject({ version: 1, changed: true });
    expect(await write('console', { action: 'publish', id: 'string-version' })).toMatchObject({
      version: 2,
      status: 'published',
    });
    const { data } = await articles.doc('string-version').get();
    expect(data[0]).toMatchObject({ version: 2, status: 'published', title: '版本号修好了' });
  });

  it('publishing one with an unreadable version ("3") works too', async () => {
    const articles = emulator.db.collection(COLLECTIONS.articles);
    await articles.doc('string-version-2').set({ title: '直接发布', body: '正文', version: '3' });
    expect(await write('console', { action: 'publish', id: 'string-version-2' })).toMatchObject({
      version: 1,
      status: 'published',
    });
  });

  it('publishing a hand-made document stores what readers need, so it is no longer computed on read', async () => {
    await emulator.db.collection(COLLECTIONS.articles).doc('hand-draft').set({ title: '手工草稿', body: '正文' });
    await write('console', { action: 'publish', id: 'hand-draft' });
    warn.mockClear();
    // The list reads without blocks and text (a projection): that must leave the stored document whole.
    await list();
    await list({ q: '正文' });
    expect(dataOf<GetArticleResponse>(await get('hand-draft')).article.blocks).toEqual([
      { type: 'paragraph', text: '正文' },
    ]);
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('hand-draft'));
  });
});

describe('unsafe Markdown through get', () => {
  it('renders <script>, <img onerror> and javascript: links inert or not at all', async () => {
    const body = [
      '<script>alert("x")</script>',
      '前文<img src=x onerror="alert(1)">后文',
      '[危险链接](javascript:alert(document.cookie)) 与 [安全链接](https://www.npc.gov.cn/)',
      '&lt;script&gt;只是文字&lt;/script&gt;',
    ].join('\n\n');
    const { id } = await write('console', { action: 'upsert', article: { title: 'XSS', body } });
    await write('console', { action: 'publish', id });
    const { article } = dataOf<GetArticleResponse>(await get(id));
    const json = JSON.stringify(article.blocks);
    expect(json).not.toMatch(/onerror|javascript:|alert\(/);
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: '前文后文' },
      {
        type: 'paragraph',
        text: '危险链接 与 安全链接',
        spans: [{ text: '危险链接 与 ' }, { text: '安全链接', href: 'https://www.npc.gov.cn/' }],
      },
      { type: 'paragraph', text: '<script>只是文字</script>' },
    ]);
  });
});

describe('the readers list: order, categories, search, neighbours', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await clearArticles();
    const specs: Array<[string, Record<string, unknown>]> = [
      ['旧报道', { category: '报道', body: '关于代表联络站的报道。' }],
      ['学习资料一', { category: '学习资料', body: '宪法学习要点：人民代表大会制度。' }],
      ['置顶通知', { category: '通知', pinned: true, body: '报到时间与地点。' }],
      ['新报道', { category: '报道', summary: '监督工作的新做法', body: '正文提到预算审查。' }],
    ];
    for (const [title, extra] of specs) {
      const { id } = await write('console', { action: 'upsert', article: { title, ...extra } });
      await write('console', { action: 'publish', id });
      ids[title] = id;
    }
  });

  it('pinned first, then newest first', async () => {
    expect((await list()).items.map((item) => item.title)).toEqual(['置顶通知', '新报道', '学习资料一', '旧报道']);
  });

  it('filters by category', async () => {
    expect((await list({ category: '报道' })).items.map((item) => item.title)).toEqual(['新报道', '旧报道']);
    expect((await list({ category: '通知' })).items.map((item) => item.title)).toEqual(['置顶通知']);
    await expect(call('visitor', { action: 'list', category: '八卦' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('searches title, summary and text, literally and case-blind', async () => {
    expect((await list({ q: '报道' })).items.map((item) => item.title)).toEqual(['新报道', '旧报道']);
    expect((await list({ q: '监督' })).items.map((item) => item.title)).toEqual(['新报道']); // summary
    expect((await list({ q: '人民代表大会' })).items.map((item) => item.title)).toEqual(['学习资料一']); // text
    expect((await list({ q: '.*' })).items).toEqual([]); // not a pattern
    expect((await list({ q: '报道', category: '通知' })).items).toEqual([]);
  });

  it('get names the neighbours in list order', async () => {
    const middle = dataOf<GetArticleResponse>(await get(ids['新报道'])).article;
    expect(middle.previous).toEqual({ id: ids['置顶通知'], title: '置顶通知' });
    expect(middle.next).toEqual({ id: ids['学习资料一'], title: '学习资料一' });
    const first = dataOf<GetArticleResponse>(await get(ids['置顶通知'])).article;
    expect(first.previous).toBeNull();
    const last = dataOf<GetArticleResponse>(await get(ids['旧报道'])).article;
    expect(last.next).toBeNull();
  });
});

describe('paging while organisers publish', () => {
  beforeAll(clearArticles);

  it('50 articles, 7 at a time, with new ones published between pages: none repeats, none is skipped', async () => {
    const initial: string[] = [];
    for (let index = 0; index < 50; index += 1) {
      const { id } = await write('console', {
        action: 'upsert',
        article: { title: `第 ${index} 篇`, body: `正文 ${index}` },
      });
      await write('console', { action: 'publish', id });
      initial.push(id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListArticlesResponse = await list(cursor === null ? { limit: 7 } : { limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
      // Someone publishes while the reader scrolls.
      const { id } = await write('console', { action: 'upsert', article: { title: `新发布 ${pages}`, body: '新' } });
      await write('console', { action: 'publish', id });
    } while (cursor !== null && pages < 20);
    expect(pages).toBe(8);
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first: the reader saw exactly the 50 that existed when they started, in reverse order of publication.
    expect(seen).toEqual([...initial].reverse());
  });

  it('answers INVALID_ARGUMENT to a cursor it did not make', async () => {
    await expect(call('visitor', { action: 'list', cursor: 'garbage' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '参数 cursor 无效，请从第一页重新加载' },
    });
  });
});

// The `articles` function, end to end against the local emulator through the real @cloudbase/node-sdk.
import { main } from '../../cloudfunctions/articles/index';
import { COLLECTIONS } from '../../core/database/collections';
import { seedDatabase } from '../../local/seed';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import type { Envelope } from '../../miniprogram/contracts/envelope';
import {
  STUDY_NOTE_CATEGORY,
  type GetArticleResponse,
  type ListArticlesResponse,
} from '../../miniprogram/contracts/articles';

const SEED_ID = 'report-20241126-xinyang-renda-training';
let emulator: TestEmulator;

async function list(event: Record<string, unknown> = {}): Promise<Envelope<ListArticlesResponse>> {
  return (await main({ action: 'list', ...event }, {})) as Envelope<ListArticlesResponse>;
}

async function get(id: unknown): Promise<Envelope<GetArticleResponse>> {
  return (await main({ action: 'get', id }, {})) as Envelope<GetArticleResponse>;
}

function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.TCB_SERVICE_URL = emulator.url;
  await seedDatabase(emulator.db);
});

afterAll(async () => {
  await emulator.close();
  delete process.env.TCB_SERVICE_URL;
});

describe('articles.list', () => {
  it('lists the seeded report with its summary fields and no next page', async () => {
    const page = data(await list());
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      {
        id: SEED_ID,
        title: '信阳人大:为高水平履职“充电赋能”——全市县乡人大干部履职能力提升培训班侧记',
        source: '河南省人大融媒体中心',
        publishedAt: '2024-11-26',
        summary: expect.stringMatching(/^河南省人大融媒体中心讯\(记者 王紫仪 通讯员 曹新俊\)初冬时节.*…$/),
        cover: '',
        category: '报道',
        pinned: false,
      },
    ]);
  });

  it('seeding twice changes nothing (idempotent by _id)', async () => {
    await expect(seedDatabase(emulator.db)).resolves.toEqual({ inserted: [], skipped: [SEED_ID] });
    expect(data(await list()).items).toHaveLength(1);
  });

  it.each([
    [{ limit: 0 }, '参数 limit 不能小于 1'],
    [{ limit: 51 }, '参数 limit 不能大于 50'],
    [{ limit: '10' }, '参数 limit 应为数字'],
    [{ cursor: 'not-a-cursor' }, '参数 cursor 无效，请从第一页重新加载'],
  ])('rejects %j with INVALID_ARGUMENT', async (event, message) => {
    await expect(list(event)).resolves.toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
  });
});

describe('articles.get', () => {
  it('returns the report as typed blocks: headings, quotes, the captioned photo', async () => {
    const { article } = data(await get(SEED_ID));
    expect(article.byline).toEqual({ reporters: ['王紫仪'], correspondents: ['曹新俊'], editors: ['李恒'] });
    expect(
      article.blocks.filter((block) => block.type === 'heading').map((block) => block.type === 'heading' && block.text),
    ).toEqual(['精准选课', '凝聚共识', '互学互促']);
    expect(article.blocks.filter((block) => block.type === 'quote')).toHaveLength(3);
    expect(article.blocks).toContainEqual({
      type: 'image',
      src: '',
      name: '微信图片_20241126155552',
      caption: '会议现场',
    });
    expect(article.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('tells a study note by its category from a report', async () => {
    expect(data(await get('note-lecture-chen-xiuhong')).article.category).toBe(STUDY_NOTE_CATEGORY);
    expect(data(await get(SEED_ID)).article.category).toBe('报道');
    // Study notes open from their lecture, not from the list of course reports.
    expect(data(await list()).items.map((item) => item.id)).toEqual([SEED_ID]);
  });

  it('answers NOT_FOUND for a missing id', async () => {
    await expect(get('no-such-article')).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '文章不存在或尚未发布' },
    });
  });

  it.each([
    [undefined, '缺少参数 id'],
    ['', '参数 id 不能少于 1 个字符'],
    [42, '参数 id 应为文字'],
    ['x'.repeat(65), '参数 id 不能超过 64 个字符'],
  ])('rejects id %p with INVALID_ARGUMENT', async (id, message) => {
    await expect(get(id)).resolves.toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
  });
});

describe('the function as a whole', () => {
  it.each([[{ action: 'nope' }], [{}], ['list'], [null]])('answers INVALID_ARGUMENT to %j', async (event) => {
    const result = await main(event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('hand-typed documents in the console', () => {
  const handTyped: Array<Record<string, unknown>> = [
    // a draft: never listed, never readable
    { _id: 'draft-1', title: '未发布的稿子', status: 'draft', publishedAt: '2024-12-01', body: '草稿' },
    // slashes in the date, names as one string, no body
    {
      _id: 'loose-1',
      title: '手工录入一',
      status: 'published',
      publishedAt: '2024/11/27',
      byline: { reporters: '甲、乙' },
    },
    // status not exactly 'published': stays a draft
    { _id: 'capitalised', title: '大写状态', status: 'Published', publishedAt: '2024-11-29', body: '正文' },
    // no title: nothing to show, skipped
    { _id: 'untitled', status: 'published', publishedAt: '2024-11-28', body: '正文' },
    // garbage in every other field
    {
      _id: 'garbage',
      title: '字段都错了',
      status: 'published',
      publishedAt: 12,
      byline: 'x',
      body: 5,
      cover: 'http://insecure/a.png',
      summary: ['x'],
    },
    // published, no date at all
    { _id: 'no-date', title: '没有日期', status: 'published', body: '第一段。\n\n第二段。' },
  ];

  beforeAll(async () => {
    for (const { _id, ...fields } of handTyped) {
      await emulator.db
        .collection(COLLECTIONS.articles)
        .doc(_id as string)
        .set(fields);
    }
  });

  afterAll(async () => {
    for (const { _id } of handTyped)
      await emulator.db
        .collection(COLLECTIONS.articles)
        .doc(_id as string)
        .remove();
  });

  it('lists what can be shown, with empty values for what is missing, and never fails', async () => {
    const page = data(await list());
    const byId = Object.fromEntries(page.items.map((item) => [item.id, item]));
    expect(Object.keys(byId).sort()).toEqual(['garbage', 'loose-1', 'no-date', SEED_ID].sort());
    expect(byId['loose-1']).toMatchObject({ publishedAt: '2024-11-27', summary: '', source: '' });
    expect(byId.garbage).toMatchObject({ publishedAt: '', cover: '', summary: '' });
    expect(byId['no-date']).toMatchObject({ publishedAt: '', summary: '第一段。第二段。' });
    // Written through the function (the seed): in list order first; made by hand (no sort key): after, by id.
    expect(page.items.map((item) => item.id)).toEqual([SEED_ID, 'no-date', 'loose-1', 'garbage']);
  });

  it('reads a loose document with defaults', async () => {
    const { article } = data(await get('loose-1'));
    expect(article.byline).toEqual({ reporters: ['甲', '乙'], correspondents: [], editors: [] });
    expect(article.blocks).toEqual([]);
    expect(data(await get('garbage')).article).toMatchObject({
      blocks: [],
      byline: { reporters: [], correspondents: [], editors: [] },
    });
  });

  it('hides drafts and untitled documents from get', async () => {
    await expect(get('draft-1')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect(get('untitled')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect(get('capitalised')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

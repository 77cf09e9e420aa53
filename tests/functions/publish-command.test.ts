// `npm run publish`: the example file of the organiser guide, published into a fresh emulator through the
// real node-sdk (the same core upsert/publish as the function), then read back through the function.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cloudfunctions/articles/index';
import type { GetArticleResponse, ListArticlesResponse } from '../../miniprogram/contracts/articles';
import { ArticleFileError, parseArticleFile } from '../../scripts/publish/article-file';
import { publishArticleFile } from '../../scripts/publish/publish';
import { dataOf, startEmulatorForFunctions } from '../support/functions';
import type { TestEmulator } from '../support/emulator';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'docs', 'examples');
const EXAMPLE = path.join(EXAMPLES, 'example-study-material.md');

let emulator: TestEmulator;
let workDir: string;

beforeAll(async () => {
  emulator = await startEmulatorForFunctions();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'publish-'));
  cpSync(EXAMPLES, workDir, { recursive: true });
});

afterAll(async () => {
  await emulator.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm run publish', () => {
  it('publishes the guide example: creates, uploads its image, publishes; readers see it with the cloud:// image', async () => {
    const report = await publishArticleFile(emulator.app, EXAMPLE);
    expect(report.changed).toBe(true);
    expect(report.lines).toEqual([
      expect.stringMatching(
        /^上传图片 example-banner\.png -> cloud:\/\/.+\/articles\/example-study-material\/[0-9a-f]{16}\.png$/,
      ),
      '新建文章 example-study-material（第 1 版）：示例：学习资料的发布格式',
      '已发布 example-study-material（第 2 版）',
    ]);
    const page = dataOf<ListArticlesResponse>(await main({ action: 'list', category: '学习资料' }, {}));
    expect(page.items.map((item) => item.id)).toEqual(['example-study-material']);
    expect(page.items[0].cover).toMatch(/^cloud:\/\/.+\.png$/);
    const { article } = dataOf<GetArticleResponse>(await main({ action: 'get', id: 'example-study-material' }, {}));
    expect(article.byline.editors).toEqual(['示例编辑']);
    expect(article.blocks).toContainEqual({
      type: 'image',
      src: page.items[0].cover,
      name: '',
      caption: '图片下方的说明文字',
    });
    expect(article.blocks).toContainEqual(
      expect.objectContaining({
        spans: expect.arrayContaining([{ text: '全国人大网', href: 'https://www.npc.gov.cn/' }]),
      }),
    );
  });

  it('a second run with nothing changed changes nothing', async () => {
    const before = await emulator.db.collection('articles').doc('example-study-material').get();
    const report = await publishArticleFile(emulator.app, EXAMPLE);
    expect(report).toEqual({
      id: 'example-study-material',
      changed: false,
      lines: ['没有变化：example-study-material（第 2 版，已发布）'],
    });
    const after = await emulator.db.collection('articles').doc('example-study-material').get();
    expect(after.data).toEqual(before.data);
  });

  it('an edited file becomes a new version; status: draft takes it back from readers', async () => {
    const copy = path.join(workDir, 'example-study-material.md');
    const edited = readFileSync(copy, 'utf8')
      .replace('status: published', 'status: draft')
      .replace('## 小标题', '## 新的小标题');
    writeFileSync(copy, edited);
    const report = await publishArticleFile(emulator.app, copy);
    expect(report.lines).toEqual([
      '修改文章 example-study-material：第 2 版 -> 第 3 版',
      '已撤回为草稿 example-study-material（第 4 版）',
    ]);
    await expect(main({ action: 'get', id: 'example-study-material' }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('names what is wrong in a file, before writing anything', () => {
    expect(() => parseArticleFile('a.md', '没有标题信息')).toThrow(ArticleFileError);
    expect(() => parseArticleFile('a.md', '---\ntitle: 标题\nstatus: 发布\n---\n正文')).toThrow('status 只能是');
    expect(() => parseArticleFile('a.md', '---\ntitle: 标题\ncategory: 八卦\n---\n正文')).toThrow('article.category');
    expect(parseArticleFile('My Notice.md', '---\ntitle: 标题\n---\n正文')).toEqual({
      article: { id: 'my-notice', title: '标题', body: '正文' },
      status: 'published',
    });
  });
});

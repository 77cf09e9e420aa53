/**
 * cloud:// files in the preview: an article's photo loads from the emulator's storage with its
 * caption beneath; the bridge behind wx.cloud.getTempFileURL answers per file and refuses bad input.
 */
import { TEMP_FILE_URL_ENDPOINT } from '../../local/preview/storage-bridge';
import { useE2E } from '../support/e2e';
import { SMALL_PNG } from './fixtures/files';
import { cloudImageArticleFlow } from './flows/cloud-image-article';

describe('云存储图片', () => {
  const e2e = useE2E();
  e2e.flow('文章里的 cloud:// 图片从本地存储显示出来，说明文字在图下；缺失的图片显示占位', cloudImageArticleFlow);

  const ask = (body: unknown, method = 'POST') =>
    fetch(`${e2e.stack().url}${TEMP_FILE_URL_ENDPOINT}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify(body) : undefined,
    });

  test('getTempFileURL 桥：逐个文件回答，缺失的文件只影响它自己', async () => {
    const fileID = await e2e.stack().putFile('e2e/bridge.png', SMALL_PNG);
    const missing = fileID.replace('bridge.png', 'absent.png');
    const response = await ask({ fileList: [{ fileID: missing }, { fileID, maxAge: 60 }] });
    expect(response.status).toBe(200);
    const { fileList } = (await response.json()) as {
      fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[];
    };
    expect(fileList.map((file) => [file.fileID, file.status])).toEqual([
      [missing, -1],
      [fileID, 0],
    ]);
    expect(fileList[0].errMsg).toMatch(/^STORAGE_FILE_NONEXIST/);
    const image = await fetch(fileList[1].tempFileURL);
    expect(image.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await image.arrayBuffer()).equals(SMALL_PNG)).toBe(true);
  });

  test('getTempFileURL 桥：错误的请求得到 400 和中文说明，GET 得到 405', async () => {
    for (const [body, reason] of [
      [{}, 'fileList 应为非空数组'],
      [{ fileList: [{ fileID: '' }] }, 'fileList[0].fileID 应为非空字符串'],
      [{ fileList: [{ fileID: 'cloud://x/y', maxAge: -1 }] }, 'fileList[0].maxAge 应为正数（秒）'],
      [{ fileList: Array.from({ length: 51 }, (_, index) => ({ fileID: `cloud://x/${index}` })) }, '一次最多 50 个'],
    ] as const) {
      const response = await ask(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errMsg: string }).errMsg).toContain(reason);
    }
    expect((await ask(undefined, 'GET')).status).toBe(405);
  });
});

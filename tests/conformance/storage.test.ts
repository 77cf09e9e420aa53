// Local file storage through the real node-sdk: uploadFile, getTempFileURL, downloadFile,
// getFileInfo and deleteFile against the emulator, the signed /storage/<path> addresses, and the
// paths that must never leave <dataDir>/storage.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { FileStore } from '../../local/emulator/file-store';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;
let origin: string;

const PDF = Buffer.from('%PDF-1.4\n% 履职学堂 本地存储测试\n%%EOF\n');

beforeAll(async () => {
  emulator = await startTestEmulator();
  origin = emulator.url.replace(/\/$/, '');
  // A file outside the storage folder that no address may reach.
  fs.writeFileSync(path.join(emulator.dataDir, 'secret.txt'), 'not for download');
});

afterAll(async () => {
  await emulator.close();
});

async function tempUrl(fileID: string, maxAge = 600): Promise<{ code: string; tempFileURL: string }> {
  const { fileList } = await emulator.app.getTempFileURL({ fileList: [{ fileID, maxAge }] });
  return fileList[0]!;
}

/** A request whose path is sent exactly as written (fetch and new URL() would resolve `..` away). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(emulator.url);
    http
      .get({ hostname, port, path: rawPath }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString() }));
      })
      .on('error', reject);
  });
}

describe('uploadFile and getTempFileURL', () => {
  let fileID: string;

  beforeAll(async () => {
    ({ fileID } = await emulator.app.uploadFile({ cloudPath: 'slides/第一讲 课件.pdf', fileContent: PDF }));
  });

  it('names the file cloud://local.<bucket>/<path> and stores it under <dataDir>/storage/<path>', () => {
    expect(fileID).toBe('cloud://local.6c6f-local/slides/第一讲 课件.pdf');
    expect(fs.readFileSync(path.join(emulator.dataDir, 'storage', 'slides', '第一讲 课件.pdf'))).toEqual(PDF);
  });

  it('gives a signed, expiring address on the emulator that serves the bytes', async () => {
    const before = Math.floor(Date.now() / 1000);
    const answer = await tempUrl(fileID, 600);
    expect(answer).toEqual({ fileID, code: 'SUCCESS', tempFileURL: expect.any(String) });
    const match = /^(http:\/\/127\.0\.0\.1:\d+)\/storage\/(.+)\?sign=([0-9a-f]+)&t=(\d+)$/.exec(answer.tempFileURL);
    expect(match).not.toBeNull();
    expect(match![1]).toBe(origin);
    expect(match![2]).toBe('slides/第一讲 课件.pdf'); // unencoded, as the real service's addresses are
    expect(Number(match![4]) - before).toBeGreaterThanOrEqual(600);
    expect(Number(match![4]) - before).toBeLessThanOrEqual(602);

    const response = await fetch(encodeURI(answer.tempFileURL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(PDF.length));
    // The browser preview fetches it from the functions host's page, another origin.
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
  });

  it('answers HEAD with the headers only, which getFileInfo reads', async () => {
    const { fileList } = await emulator.app.getFileInfo({ fileList: [fileID] });
    expect(fileList[0]).toMatchObject({ code: 'SUCCESS', mime: 'application/pdf', size: PDF.length });
  });

  it('serves downloadFile, which fetches the temporary address itself', async () => {
    const { fileContent } = await emulator.app.downloadFile({ fileID });
    expect(fileContent).toEqual(PDF);
  });

  it('uploads a stream and replaces an existing file', async () => {
    const source = path.join(emulator.dataDir, 'source.docx');
    fs.writeFileSync(source, 'second version');
    await emulator.app.uploadFile({ cloudPath: 'notes/a.docx', fileContent: Buffer.from('first version') });
    const { fileID: id } = await emulator.app.uploadFile({
      cloudPath: 'notes/a.docx',
      fileContent: fs.createReadStream(source),
    });
    const response = await fetch(encodeURI((await tempUrl(id)).tempFileURL));
    expect(await response.text()).toBe('second version');
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(fs.readdirSync(path.join(emulator.dataDir, 'storage-uploads'))).toEqual([]);
  });
});

describe('files put on disk (as scripts/put-file.ts does)', () => {
  it('are found by path, whatever env and bucket the id names', async () => {
    await new FileStore(emulator.dataDir).write('disk/手册.pptx', Buffer.from('pptx bytes'));
    const answer = await tempUrl('cloud://prod-1a2b.7072-prod-1a2b-1300000000/disk/手册.pptx');
    expect(answer.code).toBe('SUCCESS');
    const response = await fetch(encodeURI(answer.tempFileURL));
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(await response.text()).toBe('pptx bytes');
  });

  it.each([
    ['a.doc', 'application/msword'],
    ['a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a.png', 'image/png'],
    ['a.JPG', 'image/jpeg'],
    ['a.unknownext', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('serve %s as %s', async (name, type) => {
    await new FileStore(emulator.dataDir).write(`types/${name}`, Buffer.from('x'));
    const response = await fetch(encodeURI((await tempUrl(`cloud://local.6c6f-local/types/${name}`)).tempFileURL));
    expect(response.headers.get('content-type')).toBe(type);
  });
});

describe('missing files', () => {
  it('are answered per file STORAGE_FILE_NONEXIST without failing the batch', async () => {
    await new FileStore(emulator.dataDir).write('present.pdf', PDF);
    const { fileList } = await emulator.app.getTempFileURL({
      fileList: ['cloud://local.6c6f-local/absent.pdf', 'cloud://local.6c6f-local/present.pdf'],
    });
    expect(fileList).toEqual([
      {
        fileID: 'cloud://local.6c6f-local/absent.pdf',
        tempFileURL: '',
        code: 'STORAGE_FILE_NONEXIST',
        message: expect.stringContaining('absent.pdf'),
      },
      {
        fileID: 'cloud://local.6c6f-local/present.pdf',
        tempFileURL: expect.stringContaining('/storage/present.pdf?'),
        code: 'SUCCESS',
      },
    ]);
  });

  it('is a folder, not a file: a folder path has no address', async () => {
    expect((await tempUrl('cloud://local.6c6f-local/slides')).code).toBe('STORAGE_FILE_NONEXIST');
  });
});

describe('deleteFile', () => {
  it('deletes, answers per file, and the old address then gives 404', async () => {
    const { fileID } = await emulator.app.uploadFile({ cloudPath: 'trash/old.pdf', fileContent: PDF });
    const { tempFileURL } = await tempUrl(fileID);
    const { fileList } = await emulator.app.deleteFile({
      fileList: [fileID, 'cloud://local.6c6f-local/trash/never.pdf'],
    });
    expect(fileList).toEqual([
      { fileID, code: 'SUCCESS' },
      {
        fileID: 'cloud://local.6c6f-local/trash/never.pdf',
        code: 'STORAGE_FILE_NONEXIST',
        message: expect.any(String),
      },
    ]);
    expect((await tempUrl(fileID)).code).toBe('STORAGE_FILE_NONEXIST');
    const response = await fetch(encodeURI(tempFileURL));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<Code>NoSuchKey</Code>');
    expect(fs.existsSync(path.join(emulator.dataDir, 'storage', 'trash'))).toBe(false); // empty folder gone
  });
});

describe('paths that would leave the storage folder', () => {
  it.each([
    ['..', 'cloud://local.6c6f-local/../secret.txt'],
    ['.. in the middle', 'cloud://local.6c6f-local/slides/../../secret.txt'],
    ['absolute', 'cloud://local.6c6f-local//etc/passwd'],
    ['NUL', 'cloud://local.6c6f-local/a.pdf\u0000.txt'],
    ['backslash', 'cloud://local.6c6f-local/..\\secret.txt'],
    ['no bucket', 'cloud://secret.txt'],
  ])('refuses a fileID with %s per file, in Chinese', async (_name, fileID) => {
    const { fileList } = await emulator.app.getTempFileURL({ fileList: [fileID] });
    expect(fileList).toEqual([
      { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: expect.stringMatching(/路径|格式/) },
    ]);
    const deleted = await emulator.app.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList[0]).toMatchObject({ code: 'INVALID_PARAM' });
    expect(fs.existsSync(path.join(emulator.dataDir, 'secret.txt'))).toBe(true);
  });

  it.each(['../escape.pdf', '/abs.pdf', 'a/./b.pdf', 'a//b.pdf', 'nul\u0000.pdf'])(
    'refuses uploadFile to %j and writes nothing',
    async (cloudPath) => {
      await expect(emulator.app.uploadFile({ cloudPath, fileContent: PDF })).rejects.toMatchObject({
        code: 'INVALID_PARAM',
      });
      expect(fs.existsSync(path.join(emulator.dataDir, 'escape.pdf'))).toBe(false);
    },
  );

  it.each([
    '/storage/../secret.txt',
    '/storage/%2e%2e/secret.txt',
    '/storage/..%2fsecret.txt',
    '/storage/%00.pdf',
    '/storage/%zz',
  ])('answers GET %s with 400, not the file', async (rawPath) => {
    const { status, body } = await rawGet(`${rawPath}?sign=x&t=9999999999`);
    expect(status).toBe(400);
    expect(body).toContain('<Code>InvalidArgument</Code>');
    expect(body).not.toContain('not for download');
  });
});

describe('signed addresses', () => {
  let fileID: string;
  beforeAll(async () => {
    ({ fileID } = await emulator.app.uploadFile({ cloudPath: 'signed/a.pdf', fileContent: PDF }));
  });

  it('refuses an address without, or with a tampered, signature', async () => {
    const { tempFileURL } = await tempUrl(fileID);
    const unsigned = tempFileURL.split('?')[0]!;
    expect((await fetch(unsigned)).status).toBe(403);
    const tampered = tempFileURL.replace(/sign=([0-9a-f])/, (_, c: string) => `sign=${c === '0' ? '1' : '0'}`);
    expect((await fetch(tampered)).status).toBe(403);
    const longer = tempFileURL.replace(/t=(\d+)/, (_, t: string) => `t=${Number(t) + 3600}`);
    expect((await fetch(longer)).status).toBe(403);
  });

  it('refuses one file’s signature for another file', async () => {
    await emulator.app.uploadFile({ cloudPath: 'signed/b.pdf', fileContent: Buffer.from('other') });
    const { tempFileURL } = await tempUrl(fileID);
    const response = await fetch(tempFileURL.replace('signed/a.pdf', 'signed/b.pdf'));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('refuses a download address for an upload (PUT)', async () => {
    const { tempFileURL } = await tempUrl(fileID);
    const response = await fetch(tempFileURL, { method: 'PUT', body: 'overwritten' });
    expect(response.status).toBe(403);
    expect(fs.readFileSync(path.join(emulator.dataDir, 'storage', 'signed', 'a.pdf'))).toEqual(PDF);
  });

  it('expires after maxAge', async () => {
    const { tempFileURL } = await tempUrl(fileID, 1);
    expect((await fetch(tempFileURL)).status).toBe(200);
    const expiresAt = Number(/t=(\d+)/.exec(tempFileURL)![1]);
    await new Promise((resolve) => setTimeout(resolve, (expiresAt + 1) * 1000 - Date.now() + 50));
    const response = await fetch(tempFileURL);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('已过期');
  });

  it('refuses other methods', async () => {
    const { tempFileURL } = await tempUrl(fileID);
    expect((await fetch(tempFileURL, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('limits', () => {
  it('refuses an upload announced above 200 MB with 413, writing nothing', async () => {
    const { data } = (await emulator.app.getUploadMetadata({ cloudPath: 'huge/video.mp4' })) as {
      data: { url: string };
    };
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(data.url, { method: 'PUT', headers: { 'content-length': 300 * 1024 * 1024 } });
      request.on('response', (response) => {
        resolve(response.statusCode!);
        request.destroy();
      });
      request.on('error', reject);
      request.write('only the first bytes');
    });
    expect(status).toBe(413);
    expect(fs.existsSync(path.join(emulator.dataDir, 'storage', 'huge'))).toBe(false);
  });

  it('refuses more than 50 files a call, like the real service', async () => {
    const fileList = Array.from({ length: 51 }, (_, index) => `cloud://local.6c6f-local/${index}.pdf`);
    await expect(emulator.app.getTempFileURL({ fileList })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(emulator.app.deleteFile({ fileList })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});

/**
 * File materials end to end in the local stack: a file put into the emulator's storage through the real
 * node-sdk, a material naming it, the `training` function's `materials` and `session` answers carrying a
 * temporary address, and that address giving back the bytes (what wx.downloadFile then fetches).
 */
import type { MaterialsResponse, MaterialView, SessionResponse } from '../../miniprogram/contracts/training';
import { COLLECTIONS } from '../../core/database/collections';
import { TRAINING_LIMITS } from '../../core/training/limits';
import { main } from '../../cloudfunctions/training/index';
import type { TestEmulator } from '../support/emulator';
import { dataOf, startEmulatorForFunctions } from '../support/functions';

let emulator: TestEmulator;
let slidesFileId: string;

const SLIDES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const SESSION_ID = 'files-test-lecture';

beforeAll(async () => {
  emulator = await startEmulatorForFunctions();
  ({ fileID: slidesFileId } = await emulator.app.uploadFile({
    cloudPath: 'slides/测试讲座课件.pdf',
    fileContent: SLIDES,
  }));
  await emulator.db
    .collection(COLLECTIONS.trainingSessions)
    .doc(SESSION_ID)
    .set({
      kind: 'lecture',
      title: '测试讲座',
      materialIds: ['files-test-slides', 'files-test-missing'],
    });
  const materials = emulator.db.collection(COLLECTIONS.trainingMaterials);
  await materials.doc('files-test-slides').set({
    kind: 'file',
    title: '测试讲座课件',
    label: '课件',
    sessionId: SESSION_ID,
    fileId: slidesFileId,
    size: SLIDES.length,
    order: 1,
  });
  await materials.doc('files-test-missing').set({
    kind: 'file',
    title: '尚未上传的讲稿',
    sessionId: SESSION_ID,
    fileId: 'cloud://local.6c6f-local/slides/尚未上传.docx',
    order: 2,
  });
});

afterAll(async () => {
  await emulator.close();
});

async function call<T>(event: Record<string, unknown>): Promise<T> {
  return dataOf<T>(await main(event, {}));
}

function byId(materials: MaterialView[], id: string): MaterialView {
  const found = materials.find((material) => material.id === id);
  if (!found) throw new Error(`material ${id} missing from ${materials.map((m) => m.id).join(', ')}`);
  return found;
}

/** What wx.downloadFile does with the address: a plain GET. */
async function download(url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe.each([
  ['materials', async () => (await call<MaterialsResponse>({ action: 'materials', kind: 'file' })).items],
  ['session', async () => (await call<SessionResponse>({ action: 'session', id: SESSION_ID })).materials],
])('the %s action', (_action, list) => {
  let materials: MaterialView[];
  beforeAll(async () => {
    materials = await list();
  });

  it('gives a stored file an address on the emulator, valid for the contract’s lifetime, and marks it openable', () => {
    const slides = byId(materials, 'files-test-slides');
    expect(slides).toMatchObject({ kind: 'file', fileId: slidesFileId, fileType: 'pdf', openable: true });
    expect(slides.downloadUrl).toMatch(
      new RegExp(`^${emulator.url}storage/slides/测试讲座课件\\.pdf\\?sign=\\w+&t=\\d+$`),
    );
    const expiresAt = Number(/t=(\d+)$/.exec(slides.downloadUrl!)![1]);
    const lifetime = expiresAt - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(TRAINING_LIMITS.downloadUrlMaxAgeSeconds - 60);
    expect(lifetime).toBeLessThanOrEqual(TRAINING_LIMITS.downloadUrlMaxAgeSeconds + 1);
  });

  it('gives an address that returns the bytes as a PDF', async () => {
    const { status, type, bytes } = await download(byId(materials, 'files-test-slides').downloadUrl!);
    expect(status).toBe(200);
    expect(type).toBe('application/pdf');
    expect(bytes).toEqual(SLIDES);
  });

  it('still lists a material whose file is not in storage, without an address and not openable', () => {
    expect(byId(materials, 'files-test-missing')).toMatchObject({
      title: '尚未上传的讲稿',
      fileType: 'docx',
      downloadUrl: null,
      openable: false,
    });
  });
});

describe('after storage changes (run after the listings above)', () => {
  it('gives the missing file an address once it has been uploaded to the path its fileId names', async () => {
    const document = Buffer.from('docx bytes, uploaded late');
    await emulator.app.uploadFile({ cloudPath: 'slides/尚未上传.docx', fileContent: document });
    const { materials } = await call<SessionResponse>({ action: 'session', id: SESSION_ID });
    const late = byId(materials, 'files-test-missing');
    expect(late.openable).toBe(true);
    expect((await download(late.downloadUrl!)).bytes).toEqual(document);
  });

  it('drops the address again when the file is deleted from storage', async () => {
    await emulator.app.deleteFile({ fileList: [slidesFileId] });
    const { items } = await call<MaterialsResponse>({ action: 'materials', sessionId: SESSION_ID });
    expect(byId(items, 'files-test-slides')).toMatchObject({ downloadUrl: null, openable: false });
  });
});

// A getTempFileURL / deleteFile batch answers each file on its own: one bad id (a name segment too
// long for the disk, a "folder" that is really a file) fails alone, and no answer carries a path of
// this machine.
import { FileStore } from '../../local/emulator/file-store';
import { localFileId } from '../../local/emulator/cloud-path';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const files = new FileStore(emulator.dataDir);
  await files.write('slides/a.pdf', Buffer.from('%PDF-1.4 a'));
  await files.write('slides/b.pdf', Buffer.from('%PDF-1.4 b'));
});

afterAll(async () => {
  await emulator.close();
});

const longSegment = `cloud://local.6c6f-local/slides/${'长'.repeat(100)}.pdf`; // 300 bytes in one name
const underAFile = 'cloud://local.6c6f-local/slides/a.pdf/inside.pdf'; // a.pdf is a file, not a folder

function leaksNoPath(answer: unknown): void {
  const text = JSON.stringify(answer);
  expect(text).not.toContain(emulator.dataDir);
  expect(text).not.toMatch(/"\/(tmp|home|work|Users)\//);
}

test('getTempFileURL: bad ids fail alone, good ones still get addresses', async () => {
  const { fileList } = await emulator.app.getTempFileURL({
    fileList: [localFileId('slides/a.pdf'), longSegment, underAFile, localFileId('slides/b.pdf')],
  });
  expect(fileList.map((file) => file.code)).toEqual(['SUCCESS', 'INVALID_PARAM', 'STORAGE_FILE_NONEXIST', 'SUCCESS']);
  expect(fileList[0].tempFileURL).toContain('/storage/slides/a.pdf');
  expect(fileList[3].tempFileURL).toContain('/storage/slides/b.pdf');
  leaksNoPath(fileList);
});

test('deleteFile: bad ids fail alone, good ones are deleted', async () => {
  const { fileList } = await emulator.app.deleteFile({
    fileList: [longSegment, underAFile, localFileId('slides/b.pdf')],
  });
  expect(fileList.map((file) => file.code)).toEqual(['INVALID_PARAM', 'STORAGE_FILE_NONEXIST', 'SUCCESS']);
  leaksNoPath(fileList);
  const again = await emulator.app.getTempFileURL({ fileList: [localFileId('slides/b.pdf')] });
  expect(again.fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
});

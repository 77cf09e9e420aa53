/**
 * cloud:// files in the browser: the preview server asks the local CloudBase emulator for signed
 * addresses (see ../../storage-bridge.ts). Used by wx.cloud.getTempFileURL / downloadFile and by
 * <image src="cloud://…">. When the server has no emulator (boot.cloudStorage false) every file
 * answers status -1 and the gap is reported on screen, never silently.
 */
import { MAX_FILES_PER_CALL, TEMP_FILE_URL_ENDPOINT } from '../../storage-bridge';
import type { TempFile, TempFileAnswer, TempFileRequestEntry } from '../../storage-bridge';
import { boot } from '../boot-config';
import { reportUnsupported } from '../notices';

/** Thrown when the whole call fails (bad request, emulator unreachable); per-file failures are answers. */
export class CloudStorageError extends Error {}

function unavailable(fileID: string): TempFile {
  reportUnsupported('云存储 cloud:// 文件（预览没有连接本地云存储）', fileID);
  return { fileID, tempFileURL: '', status: -1, errMsg: '预览没有连接本地云存储' };
}

/** Addresses for cloud:// ids, in the order asked; http(s) addresses and local paths pass through as WeChat does. */
export async function tempFileUrls(entries: TempFileRequestEntry[]): Promise<TempFile[]> {
  if (entries.length > MAX_FILES_PER_CALL)
    throw new CloudStorageError(`fileList 一次最多 ${MAX_FILES_PER_CALL} 个文件`);
  const cloudEntries = entries.filter((entry) => entry.fileID.startsWith('cloud://'));
  const answered = new Map<string, TempFile>();
  if (cloudEntries.length > 0 && boot.cloudStorage) {
    let response: Response;
    try {
      response = await fetch(TEMP_FILE_URL_ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fileList: cloudEntries }),
      });
    } catch (error) {
      throw new CloudStorageError(`预览服务无法连接：${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      let reason = text;
      try {
        reason = String((JSON.parse(text) as { errMsg?: unknown }).errMsg ?? text);
      } catch {
        // plain text answer: keep it as it is
      }
      throw new CloudStorageError(`${response.status} ${reason.slice(0, 300)}`);
    }
    for (const file of (JSON.parse(text) as TempFileAnswer).fileList) answered.set(file.fileID, file);
  }
  return entries.map(({ fileID }) => {
    if (!fileID.startsWith('cloud://')) {
      if (/^https?:\/\//.test(fileID) || fileID.startsWith('/'))
        return { fileID, tempFileURL: fileID, status: 0, errMsg: 'ok' };
      return { fileID, tempFileURL: '', status: -1, errMsg: '不是 cloud:// 文件 ID' };
    }
    return answered.get(fileID) ?? unavailable(fileID);
  });
}

/** One cloud:// id to an address the browser can load; '' with the reason when it cannot. */
export async function resolveCloudFile(fileID: string): Promise<{ url: string; errMsg: string }> {
  try {
    const [file] = await tempFileUrls([{ fileID }]);
    return { url: file.status === 0 ? file.tempFileURL : '', errMsg: file.errMsg };
  } catch (error) {
    return { url: '', errMsg: (error as Error).message };
  }
}

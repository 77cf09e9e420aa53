// The local stack has no file storage. getTempFileURL (`storage.batchGetDownloadUrl`) reaches the
// emulator too, because it shares the serviceUrl; answer it the way the real service answers for
// files it does not hold — per file, code STORAGE_FILE_NONEXIST — so callers take their normal
// "no address" path instead of failing the whole call.
import { EmulatorError } from './errors';
import { isPlainObject } from './ejson';
import type { Params } from './actions';

export function batchGetDownloadUrl(params: Params): Record<string, unknown> {
  if (!Array.isArray(params.file_list)) throw new EmulatorError('INVALID_PARAM', 'file_list 必须是数组');
  const downloadList = params.file_list.map((file: unknown) => {
    const fileID = isPlainObject(file) && typeof file.fileid === 'string' ? file.fileid : '';
    return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: '本地环境没有云存储文件' };
  });
  return { download_list: downloadList };
}

// node-sdk 3.18's storage actions against the local file storage (files under <dataDir>/storage/).
// getTempFileURL, deleteFile and uploadFile reach the emulator because they share the serviceUrl;
// the files themselves are then read and written over plain HTTP at /storage/<path> (file-server.ts),
// the way the real service hands out COS addresses. Per-file problems (a missing file, a malformed
// id) are answered per file, as the real service does, so one bad id does not fail a whole batch.
import { checkCloudPath, localFileId, pathOfFileId } from './cloud-path';
import { isPlainObject } from './ejson';
import { EmulatorError } from './errors';
import { FileStore } from './file-store';
import { UrlSigner, type SignedMethod } from './url-signer';
import type { Params } from './actions';

/** The real service takes at most 50 files per getTempFileURL / deleteFile call. */
export const MAX_FILES_PER_CALL = 50;
/** When getTempFileURL is given no maxAge: one day, the real service's default. */
const DEFAULT_MAX_AGE_SECONDS = 24 * 60 * 60;
/** How long an upload address from getUploadMetadata stays valid. */
const UPLOAD_WINDOW_SECONDS = 10 * 60;

interface FileAnswer {
  fileID: string;
  code: string;
  message?: string;
}

export class LocalStorage {
  readonly files: FileStore;
  readonly signer = new UrlSigner();

  /** `origin` gives the emulator's own http://127.0.0.1:PORT, known once it listens. */
  constructor(
    dataDir: string,
    private readonly origin: () => string,
  ) {
    this.files = new FileStore(dataDir);
    this.files.discardUnfinishedUploads();
  }

  /** `storage.batchGetDownloadUrl`: `{download_list: [{fileID, tempFileURL, code}]}`. */
  batchGetDownloadUrl(params: Params, now: Date): Record<string, unknown> {
    const downloadList = readList(params.file_list, 'file_list').map((file) => {
      const fileID = isPlainObject(file) && typeof file.fileid === 'string' ? file.fileid : String(file);
      const answer = this.answerFor(fileID, (cloudPath) => {
        const maxAge = isPlainObject(file) ? file.max_age : undefined;
        const seconds = typeof maxAge === 'number' && maxAge > 0 ? Math.floor(maxAge) : DEFAULT_MAX_AGE_SECONDS;
        return { tempFileURL: this.address('GET', cloudPath, now, seconds) };
      });
      return { tempFileURL: '', ...answer };
    });
    return { download_list: downloadList };
  }

  /** `storage.batchDeleteFile`: `{delete_list: [{fileID, code}]}`. */
  batchDeleteFile(params: Params): Record<string, unknown> {
    const deleteList = readList(params.fileid_list, 'fileid_list').map((fileID) =>
      this.answerFor(String(fileID), (cloudPath) => {
        this.files.remove(cloudPath);
        return {};
      }),
    );
    return { delete_list: deleteList };
  }

  /**
   * `storage.getUploadMetadata` (first half of uploadFile): where to PUT the bytes. The SDK sends the
   * other fields back as COS headers; locally only the signed URL matters.
   */
  getUploadMetadata(params: Params, now: Date): Record<string, unknown> {
    const cloudPath = checkCloudPath(params.path);
    if (params.method !== undefined && params.method !== 'put') {
      throw new EmulatorError('INVALID_PARAM', '本地存储只支持 PUT 方式上传');
    }
    return {
      url: this.address('PUT', cloudPath, now, UPLOAD_WINDOW_SECONDS),
      token: 'local',
      authorization: 'local',
      fileId: localFileId(cloudPath),
      cosFileId: 'local',
      download_url: this.address('GET', cloudPath, now, DEFAULT_MAX_AGE_SECONDS),
    };
  }

  /**
   * GET addresses carry the path as the real service's do, unencoded (clients such as node-sdk's
   * downloadFile run encodeURI on them); PUT addresses are used as given, so they are encoded here.
   */
  private address(method: SignedMethod, cloudPath: string, now: Date, seconds: number): string {
    const expiresAt = Math.floor(now.getTime() / 1000) + seconds;
    const shownPath = method === 'GET' ? cloudPath : cloudPath.split('/').map(encodeURIComponent).join('/');
    return `${this.origin()}/storage/${shownPath}?${this.signer.query(method, cloudPath, expiresAt)}`;
  }

  /** SUCCESS with `found`'s fields for an existing file; otherwise the per-file failure. */
  private answerFor(fileID: string, found: (cloudPath: string) => Record<string, string>): FileAnswer {
    let cloudPath: string;
    try {
      cloudPath = pathOfFileId(fileID);
    } catch (error) {
      if (!(error instanceof EmulatorError)) throw error;
      return { fileID, code: error.code, message: error.message };
    }
    // Whatever goes wrong with one file is that file's answer: the rest of the batch goes on, and the
    // message names the cloud path only, never where the file would be on this machine.
    try {
      if (!this.files.find(cloudPath)) {
        return { fileID, code: 'STORAGE_FILE_NONEXIST', message: `本地存储中没有这个文件：${cloudPath}` };
      }
      return { fileID, ...found(cloudPath), code: 'SUCCESS' };
    } catch (error) {
      if (error instanceof EmulatorError) return { fileID, code: error.code, message: error.message };
      console.error('[emulator] storage error', error);
      return { fileID, code: 'STORAGE_REQUEST_FAIL', message: `本地存储无法处理这个文件：${cloudPath}` };
    }
  }
}

function readList(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw new EmulatorError('INVALID_PARAM', `${name} 必须是数组`);
  if (value.length > MAX_FILES_PER_CALL) {
    throw new EmulatorError('INVALID_PARAM', `${name} 一次最多 ${MAX_FILES_PER_CALL} 个文件，实际 ${value.length} 个`);
  }
  return value;
}

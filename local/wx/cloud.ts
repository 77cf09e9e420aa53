/**
 * wx.cloud.init / callFunction / getTempFileURL for every simulated `wx`: WeChat's checks and answer shapes
 * here; where a call goes is the caller's CloudBackend (the preview: the local functions host and storage;
 * the page tests: a handler the test gives). A backend signals a failed transport by throwing ApiFailure.
 */
import type { TempFile, TempFileRequestEntry } from '../preview/storage-bridge';
import { ApiFailure, asyncApi } from './callbacks';

export interface CloudBackend {
  /** The function's return value (what WeChat hands the page as `result`). */
  callFunction(name: string, data: Record<string, unknown>): Promise<unknown>;
  tempFileUrls(entries: TempFileRequestEntry[]): Promise<TempFile[]>;
}

function fileEntries(apiName: string, fileList: unknown): TempFileRequestEntry[] {
  if (!Array.isArray(fileList) || fileList.length === 0) {
    throw new ApiFailure(apiName, 'parameter.fileList should be a non-empty Array');
  }
  return fileList.map((entry: unknown) => {
    if (typeof entry === 'string') return { fileID: entry };
    const record = (entry ?? {}) as { fileID?: unknown; maxAge?: unknown };
    const fileID = String(record.fileID ?? '');
    return typeof record.maxAge === 'number' ? { fileID, maxAge: record.maxAge } : { fileID };
  });
}

export function cloudApis(backend: CloudBackend, requestIdPrefix: string) {
  let requestCounter = 0;
  return {
    init: () => undefined,
    callFunction: asyncApi('cloud.callFunction', async (options: { name?: unknown; data?: unknown }) => {
      if (typeof options.name !== 'string' || options.name === '') {
        throw new ApiFailure('cloud.callFunction', 'parameter.name should be a non-empty string');
      }
      const result = await backend.callFunction(options.name, (options.data ?? {}) as Record<string, unknown>);
      requestCounter += 1;
      return { result, requestID: `${requestIdPrefix}-${requestCounter}` };
    }),
    getTempFileURL: asyncApi('cloud.getTempFileURL', async (options: { fileList?: unknown }) => {
      const entries = fileEntries('cloud.getTempFileURL', options.fileList);
      try {
        return { fileList: await backend.tempFileUrls(entries) };
      } catch (error) {
        if (error instanceof ApiFailure) throw error;
        throw new ApiFailure('cloud.getTempFileURL', (error as Error).message, { errCode: -1 });
      }
    }),
  };
}

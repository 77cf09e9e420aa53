/**
 * wx.downloadFile: fetches the file (progress reported through the task's onProgressUpdate as
 * the bytes arrive), keeps it as a blob: URL for tempFilePath — which wx.openDocument and
 * <image> accept. Returns a DownloadTask when callbacks are used, a Promise otherwise.
 */
import { deliverToCallbacks } from '../../../wx/callbacks';
import type { Callbacks } from '../../../wx/callbacks';

type ProgressListener = (update: {
  progress: number;
  totalBytesWritten: number;
  totalBytesExpectedToWrite: number;
}) => void;

export const downloadedTypes = new Map<string, string>();

export function downloadFile(options: Callbacks & { url?: string; header?: Record<string, string> } = {}) {
  const listeners: ProgressListener[] = [];
  const controller = new AbortController();
  const run = (async () => {
    if (!options.url) throw { errMsg: 'downloadFile:fail parameter.url should be String' };
    let response: Response;
    try {
      response = await fetch(options.url, { headers: options.header, signal: controller.signal });
    } catch (error) {
      throw { errMsg: `downloadFile:fail ${(error as Error).message}` };
    }
    const total = Number(response.headers.get('content-length')) || 0;
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      const progress = total ? Math.round((received / total) * 100) : 0;
      listeners.forEach((listener) =>
        listener({ progress, totalBytesWritten: received, totalBytesExpectedToWrite: total }),
      );
    }
    const type = response.headers.get('content-type') ?? '';
    const tempFilePath = URL.createObjectURL(new Blob(chunks as BlobPart[], { type }));
    downloadedTypes.set(tempFilePath, type);
    return { errMsg: 'downloadFile:ok', tempFilePath, statusCode: response.status };
  })();
  const task = {
    onProgressUpdate: (listener: ProgressListener) => void listeners.push(listener),
    offProgressUpdate: (listener: ProgressListener) => void listeners.splice(listeners.indexOf(listener), 1),
    abort: () => controller.abort(),
    onHeadersReceived: () => undefined,
    offHeadersReceived: () => undefined,
  };
  if (!options.success && !options.fail && !options.complete) return Object.assign(run, task);
  deliverToCallbacks(run, options);
  return task;
}

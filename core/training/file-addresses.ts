/**
 * Temporary https addresses for cloud:// files, through the SDK's getTempFileURL (wire action
 * `storage.batchGetDownloadUrl`). A file whose address cannot be had is simply left without one: the list
 * still shows it, marked as not openable, instead of the whole answer failing.
 */
import { TRAINING_LIMITS } from './limits';
import { getCloudApp } from '../runtime/cloud';

/** The port the use cases depend on, so rules can be tested without storage. */
export interface FileAddresses {
  /** fileId -> temporary address, for the files that have one. Never throws. */
  downloadUrls(fileIds: string[]): Promise<Map<string, string>>;
}

/** getTempFileURL takes at most 50 files a call. */
const BATCH_SIZE = 50;

interface TempFileAnswer {
  fileList?: { fileID?: unknown; tempFileURL?: unknown; code?: unknown }[];
  code?: unknown;
  message?: unknown;
}

export class CloudFileAddresses implements FileAddresses {
  async downloadUrls(fileIds: string[]): Promise<Map<string, string>> {
    const addresses = new Map<string, string>();
    const unique = [...new Set(fileIds)];
    for (let index = 0; index < unique.length; index += BATCH_SIZE) {
      const batch = unique.slice(index, index + BATCH_SIZE);
      try {
        const answer = (await getCloudApp().getTempFileURL({
          fileList: batch.map((fileID) => ({ fileID, maxAge: TRAINING_LIMITS.downloadUrlMaxAgeSeconds })),
        })) as TempFileAnswer;
        if (!Array.isArray(answer.fileList)) {
          // The SDK hands back {code, message} instead of throwing when cloud storage refuses.
          console.warn('getTempFileURL refused', String(answer.code), String(answer.message));
          continue;
        }
        for (const file of answer.fileList) {
          if (
            file.code === 'SUCCESS' &&
            typeof file.fileID === 'string' &&
            typeof file.tempFileURL === 'string' &&
            file.tempFileURL !== ''
          ) {
            addresses.set(file.fileID, file.tempFileURL);
          }
        }
      } catch (error: unknown) {
        console.warn('getTempFileURL failed', error instanceof Error ? error.message : error);
      }
    }
    return addresses;
  }
}

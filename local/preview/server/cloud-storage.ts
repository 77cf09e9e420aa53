/**
 * POST /__preview/cloud/getTempFileURL: turns cloud:// file ids into the emulator's signed
 * http://127.0.0.1:<port>/storage/… addresses by calling node-sdk's getTempFileURL against the
 * emulator (createLocalCloudApp), and answers as wx.cloud.getTempFileURL does on a phone:
 * per file `status` 0 with `tempFileURL`, or -1 with the service's code in `errMsg`. A missing file
 * fails only its own entry, never the batch.
 */
import type http from 'node:http';
import type tcb from '@cloudbase/node-sdk';
import { createLocalCloudApp } from '../../emulator/client';
import { MAX_FILES_PER_CALL } from '../storage-bridge';
import type { TempFile, TempFileAnswer, TempFileRequestEntry } from '../storage-bridge';

/** A request the bridge refuses (answered 400 with this sentence). */
export class StorageRequestError extends Error {}

/** The emulator could not be asked, or refused the whole call (answered 502). */
export class StorageServiceError extends Error {}

/** A file list is at most 50 ids of at most ~1 KB: 64 KB is plenty. */
const MAX_BODY_BYTES = 64 * 1024;

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new StorageRequestError(`请求体超过 ${MAX_BODY_BYTES / 1024} KB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseTempFileRequest(body: string): TempFileRequestEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new StorageRequestError('请求体不是 JSON');
  }
  const list = (parsed as { fileList?: unknown } | null)?.fileList;
  if (!Array.isArray(list) || list.length === 0) throw new StorageRequestError('fileList 应为非空数组');
  if (list.length > MAX_FILES_PER_CALL) throw new StorageRequestError(`fileList 一次最多 ${MAX_FILES_PER_CALL} 个文件`);
  return list.map((entry: unknown, index) => {
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof record.fileID !== 'string' || record.fileID === '') {
      throw new StorageRequestError(`fileList[${index}].fileID 应为非空字符串`);
    }
    if (record.maxAge !== undefined && (typeof record.maxAge !== 'number' || !(record.maxAge > 0))) {
      throw new StorageRequestError(`fileList[${index}].maxAge 应为正数（秒）`);
    }
    return record.maxAge === undefined ? { fileID: record.fileID } : { fileID: record.fileID, maxAge: record.maxAge };
  });
}

interface SdkTempFile {
  fileID?: unknown;
  tempFileURL?: unknown;
  code?: unknown;
  message?: unknown;
}

function asClientFile(requested: TempFileRequestEntry, answered: SdkTempFile | undefined): TempFile {
  const url = typeof answered?.tempFileURL === 'string' ? answered.tempFileURL : '';
  if (answered?.code === 'SUCCESS' && url !== '') {
    return { fileID: requested.fileID, tempFileURL: url, status: 0, errMsg: 'ok' };
  }
  const code = typeof answered?.code === 'string' ? answered.code : 'STORAGE_FILE_NONEXIST';
  const message = typeof answered?.message === 'string' ? `: ${answered.message}` : '';
  return { fileID: requested.fileID, tempFileURL: '', status: -1, errMsg: `${code}${message}` };
}

export class PreviewCloudStorage {
  private readonly app: tcb.CloudBase;

  /** `serviceUrl`: the emulator's address, as given to node-sdk (http://127.0.0.1:<port>/). */
  constructor(serviceUrl: string) {
    this.app = createLocalCloudApp(serviceUrl);
  }

  async tempFileUrls(entries: TempFileRequestEntry[]): Promise<TempFileAnswer> {
    let answer: { fileList?: SdkTempFile[]; code?: unknown; message?: unknown };
    try {
      // The SDK takes an object only with both fileID and maxAge; a bare id gets the default lifetime.
      const fileList = entries.map((entry) =>
        entry.maxAge === undefined ? entry.fileID : { ...entry, maxAge: entry.maxAge },
      );
      answer = (await this.app.getTempFileURL({ fileList })) as typeof answer;
    } catch (error) {
      throw new StorageServiceError(`本地云存储没有回答：${error instanceof Error ? error.message : String(error)}`);
    }
    // node-sdk hands back {code, message} instead of throwing when the service refuses the call.
    if (!Array.isArray(answer.fileList)) {
      throw new StorageServiceError(`本地云存储拒绝了请求：${String(answer.code)} ${String(answer.message ?? '')}`);
    }
    const byId = new Map(answer.fileList.map((file) => [file.fileID, file]));
    return { fileList: entries.map((entry) => asClientFile(entry, byId.get(entry.fileID))) };
  }

  /** Answers one POST to TEMP_FILE_URL_ENDPOINT. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    try {
      reply(200, await this.tempFileUrls(parseTempFileRequest(await readBody(req))));
    } catch (error) {
      if (error instanceof StorageRequestError) reply(400, { errMsg: error.message });
      else if (error instanceof StorageServiceError) reply(502, { errMsg: error.message });
      else throw error;
    }
  }
}

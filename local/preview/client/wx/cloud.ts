/**
 * wx.cloud for the preview: callFunction is a POST to the local functions host
 * (<functionsBaseUrl>/functions/<name>, body = the event's data), carrying the identity chosen
 * beside the phone in x-wx-openid and x-wx-source. The host answers with the function's
 * return value, which becomes `result` as in WeChat. Storage (getTempFileURL, downloadFile) reads
 * the local emulator's files through the preview server (cloud-storage.ts).
 */
import { PREVIEW_SOURCE } from '../../identities';
import { boot } from '../boot-config';
import { identityHeaders } from '../identity';
import { reportUnsupported } from '../notices';
import { ApiFailure, asyncApi } from '../../../wx/callbacks';
import { cloudApis } from '../../../wx/cloud';
import { resolveCloudFile, tempFileUrls } from './cloud-storage';
import { downloadFile } from './download';

/** callFunction's transport: POST the event to the functions host, as the chosen identity. */
async function callHostFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  const url = `${boot.functionsBaseUrl}/functions/${encodeURIComponent(name)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-source': PREVIEW_SOURCE, ...identityHeaders() },
      body: JSON.stringify(data),
    });
  } catch (error) {
    throw new ApiFailure('cloud.callFunction', `本地函数服务无法连接（${url}）：${(error as Error).message}`, {
      errCode: -1,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new ApiFailure(
      'cloud.callFunction',
      `errCode: -404011 cloud function execution error | ${response.status} ${text.slice(0, 300)}`,
      { errCode: -404011 },
    );
  }
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiFailure('cloud.callFunction', `函数 ${name} 的回答不是 JSON：${text.slice(0, 200)}`);
  }
}

/**
 * wx.cloud.downloadFile({fileID}): the file's temporary address, then wx.downloadFile's fetch, so
 * tempFilePath is a blob: URL that wx.openDocument and <image> accept. (No progress task: on a
 * phone the callback form returns one; here only wx.downloadFile reports progress.)
 */
async function cloudDownloadFile(options: { fileID?: unknown }): Promise<Record<string, unknown>> {
  if (typeof options.fileID !== 'string' || options.fileID === '') {
    throw new ApiFailure('cloud.downloadFile', 'parameter.fileID should be a non-empty string');
  }
  const { url, errMsg } = await resolveCloudFile(options.fileID);
  if (url === '') throw new ApiFailure('cloud.downloadFile', errMsg, { errCode: -1 });
  try {
    // Without callbacks wx.downloadFile answers a Promise (carrying the task's methods).
    const downloaded = await (downloadFile({ url }) as unknown as Promise<{
      tempFilePath: string;
      statusCode: number;
    }>);
    if (downloaded.statusCode < 200 || downloaded.statusCode >= 300) {
      throw new ApiFailure('cloud.downloadFile', `存储返回 ${downloaded.statusCode}`, { errCode: -1 });
    }
    return { tempFilePath: downloaded.tempFilePath, statusCode: downloaded.statusCode };
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw new ApiFailure('cloud.downloadFile', String((error as { errMsg?: unknown }).errMsg ?? error));
  }
}

function unsupported(name: string) {
  return asyncApi(`cloud.${name}`, () => {
    reportUnsupported(`wx.cloud.${name}`);
    throw new ApiFailure(`cloud.${name}`, '预览不支持');
  });
}

export const cloud = {
  ...cloudApis({ callFunction: callHostFunction, tempFileUrls }, 'preview'),
  uploadFile: unsupported('uploadFile'),
  downloadFile: asyncApi('cloud.downloadFile', cloudDownloadFile),
  deleteFile: unsupported('deleteFile'),
  database: () => {
    reportUnsupported('wx.cloud.database()', '小程序端请通过云函数访问数据');
    throw new Error('预览不支持 wx.cloud.database()');
  },
};

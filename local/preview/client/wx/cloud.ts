/**
 * wx.cloud for the preview: callFunction is a POST to the local functions host
 * (<functionsBaseUrl>/functions/<name>, body = the event's data), carrying the identity chosen
 * beside the phone in x-wx-openid and x-wx-source. The host answers with the function's
 * return value, which becomes `result` as in WeChat.
 */
import { PREVIEW_SOURCE } from '../../identities';
import { boot } from '../boot-config';
import { identityHeaders } from '../identity';
import { reportUnsupported } from '../notices';
import { ApiFailure, asyncApi } from './async-api';

let requestCounter = 0;

async function callFunction(options: { name?: unknown; data?: unknown }): Promise<Record<string, unknown>> {
  if (typeof options.name !== 'string' || options.name === '') {
    throw new ApiFailure('cloud.callFunction', 'parameter.name should be a non-empty string');
  }
  const url = `${boot.functionsBaseUrl}/functions/${encodeURIComponent(options.name)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-source': PREVIEW_SOURCE, ...identityHeaders() },
      body: JSON.stringify(options.data ?? {}),
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
      {
        errCode: -404011,
      },
    );
  }
  let result: unknown;
  try {
    result = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiFailure('cloud.callFunction', `函数 ${options.name} 的回答不是 JSON：${text.slice(0, 200)}`);
  }
  requestCounter += 1;
  return { result, requestID: `preview-${requestCounter}` };
}

async function getTempFileURL(options: { fileList?: unknown }): Promise<Record<string, unknown>> {
  const ids = Array.isArray(options.fileList) ? options.fileList : [];
  const fileList = ids.map((entry: unknown) => {
    const fileID = typeof entry === 'string' ? entry : String((entry as { fileID?: unknown })?.fileID ?? '');
    if (/^https?:\/\//.test(fileID) || fileID.startsWith('/'))
      return { fileID, tempFileURL: fileID, status: 0, errMsg: 'ok' };
    reportUnsupported('云存储 cloud:// 文件', fileID);
    return { fileID, tempFileURL: '', status: -1, errMsg: '预览没有云存储' };
  });
  return { fileList };
}

function unsupported(name: string) {
  return asyncApi(`cloud.${name}`, () => {
    reportUnsupported(`wx.cloud.${name}`);
    throw new ApiFailure(`cloud.${name}`, '预览不支持');
  });
}

export const cloud = {
  init: () => undefined,
  callFunction: asyncApi('cloud.callFunction', callFunction),
  getTempFileURL: asyncApi('cloud.getTempFileURL', getTempFileURL),
  uploadFile: unsupported('uploadFile'),
  downloadFile: unsupported('downloadFile'),
  deleteFile: unsupported('deleteFile'),
  database: () => {
    reportUnsupported('wx.cloud.database()', '小程序端请通过云函数访问数据');
    throw new Error('预览不支持 wx.cloud.database()');
  },
};

/**
 * The only file that talks to wx.cloud (app.ts initialises it through initCloud). Every answer is an
 * Envelope: transport failures (no network, timeout, a function that crashed or is not deployed)
 * become `{ ok: false }` with a sentence fit for the reader, so pages never need try/catch.
 */
import { DEFAULT_ERROR_MESSAGES, isErrorCode } from '../contracts/envelope';
import type { Envelope, Failure } from '../contracts/envelope';

export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试';
/** wx.cloud arrived with base library 2.2.3; an older WeChat has none, and no retry will help. */
export const OUTDATED_WECHAT_MESSAGE = '当前微信版本过低，请升级微信后再打开';

/** Once, at launch (app.ts). Without wx.cloud every call later answers OUTDATED_WECHAT_MESSAGE. */
export function initCloud(env: string): void {
  if (!wx.cloud) {
    console.error('wx.cloud 不可用：请使用 2.2.3 或以上的基础库');
    return;
  }
  wx.cloud.init({ env, traceUser: true });
}

/** A function's contract: action name -> { request, response } (see contracts/articles.ts). */
export type FunctionActions<F> = { [A in keyof F]: { request: object; response: unknown } };

export async function callFunction<F extends FunctionActions<F>, A extends keyof F & string>(
  name: string,
  request: F[A]['request'] & { action: A },
): Promise<Envelope<F[A]['response']>> {
  if (!wx.cloud) return { ok: false, error: { code: 'INTERNAL', message: OUTDATED_WECHAT_MESSAGE } };
  try {
    const result = await wx.cloud.callFunction({ name, data: request as WechatMiniprogram.IAnyObject });
    return asEnvelope<F[A]['response']>(result.result);
  } catch (error) {
    console.error(`云函数 ${name} 调用失败`, error);
    return networkFailure();
  }
}

/**
 * Turns cloud:// file ids into temporary https URLs. Ids that cannot be resolved map to ''
 * (the reader then sees the photo placeholder rather than a broken image).
 */
export async function resolveCloudFiles(fileIds: string[]): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  const unique = [...new Set(fileIds.filter((id) => id.startsWith('cloud://')))];
  if (unique.length === 0 || !wx.cloud) return resolved;
  // getTempFileURL accepts at most 50 ids a call.
  for (let start = 0; start < unique.length; start += 50) {
    const batch = unique.slice(start, start + 50);
    try {
      const { fileList } = await wx.cloud.getTempFileURL({ fileList: batch });
      for (const file of fileList) resolved.set(file.fileID, file.status === 0 ? file.tempFileURL : '');
    } catch (error) {
      console.error('图片地址获取失败', error);
    }
  }
  return resolved;
}

function asEnvelope<T>(value: unknown): Envelope<T> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const candidate = value as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
    if (candidate.ok === true && 'data' in candidate) return { ok: true, data: candidate.data as T };
    if (candidate.ok === false && candidate.error && isErrorCode(candidate.error.code)) {
      const code = candidate.error.code;
      const message =
        typeof candidate.error.message === 'string' ? candidate.error.message : DEFAULT_ERROR_MESSAGES[code];
      return { ok: false, error: { code, message } };
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL } };
}

function networkFailure(): Failure {
  return { ok: false, error: { code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE } };
}

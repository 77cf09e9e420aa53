/**
 * The simulated caller of a local call, from request headers:
 *   x-wx-openid   the mini-program user; absent = a console test call (no WeChat user)
 *   x-wx-source   TCB_SOURCE; defaults to wx_client when an openid is given, none otherwise
 *   x-wx-appid    WX_APPID; defaults to LOCAL_APPID when an openid is given
 * Values go into the platform's `KEY=value;…` environ string, so they are restricted to safe characters.
 */
import type http from 'node:http';
import type { SimulatedCaller } from './context';

/** The mini-program appid the local stack pretends to be (no real appid is needed locally). */
export const LOCAL_APPID = 'wx-local-appid';

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const SOURCE_PATTERN = /^[a-z_]+(,[a-z_]+)*$/;

export class CallerHeaderError extends Error {}

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? null : text.trim();
}

export function callerFromHeaders(req: http.IncomingMessage): SimulatedCaller {
  const openid = header(req, 'x-wx-openid');
  const source = header(req, 'x-wx-source');
  const appid = header(req, 'x-wx-appid');
  if (openid !== null && !OPENID_PATTERN.test(openid)) {
    throw new CallerHeaderError('x-wx-openid 只能包含字母、数字、下划线和连字符（最多 128 个）');
  }
  if (source !== null && (source.length > 64 || !SOURCE_PATTERN.test(source))) {
    throw new CallerHeaderError('x-wx-source 应形如 wx_client 或 wx_client,scf');
  }
  if (appid !== null && !OPENID_PATTERN.test(appid)) {
    throw new CallerHeaderError('x-wx-appid 只能包含字母、数字、下划线和连字符');
  }
  if (openid === null) return { openid: null, appid, source };
  return { openid, appid: appid ?? LOCAL_APPID, source: source ?? 'wx_client' };
}

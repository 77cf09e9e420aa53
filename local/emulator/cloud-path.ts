// Cloud paths and file IDs of the local storage.
//
// The real service names a file `cloud://<envId>.<bucket>/<path>`, the bucket being
// `<hex of the env id's first two characters>-<envId>-<appId>` (e.g.
// `cloud://prod-1a2b.7072-prod-1a2b-1300000000/slides/a.pdf`). Locally there is no app id, so the
// emulator names its files `cloud://local.6c6f-local/<path>`. Like its single database, it has a
// single storage: when reading, env and bucket are not checked and only <path> picks the file, so an
// id copied from a real environment finds the local file put at the same path.
import { EmulatorError } from './errors';
import { LOCAL_ENV_ID } from './local-env';

export const LOCAL_BUCKET = `${Buffer.from(LOCAL_ENV_ID.slice(0, 2)).toString('hex')}-${LOCAL_ENV_ID}`;

/** COS refuses object keys above 850 bytes. */
const MAX_PATH_BYTES = 850;
/** The longest file or folder name the local disk takes. */
const MAX_SEGMENT_BYTES = 255;

/**
 * Characters refused in a path. Control characters and the backslash could not name a file safely
 * on every disk; `?`, `#` and `%` would make the download address ambiguous (temporary URLs carry
 * the path unencoded, as the real service's do, and clients encode it with encodeURI).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\\?#%]/;

/**
 * The path as stored, or an INVALID_PARAM error saying what is wrong with it: relative, no empty,
 * `.` or `..` segment, nothing that could leave the storage folder.
 */
export function checkCloudPath(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw invalidPath('文件路径不能为空');
  if (Buffer.byteLength(value) > MAX_PATH_BYTES) throw invalidPath(`文件路径超过 ${MAX_PATH_BYTES} 字节`);
  if (FORBIDDEN_CHARACTERS.test(value)) {
    throw invalidPath(`文件路径不能包含控制字符、\\、?、# 或 %：${JSON.stringify(value)}`);
  }
  if (value.startsWith('/')) throw invalidPath(`文件路径不能以 / 开头：${value}`);
  const segments = value.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    throw invalidPath(`文件路径不能包含 . 或 .. 段：${value}`);
  }
  if (segments.some((segment) => segment === '')) throw invalidPath(`文件路径不能包含空段（//）或以 / 结尾：${value}`);
  // A longer segment cannot name a file on the disk (NAME_MAX); COS would accept it, the local storage cannot.
  if (segments.some((segment) => Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)) {
    throw invalidPath(`文件路径中的每一段不能超过 ${MAX_SEGMENT_BYTES} 字节`);
  }
  if (/^[a-z]:/i.test(value)) throw invalidPath(`文件路径不能是盘符路径：${value}`);
  return value;
}

/** The checked path of `cloud://<env>.<bucket>/<path>`; INVALID_PARAM for anything else. */
export function pathOfFileId(fileId: unknown): string {
  const match = typeof fileId === 'string' ? /^cloud:\/\/[^./]+\.[^/]+\/(.*)$/s.exec(fileId) : null;
  if (!match) {
    throw new EmulatorError('INVALID_PARAM', `fileID 格式应为 cloud://<环境>.<存储桶>/<路径>：${String(fileId)}`);
  }
  return checkCloudPath(match[1]);
}

/** The local file ID of a (checked) path. */
export function localFileId(path: string): string {
  return `cloud://${LOCAL_ENV_ID}.${LOCAL_BUCKET}/${checkCloudPath(path)}`;
}

function invalidPath(message: string): EmulatorError {
  return new EmulatorError('INVALID_PARAM', message);
}

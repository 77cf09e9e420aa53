// The HTTP side of the local storage, standing in for COS: GET/HEAD /storage/<path> serve a file,
// PUT /storage/<path> stores one (the second half of node-sdk's uploadFile). Every request must carry
// the `sign` and `t` the storage actions handed out. Errors are answered as COS answers them, an XML
// <Error> with Code, Message, Resource, RequestId and TraceId (node-sdk's uploadFile reads all five).
import type http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import mime from 'mime-types';
import { checkCloudPath } from './cloud-path';
import { EmulatorError } from './errors';
import { FileTooLargeError } from './file-store';
import type { LocalStorage } from './storage';
import type { SignedMethod } from './url-signer';

export const STORAGE_ROUTE = '/storage/';

/** Far above any course material, low enough that a stray upload cannot fill the disk. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export function isStorageRequest(request: http.IncomingMessage): boolean {
  return (request.url ?? '').startsWith(STORAGE_ROUTE);
}

export function serveStorage(
  storage: LocalStorage,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): void {
  const requestId = crypto.randomUUID();
  // The browser preview fetches files from another origin (the functions host's page).
  response.setHeader('access-control-allow-origin', '*');
  handle(storage, request, response, requestId).catch((error: unknown) => {
    if (error instanceof FileTooLargeError) {
      sendError(response, 413, 'EntityTooLarge', error.message, requestId);
    } else if (error instanceof EmulatorError) {
      sendError(response, 400, 'InvalidArgument', error.message, requestId);
    } else {
      console.error('[emulator] storage error', error);
      sendError(response, 500, 'InternalError', `模拟器内部错误（请求 ${requestId}），详见模拟器日志`, requestId);
    }
    request.resume();
  });
}

async function handle(
  storage: LocalStorage,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  requestId: string,
): Promise<void> {
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'GET, HEAD, PUT',
      'access-control-allow-headers': '*',
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }
  const signedMethod: SignedMethod | undefined =
    method === 'GET' || method === 'HEAD' ? 'GET' : method === 'PUT' ? 'PUT' : undefined;
  if (!signedMethod) {
    request.resume();
    return sendError(response, 405, 'MethodNotAllowed', `本地存储不支持 ${method} 请求`, requestId);
  }
  const [rawPath, rawQuery = ''] = (request.url ?? '').slice(STORAGE_ROUTE.length).split(/\?(.*)/s, 2);
  const cloudPath = checkCloudPath(decodePath(rawPath));
  const verdict = storage.signer.verify(signedMethod, cloudPath, new URLSearchParams(rawQuery), nowSeconds());
  if (verdict !== 'valid') {
    request.resume();
    const message = verdict === 'expired' ? '访问地址已过期，请重新获取' : '访问地址的签名无效';
    return sendError(response, 403, 'AccessDenied', message, requestId, cloudPath);
  }
  if (signedMethod === 'PUT') {
    if (Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES)
      throw new FileTooLargeError(MAX_UPLOAD_BYTES);
    await storage.files.write(cloudPath, request, MAX_UPLOAD_BYTES);
    response.writeHead(200, { 'content-length': 0, 'x-cos-request-id': requestId });
    response.end();
    return;
  }
  const found = storage.files.find(cloudPath);
  if (!found)
    return sendError(response, 404, 'NoSuchKey', `本地存储中没有这个文件：${cloudPath}`, requestId, cloudPath);
  response.writeHead(200, {
    'content-type': contentTypeOf(cloudPath),
    'content-length': found.size,
    'x-cos-request-id': requestId,
  });
  if (method === 'HEAD') {
    response.end();
    return;
  }
  fs.createReadStream(found.absolutePath)
    .once('error', () => response.destroy())
    .pipe(response);
}

function contentTypeOf(cloudPath: string): string {
  const type = mime.lookup(cloudPath);
  return (type && mime.contentType(type)) || 'application/octet-stream';
}

/** The raw path, decoded once; `new URL()` is not used because it would resolve `..` away unseen. */
function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    throw new EmulatorError('INVALID_PARAM', `文件路径的百分号编码无效：${rawPath}`);
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function sendError(
  response: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  resource = '',
): void {
  if (response.headersSent || response.destroyed) return;
  const body = [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `  <Code>${code}</Code>`,
    `  <Message>${escapeXml(message)}</Message>`,
    `  <Resource>${escapeXml(resource)}</Resource>`,
    `  <RequestId>${requestId}</RequestId>`,
    `  <TraceId>${requestId}</TraceId>`,
    '</Error>',
  ].join('\n');
  response.writeHead(status, {
    'content-type': 'application/xml; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-cos-request-id': requestId,
  });
  response.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

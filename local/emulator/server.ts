// HTTP front of the emulator: node-sdk POSTs signed JSON to `<serviceUrl>?env=..&seqId=..`.
// Signatures are not checked (any secretId/secretKey works locally). Every failure is answered
// as `{code, message, requestId}`, which node-sdk raises as a rejected promise; the server
// itself never goes down because of one bad request. /storage/<path> is the file side of the
// local storage (file-server.ts).
import http from 'node:http';
import crypto from 'node:crypto';
import { runAction, type Backend, type Params } from './actions';
import { EmulatorError } from './errors';
import { isPlainObject } from './ejson';
import { isStorageRequest, serveStorage } from './file-server';

/** The real service refuses large bodies too; 16 MB is far above any batch the SDK builds. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function createEmulatorServer(backend: Backend): http.Server {
  return http.createServer((request, response) => {
    if (isStorageRequest(request)) {
      serveStorage(backend.storage, request, response);
      return;
    }
    const requestId = crypto.randomUUID();
    if (request.method !== 'POST') {
      send(response, 405, { code: 'INVALID_PARAM', message: '只接受 POST 请求', requestId });
      request.resume();
      return;
    }
    readBody(request)
      .then((body) => send(response, 200, answer(backend, body, requestId)))
      .catch((error: unknown) => {
        const message = error instanceof EmulatorError ? error.message : '请求读取失败';
        send(response, error instanceof EmulatorError ? 413 : 400, { code: 'INVALID_PARAM', message, requestId });
      });
  });
}

function answer(backend: Backend, body: string, requestId: string): Record<string, unknown> {
  try {
    const params = parseParams(body);
    const data = runAction(backend, params, new Date());
    return { requestId, data };
  } catch (error) {
    if (error instanceof EmulatorError) return { code: error.code, message: error.message, requestId };
    // An emulator bug or a disk failure: report it, keep serving, and leave a trace for the developer.
    console.error('[emulator] unexpected error', error);
    return { code: 'SYS_ERR', message: `模拟器内部错误：${(error as Error).message}`, requestId };
  }
}

function parseParams(body: string): Params {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new EmulatorError('INVALID_PARAM', '请求体不是合法的 JSON');
  }
  if (!isPlainObject(parsed)) throw new EmulatorError('INVALID_PARAM', '请求体必须是 JSON 对象');
  return parsed;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new EmulatorError('INVALID_PARAM', '请求体过大'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

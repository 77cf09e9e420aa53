// HTTP front of the emulator: node-sdk POSTs signed JSON to `<serviceUrl>?env=..&seqId=..`.
// Signatures are not checked (any secretId/secretKey works locally). Every failure is answered
// as `{code, message, requestId}`, which node-sdk raises as a rejected promise; the server
// itself never goes down because of one bad request. /storage/<path> is the file side of the
// local storage (file-server.ts).
import http from 'node:http';
import crypto from 'node:crypto';
import { runAction, type Backend, type Params } from './actions';
import { WriteBlocked } from './transactions';
import { EmulatorError } from './errors';
import { isPlainObject } from './ejson';
import { isStorageRequest, serveStorage } from './file-server';
import { letClientsCloseIdleConnections } from './idle-connections';

/** The real service refuses large bodies too; 16 MB is far above any batch the SDK builds. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function createEmulatorServer(backend: Backend): http.Server {
  return letClientsCloseIdleConnections(createRequestHandlerServer(backend));
}

function createRequestHandlerServer(backend: Backend): http.Server {
  return http.createServer((request, response) => {
    if (isStorageRequest(request)) {
      serveStorage(backend.storage, request, response);
      return;
    }
    const requestId = crypto.randomUUID();
    const refusal = refusalOf(request);
    if (refusal) {
      send(response, refusal.status, { code: 'INVALID_PARAM', message: refusal.message, requestId });
      request.resume();
      return;
    }
    readBody(request)
      .then(async (body) => send(response, 200, await answer(backend, body, requestId)))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) {
          // Answer first, then let the rest of the body drain: the client reads a 413, not a reset.
          send(response, 413, { code: 'INVALID_PARAM', message: error.message, requestId }, { connection: 'close' });
          request.resume();
          return;
        }
        send(response, 400, { code: 'INVALID_PARAM', message: '请求读取失败', requestId });
      });
  });
}

/**
 * node-sdk sends JSON POSTs with no Origin header. A web page can send a "simple" cross-origin request
 * (text/plain, no preflight) to 127.0.0.1: refusing any Origin and any non-JSON type keeps every page
 * open in the developer's browser away from the local database.
 */
function refusalOf(request: http.IncomingMessage): { status: number; message: string } | undefined {
  if (request.method !== 'POST') return { status: 405, message: '只接受 POST 请求' };
  if (request.headers.origin !== undefined) {
    return { status: 403, message: '拒绝来自网页的请求（带 Origin 请求头）：本地数据库只接受 node-sdk 的调用' };
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, message: '请求的 content-type 必须是 application/json' };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return { status: 413, message: tooLargeMessage() };
  return undefined;
}

function tooLargeMessage(): string {
  return `请求体超过 ${MAX_BODY_BYTES / 1024 / 1024} MB`;
}

class BodyTooLarge extends Error {}

async function answer(backend: Backend, body: string, requestId: string): Promise<Record<string, unknown>> {
  for (;;) {
    try {
      const params = parseParams(body);
      const { data, top } = runAction(backend, params, new Date());
      return { requestId, ...top, ...(data ? { data } : {}) };
    } catch (error) {
      // A plain write to a document an open transaction holds: wait for it to end, then run again.
      if (error instanceof WriteBlocked) {
        await error.released;
        continue;
      }
      if (error instanceof EmulatorError) return { code: error.code, message: error.message, requestId };
      // An emulator bug or a disk failure: report it, keep serving, and leave a trace for the developer.
      console.error('[emulator] unexpected error', error);
      // The message stays in the log: it can carry paths of this machine.
      return { code: 'SYS_ERR', message: `模拟器内部错误（请求 ${requestId}），详见模拟器日志`, requestId };
    }
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
        if (size - chunk.length <= MAX_BODY_BYTES) reject(new BodyTooLarge(tooLargeMessage()));
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(
  response: http.ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: http.OutgoingHttpHeaders = {},
): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

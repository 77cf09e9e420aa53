/**
 * The functions host as a mountable request handler:
 *   POST /functions/<name>   body = the event (JSON)  ->  200 + whatever main(event, context) returned, as JSON
 *   404 unknown function · 400 invalid JSON or caller headers · 413 body over 1 MB · 405 other methods
 *   503 HOST_BUSY / 504 FUNCTION_TIMEOUT (retryable, see invocation-gate.ts)
 * Returns false for paths outside /functions/ so the caller can serve them (the browser preview).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { callerFromHeaders, CallerHeaderError } from './caller-headers';
import { buildInvocationContext } from './context';
import { FunctionLoader, FunctionLoadError } from './loader';
import { DEFAULT_INVOCATION_LIMITS, InvocationGate, type InvocationLimits } from './invocation-gate';

/** The platform's limit on a callFunction payload is larger; 1 MB is plenty for this app and keeps the host safe. */
export const MAX_EVENT_BYTES = 1024 * 1024;

const PREFIX = '/functions/';

export interface FunctionsHandlerOptions {
  /** Folder of built functions: <functionsDir>/<name>/index.js. */
  functionsDir: string;
  /** How many calls run at once, wait, and for how long (invocation-gate.ts); default DEFAULT_INVOCATION_LIMITS. */
  limits?: Partial<InvocationLimits>;
}

/** Handles the request and resolves true, or resolves false without touching it (not a /functions path). */
export type FunctionsHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body === undefined ? null : body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Errors of the host itself (not of a function), in one recognisable shape. */
function sendHostError(
  res: http.ServerResponse,
  status: number,
  message: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  sendJson(res, status, { hostError: { status, message } }, headers);
}

/**
 * A refusal the client should retry: the host was too busy to start the function (503, HOST_BUSY, with
 * retry-after), or the function ran past its timeout (504, FUNCTION_TIMEOUT, as the platform's -504003).
 */
function sendRetryableHostError(
  res: http.ServerResponse,
  refusal: { status: 503; code: 'HOST_BUSY' } | { status: 504; code: 'FUNCTION_TIMEOUT' },
  message: string,
): void {
  const headers: http.OutgoingHttpHeaders = refusal.status === 503 ? { 'retry-after': '1' } : {};
  sendJson(res, refusal.status, { hostError: { ...refusal, retryable: true, message } }, headers);
}

/** Resolves when the caller's connection closes before the answer was sent (it gave up, or timed out). */
function abandonment(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    res.once('close', () => {
      if (!res.writableFinished) resolve();
    });
  });
}

class BodyTooLargeError extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * Per-invocation identity the platform hands a function in `context`; node-sdk's getCloudbaseContext
 * falls back to process.env for every key its *_CONTEXT_KEYS lists, and takes those lists from
 * process.env too when the context has none (a console call). In the cloud the process never has them;
 * on a laptop the shell might (a copied cloud environment), and a console call would then run as
 * that user. The host behaves as the platform: they are dropped from its process before each call.
 */
export const INVOCATION_VARIABLES = [
  'WX_CONTEXT_KEYS',
  'TCB_CONTEXT_KEYS',
  'TCB_CONTEXT_CNFG',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_FROM_OPENID',
  'WX_FROM_APPID',
  'WX_FROM_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'WX_TRIGGER_API_TOKEN_V0',
  'TCB_SOURCE',
  'TCB_UUID',
  'TCB_ISANONYMOUS_USER',
  'TCB_SESSIONTOKEN',
  'TCB_SEQID',
  'LOGINTYPE',
  'TRIGGER_SRC',
] as const;

function dropInvocationVariables(): void {
  const found = INVOCATION_VARIABLES.filter((key) => process.env[key] !== undefined);
  if (found.length === 0) return;
  console.warn(
    `[functions-host] 忽略 shell 环境中的 ${found.join(', ')}：调用者只来自请求头（平台从 context 传入身份）`,
  );
  for (const key of found) delete process.env[key];
}

export function createFunctionsHandler(options: FunctionsHandlerOptions): FunctionsHandler {
  const loader = new FunctionLoader(options.functionsDir);
  const gate = new InvocationGate({ ...DEFAULT_INVOCATION_LIMITS, ...options.limits });
  dropInvocationVariables();

  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://functions.local');
    if (!pathname.startsWith(PREFIX)) return false;
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice(PREFIX.length)).replace(/\/+$/, '');
    } catch {
      // Not even a name (a broken %-escape such as /functions/%ZZ): no function is called that.
      sendHostError(res, 404, `函数名无法解析：${pathname.slice(PREFIX.length, PREFIX.length + 80)}`);
      return true;
    }

    if (req.method !== 'POST') {
      sendHostError(res, 405, '只接受 POST 请求：请求体为函数的 event（JSON）', { allow: 'POST' });
      return true;
    }

    let main;
    try {
      main = loader.load(name);
    } catch (error) {
      const message = error instanceof FunctionLoadError ? error.message : String(error);
      console.error('[functions-host]', message);
      sendHostError(res, 500, message);
      return true;
    }
    if (main === null) {
      const known = loader.list();
      sendHostError(res, 404, `没有名为 ${name} 的函数（已构建：${known.join(', ') || '无，请先 npm run build'}）`);
      return true;
    }

    let event: unknown;
    try {
      const body = await readBody(req, MAX_EVENT_BYTES);
      const text = body.toString('utf8').trim();
      // An empty body is an empty event, as when a client calls a function without data.
      event = text === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // Tell the client to stop sending; the rest of the body is not read.
        sendHostError(res, 413, `请求体超过 ${MAX_EVENT_BYTES} 字节`, { connection: 'close' });
        return true;
      }
      sendHostError(res, 400, '请求体不是合法的 JSON');
      return true;
    }

    let caller;
    try {
      caller = callerFromHeaders(req);
    } catch (error) {
      if (!(error instanceof CallerHeaderError)) throw error;
      sendHostError(res, 400, error.message);
      return true;
    }

    const requestId = randomUUID();
    dropInvocationVariables(); // set since the host started (another tool in the same process)
    const context = buildInvocationContext(name, caller, requestId);
    const outcome = await gate.run(() => main(event, context), abandonment(res));
    switch (outcome.kind) {
      case 'done':
        sendJson(res, 200, outcome.value);
        break;
      case 'failed':
        // In the cloud an uncaught error fails the invocation; our functions never let one out, so this is a bug.
        console.error(`[functions-host] ${name} threw (request ${requestId}):`, outcome.error);
        sendHostError(res, 500, `函数 ${name} 执行出错（请求 ${requestId}），详见主机日志`);
        break;
      case 'busy':
        sendRetryableHostError(res, { status: 503, code: 'HOST_BUSY' }, '本地函数主机繁忙，函数未执行，请稍后重试');
        break;
      case 'timeout': {
        const seconds = gate.limits.functionTimeoutMs / 1000;
        console.error(
          `[functions-host] ${name} ran past ${seconds} s (request ${requestId}): answered FUNCTION_TIMEOUT`,
        );
        sendRetryableHostError(
          res,
          { status: 504, code: 'FUNCTION_TIMEOUT' },
          `函数 ${name} 执行超时（${seconds} 秒，请求 ${requestId}）：它可能已部分完成，请用同一请求重试`,
        );
        break;
      }
      case 'abandoned':
        break; // the caller is gone: nothing ran, nobody to answer
    }
    return true;
  };
}

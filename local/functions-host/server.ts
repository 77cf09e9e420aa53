/**
 * The functions host as a server on 127.0.0.1: /functions/<name> runs built functions, any other path goes to
 * `extraHandler` (the browser preview) or gets a plain page listing the functions.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createFunctionsHandler } from './handler';
import { FunctionLoader } from './loader';
import { useLocalCloudEnvironment } from '../emulator/client';
import { letClientsCloseIdleConnections } from '../emulator/idle-connections';
import type { InvocationLimits } from './invocation-gate';

export type ExtraHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface FunctionsHostOptions {
  /** 0 or absent: the OS picks a free port. */
  port?: number;
  /** Folder of built functions (dist/functions). */
  functionsDir: string;
  /** The emulator's serviceUrl; the functions' node-sdk is pointed at it through the environment (localCloudEnvironment). */
  serviceUrl: string;
  /** Serves every path outside /functions/ (the browser preview). */
  extraHandler?: ExtraHandler;
  /** Calls at once, waiting and function timeout (invocation-gate.ts); default DEFAULT_INVOCATION_LIMITS. */
  limits?: Partial<InvocationLimits>;
}

export interface RunningFunctionsHost {
  /** e.g. http://127.0.0.1:3000 (no trailing slash) */
  url: string;
  port: number;
  close(): Promise<void>;
}

function listingPage(loader: FunctionLoader, res: http.ServerResponse): void {
  const names = loader.list();
  const lines = [
    '履职学堂 · 本地云函数主机',
    '',
    names.length === 0
      ? '还没有构建好的函数：请先运行 npm run build'
      : '函数（POST /functions/<名称>，请求体为 event JSON）：',
    ...names.map((name) => `  /functions/${name}`),
    '',
    '模拟调用者：请求头 x-wx-openid（不带 = 控制台测试调用），可选 x-wx-source、x-wx-appid',
  ];
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${lines.join('\n')}\n`);
}

export async function startFunctionsHost(options: FunctionsHostOptions): Promise<RunningFunctionsHost> {
  // Read lazily by core/runtime/cloud.ts on a function's first database call, in this same process;
  // put back as it was on close.
  const restoreEnvironment = useLocalCloudEnvironment(options.serviceUrl);
  // The content check of user text (core/reflections/content-check.ts): locally a word list organisers can
  // edit instead of WeChat's msgSecCheck. A test may point it at its own list first.
  process.env.CONTENT_CHECK_WORDS ??= path.resolve(__dirname, '..', 'content-check', 'words.txt');
  const functions = createFunctionsHandler({ functionsDir: options.functionsDir, limits: options.limits });
  const loader = new FunctionLoader(options.functionsDir);

  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        if (await functions(req, res)) return;
        if (options.extraHandler) await options.extraHandler(req, res);
        else listingPage(loader, res);
      } catch (error) {
        console.error('[functions-host]', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('主机内部错误');
      }
    })();
  });
  letClientsCloseIdleConnections(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          restoreEnvironment();
          resolve();
        });
        server.closeIdleConnections();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

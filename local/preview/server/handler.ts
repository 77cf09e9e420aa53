/**
 * The preview's HTTP handler: mounted by local/start.ts for every path that is not /functions.
 *   /                        the phone page
 *   /__preview/runtime.js    the browser runtime (j-component + exparser + wx API)
 *   /__preview/wxml.js       all WXML, compiled by wcc
 *   /__preview/app.js        app.json, app.wxss, app.ts
 *   /__preview/page.js?path= one page: its modules and component tree
 *   POST /__preview/cloud/getTempFileURL  wx.cloud storage, answered by the emulator (cloud-storage.ts)
 *   anything else            an asset under miniprogram/
 */
import path from 'node:path';
import type http from 'node:http';
import { PreviewConfigError } from './app-config';
import { ModuleCompiler } from './modules';
import { PreviewPathError } from './paths';
import { TEMP_FILE_URL_ENDPOINT } from '../storage-bridge';
import { PreviewCloudStorage } from './cloud-storage';
import { UnknownPageError, appScript, pageScript } from './page-scripts';
import { runtimeBundle } from './runtime-bundle';
import { shellHtml } from './shell-html';
import { serveStaticFile } from './static-files';
import { WxmlCompiler } from './wxml';

export interface PreviewOptions {
  /** The project folder (the one holding miniprogram/). */
  projectRoot: string;
  /** Where /functions/<name> lives; same origin when omitted. */
  functionsBaseUrl?: string;
  /**
   * The CloudBase emulator's address (as given to node-sdk, http://127.0.0.1:<port>/). With it,
   * wx.cloud.getTempFileURL / downloadFile and <image src="cloud://…"> read the emulator's file
   * storage; without it they are reported as not supported.
   */
  serviceUrl?: string;
}

export type PreviewHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

const JS = 'application/javascript; charset=utf-8';

function send(res: http.ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** A script that shows the failure in the phone instead of leaving it blank. */
function failureScript(message: string): string {
  return `window.__wxPreview ? __wxPreview.fatal(${JSON.stringify(message)}) : document.body.insertAdjacentText('afterbegin', ${JSON.stringify(message)});\n`;
}

export function createPreviewHandler(options: PreviewOptions): PreviewHandler {
  const miniprogramRoot = path.resolve(options.projectRoot, 'miniprogram');
  const modules = new ModuleCompiler(miniprogramRoot);
  const wxml = new WxmlCompiler(miniprogramRoot);
  const functionsBaseUrl = (options.functionsBaseUrl ?? '').replace(/\/+$/, '');
  const storage = options.serviceUrl ? new PreviewCloudStorage(options.serviceUrl) : undefined;

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview.local');
    if (url.pathname === TEMP_FILE_URL_ENDPOINT) {
      if (req.method !== 'POST') send(res, 405, 'text/plain; charset=utf-8', '只接受 POST 请求');
      else if (!storage) send(res, 501, 'text/plain; charset=utf-8', '预览没有连接本地云存储（未提供 serviceUrl）');
      else await storage.handle(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', '预览只接受 GET 请求');
      return;
    }
    try {
      switch (url.pathname) {
        case '/':
        case '/index.html':
          send(
            res,
            200,
            'text/html; charset=utf-8',
            shellHtml({ functionsBaseUrl, cloudStorage: storage !== undefined }),
          );
          return;
        case '/favicon.ico':
          res.writeHead(204).end();
          return;
        case '/__preview/runtime.js':
          send(res, 200, JS, await runtimeBundle());
          return;
        case '/__preview/wxml.js':
          send(res, 200, JS, wxml.script());
          return;
        case '/__preview/app.js':
          send(res, 200, JS, appScript(miniprogramRoot, modules));
          return;
        case '/__preview/page.js':
          send(res, 200, JS, pageScript(miniprogramRoot, modules, url.searchParams.get('path') ?? ''));
          return;
        default:
          if (url.pathname.startsWith('/__preview/') || !serveStaticFile(miniprogramRoot, url.pathname, res)) {
            send(res, 404, 'text/plain; charset=utf-8', `预览里没有这个文件：${url.pathname}`);
          }
      }
    } catch (error) {
      const known =
        error instanceof UnknownPageError || error instanceof PreviewConfigError || error instanceof PreviewPathError;
      const message = error instanceof Error ? error.message : String(error);
      if (!known) console.error('[preview]', error);
      if (url.pathname.endsWith('.js')) send(res, 200, JS, failureScript(`预览出错：${message}`));
      else send(res, known ? 400 : 500, 'text/plain; charset=utf-8', `预览出错：${message}`);
    }
  };
}

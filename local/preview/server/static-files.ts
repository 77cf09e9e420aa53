/** Images and other assets of the mini-program (tabBar icons, local photos), served read-only. */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { absoluteInRoot, isFile } from './paths';

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** Serves the file if it exists under the root; returns false when it does not. */
export function serveStaticFile(miniprogramRoot: string, urlPath: string, res: http.ServerResponse): boolean {
  let file: string;
  try {
    file = absoluteInRoot(miniprogramRoot, decodeURIComponent(urlPath));
  } catch {
    return false;
  }
  const extension = path.extname(file).toLowerCase();
  if (!(extension in CONTENT_TYPES) || !isFile(file)) return false;
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extension], 'cache-control': 'no-cache' });
  fs.createReadStream(file).pipe(res);
  return true;
}
